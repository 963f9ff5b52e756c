import Foundation
import HessianLab

/// JSON encoding shared by `covariance` and `reproduce covariance-hessian`: sorted keys,
/// pretty-printed, a `schemaVersion` key added (``Versioned``).
enum CovarianceJSON {
  static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    // Non-finite metrics (a spread of ∞) are written as strings rather than failing.
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(Versioned(base: value)), as: UTF8.self)
  }
}
