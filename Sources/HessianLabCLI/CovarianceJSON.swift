import Foundation
import HessianLab

/// JSON encoding shared by `covariance` and `reproduce covariance-hessian`: sorted keys,
/// pretty-printed, a `schemaVersion` key added (``Versioned``).
enum CovarianceJSON {
  static func encode<T: Encodable>(_ value: T) throws(UsageError) -> String {
    // Non-finite metrics (a spread of ∞) are written as strings rather than failing.
    try JSONOutput.string(
      Versioned(base: value, normals: .reported(.current)),
      nonFinite: .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"))
  }
}
