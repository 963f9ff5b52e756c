import Foundation

/// The server's HELLO (`docs/oracle-protocol.md`): dimension, precision, capabilities and an
/// optional name. Unknown keys are ignored; unknown capability names are ignored too (later
/// additions), but at least one of `hvp`, `loss`, `gradient` must be present.
struct OracleHello: Equatable, Sendable {
  /// d, the number of parameters.
  let dimension: Int
  /// The precision the oracle computes in.
  let precision: Precision
  /// The requests it answers.
  let capabilities: Set<OracleCapability>
  /// Its name for reports, nil when it gave none (or an empty one).
  let name: String?

  /// The largest HELLO accepted: 64 KiB.
  static let sizeLimit = 1 << 16
  /// The block width the memory check of the dimension assumes: HessianLab keeps O(d·k) numbers,
  /// so d·k·8 bytes for k = 64 vectors must fit ``MemoryBudget``.
  static let budgetedBlockWidth = 64

  /// The fields as JSON types (numbers as `Double`: Foundation's decoder reports a non-integer
  /// for an `Int` as corrupt data without naming the key; integrality is checked here instead).
  private struct Fields: Decodable {
    var `protocol`: Double?
    var dimension: Double?
    var precision: String?
    var capabilities: [String]?
    var name: String?
  }

  /// `2` for 2.0, `2.5` for 2.5.
  private static func integerText(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? "\(Int(x))" : "\(x)"
  }

  /// Which field a JSON decoding error is about, in words.
  private static func describe(_ error: any Error) -> String {
    let path: [any CodingKey]
    switch error as? DecodingError {
    case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?: path = context.codingPath
    case .dataCorrupted(let context)?: path = context.codingPath
    default: path = []
    }
    guard let key = path.first?.stringValue else { return "not a JSON object" }
    return "'\(key)' has the wrong type or an unusable value"
  }

  /// Parses and validates a HELLO payload. Cost: O(text length).
  ///
  /// - Throws: ``OracleChildFailure/reply(_:)`` naming the field that is missing or wrong.
  static func parse(_ text: String) throws(OracleChildFailure) -> OracleHello {
    let fields: Fields
    do {
      fields = try JSONDecoder().decode(Fields.self, from: Data(text.utf8))
    } catch {
      throw .reply("bad HELLO: \(describe(error))")
    }
    guard let version = fields.protocol else { throw .reply("bad HELLO: no 'protocol'") }
    guard version == Double(OracleFrame.version) else {
      throw .reply("the oracle speaks protocol \(integerText(version)); this HessianLab speaks protocol \(OracleFrame.version)")
    }
    guard let size = fields.dimension else { throw .reply("bad HELLO: no 'dimension'") }
    guard size >= 1, size == size.rounded(), size < 0x1p62 else {
      throw .reply("bad HELLO: dimension \(integerText(size)) (must be a whole number at least 1)")
    }
    let dimension = Int(size)
    let bytes = MemoryBudget.product(dimension, budgetedBlockWidth, 8)
    if let refusal = MemoryBudget.refusal(bytes, for: "a block of \(budgetedBlockWidth) vectors at dimension \(dimension)") {
      throw .reply("bad HELLO: \(refusal.description)")
    }
    guard let precisionName = fields.precision else { throw .reply("bad HELLO: no 'precision'") }
    guard let precision = Precision(rawValue: precisionName) else {
      throw .reply("bad HELLO: precision '\(precisionName)' (expected float64 or float32)")
    }
    guard let names = fields.capabilities else { throw .reply("bad HELLO: no 'capabilities'") }
    let capabilities = Set(names.compactMap(OracleCapability.init(rawValue:)))
    guard !capabilities.isEmpty else {
      throw .reply("bad HELLO: capabilities \(names) name none of hvp, loss, gradient")
    }
    let name = fields.name?.trimmingCharacters(in: .whitespacesAndNewlines)
    return OracleHello(dimension: dimension, precision: precision, capabilities: capabilities, name: name?.isEmpty == false ? name : nil)
  }
}
