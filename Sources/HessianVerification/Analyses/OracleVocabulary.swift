import Foundation

/// The JSON of a comparison on an oracle, in words that claim nothing exact: the keys that name
/// an exact rank are renamed (``renamedKeys``: `exactRank` → `referenceRank`, `exactLowerBound`
/// → `agreementLowerBound`), since the rank runs are judged against is itself an estimate made
/// through the oracle. Everything else is the landscape layout, unchanged.
enum OracleVocabulary {
  /// The renamed keys.
  static let renamedKeys = ["exactRank": "referenceRank", "exactLowerBound": "agreementLowerBound"]

  /// `value`'s JSON with ``renamedKeys`` renamed at every depth.
  static func renamed(_ value: some Encodable, keys: [String: String] = renamedKeys) throws -> JSONTree {
    let data = try JSONEncoder().encode(value)
    return try JSONDecoder().decode(JSONTree.self, from: data).renamingKeys(keys)
  }
}

/// A JSON value, to re-encode an encoded value with some keys renamed.
indirect enum JSONTree: Codable, Equatable {
  case null, bool(Bool), int(Int), double(Double), string(String), array([JSONTree]), object([String: JSONTree])

  /// The tree with `map`'s keys renamed in every object.
  func renamingKeys(_ map: [String: String]) -> JSONTree {
    switch self {
    case let .array(items): .array(items.map { $0.renamingKeys(map) })
    case let .object(fields):
      .object(Dictionary(uniqueKeysWithValues: fields.map { (map[$0.key] ?? $0.key, $0.value.renamingKeys(map)) }))
    default: self
    }
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? c.decode(Int.self) {
      self = .int(i)
    } else if let x = try? c.decode(Double.self) {
      self = .double(x)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONTree].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONTree].self))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .null: try c.encodeNil()
    case let .bool(b): try c.encode(b)
    case let .int(i): try c.encode(i)
    case let .double(x): try c.encode(x)
    case let .string(s): try c.encode(s)
    case let .array(a): try c.encode(a)
    case let .object(o): try c.encode(o)
    }
  }
}
