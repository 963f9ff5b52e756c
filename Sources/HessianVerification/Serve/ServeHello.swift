import Foundation

/// The HELLO a served landscape sends (`docs/oracle-protocol.md`, "Serving a landscape"): the
/// protocol's required fields, and `known`, the landscape's known answers exactly as
/// `hessian-lab describe --json` prints them (the ``LandscapeReport`` layout, without
/// `schemaVersion`: d, rank, λ as a number and as an exact fraction, m, the rank bounds on λ,
/// their provenance and sources, and whom λ and m describe).
public struct ServeHello: Encodable, Sendable, Equatable {
  /// `1`.
  public var `protocol`: Int
  /// d.
  public var dimension: Int
  /// `float64`, or `float32` for a Hessian read from a float32 `.npy` file.
  public var precision: String
  /// `hvp`, `loss`, `gradient`: a landscape answers all three.
  public var capabilities: [String]
  /// The landscape's name (the zoo id or the spec).
  public var name: String
  /// The known answers (``LandscapeReport``).
  public var known: LandscapeReport

  /// The HELLO of `landscape`. Cost: free (no loss evaluations).
  public init(_ landscape: any Landscape) {
    self.protocol = Int(OracleFrame.version)
    dimension = landscape.dimension
    precision = landscape.precision.rawValue
    capabilities = OracleCapability.allCases.map(\.rawValue)
    name = landscape.name
    known = LandscapeReport(landscape)
  }

  /// The HELLO as one JSON frame (keys sorted, compact). Cost: O(size of the known answers).
  public func frame() -> OracleFrame {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Every field is a finite number, a string, or null: encoding cannot fail.
    guard let data = try? encoder.encode(self) else { preconditionFailure("HELLO is not encodable") }
    return .json(.hello, text: String(decoding: data, as: UTF8.self))
  }

  /// An ERROR frame carrying `message` (`{"message": "…"}`).
  public static func errorFrame(_ message: String) -> OracleFrame {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(["message": message])) ?? Data(#"{"message": "error"}"#.utf8)
    return .json(.error, text: String(decoding: data, as: UTF8.self))
  }
}
