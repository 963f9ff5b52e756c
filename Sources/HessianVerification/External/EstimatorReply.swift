import Foundation

/// What one run of an external estimator answered: the JSON object `{"value": …,
/// "standardError": …}` it printed on standard output.
///
/// The whole output is read as one JSON object; when it is not one, its last non-empty line is
/// (so a stray `print` before the answer does no harm). Other keys are ignored. `value` must be a
/// finite number (a whole number for a rank); `standardError`, when given and not `null`, a
/// finite number ≥ 0. Cost: linear in the output's length.
public struct EstimatorReply: Sendable, Equatable, Codable {
  /// The estimate.
  public let value: Double
  /// Its stated standard error, nil when the estimator gave none.
  public let standardError: Double?

  /// A reply with its value and stated standard error.
  public init(value: Double, standardError: Double?) {
    self.value = value
    self.standardError = standardError
  }

  /// The reply in `output`, checked for `quantity`.
  ///
  /// - Throws: ``Problem`` saying what is wrong:
  ///   no JSON object, no or a non-numeric `value`, a non-finite value, a negative or
  ///   non-finite standard error, a missing standard error for λ, a fractional rank.
  public static func parse(_ output: [UInt8], for quantity: CalibrationQuantity) throws(Problem) -> EstimatorReply {
    let text = String(decoding: output, as: UTF8.self)
    guard let answer = Answer.decode(text) ?? Answer.decode(lastLine(text)) else {
      let shown = text.trimmingCharacters(in: .whitespacesAndNewlines)
      throw Problem(
        shown.isEmpty
          ? "printed nothing on standard output (expected one JSON object {\"value\": …, \"standardError\": …})"
          : "printed no JSON object on standard output (its last line: \"\(lastLine(shown).prefix(80))\"; expected {\"value\": …, \"standardError\": …} on one line)")
    }
    guard let field = answer.value, field != .null else { throw Problem("its JSON answer has no \"value\"") }
    guard case .number(let value) = field else { throw Problem("its \"value\" is not a number (\(field))") }
    guard value.isFinite else { throw Problem("its \"value\" is \(value), not a finite number") }
    if quantity == .rank, !(value >= 0 && value == value.rounded() && value < 1e15) {
      throw Problem("its \"value\" \(value) is not a rank (a whole number ≥ 0)")
    }
    var standardError: Double?
    if let seField = answer.standardError, seField != .null {
      guard case .number(let se) = seField else { throw Problem("its \"standardError\" is not a number (\(seField))") }
      guard se.isFinite, se >= 0 else { throw Problem("its \"standardError\" is \(se), not a finite number ≥ 0") }
      standardError = se
    }
    if quantity == .llc, standardError == nil {
      throw Problem("its JSON answer has no \"standardError\" (required for the learning coefficient: coverage is judged on it)")
    }
    return EstimatorReply(value: value, standardError: standardError)
  }

  /// Why an output is not a usable reply, in a few words.
  public struct Problem: Error, Equatable, Sendable {
    /// The problem, e.g. `its "value" is nan, not a finite number`.
    public let text: String
    /// A problem with its text.
    public init(_ text: String) { self.text = text }
  }

  /// The last non-empty line of `text`, trimmed.
  static func lastLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty } ?? ""
  }

  /// The two keys read from the answer (others are ignored).
  struct Answer: Decodable {
    var value: Field?
    var standardError: Field?

    /// `text` as an answer object (JSON5: a bare `NaN` or `Infinity` is read as a number, so
    /// that it is refused as non-finite rather than as unreadable); nil when it is not an object.
    static func decode(_ text: String) -> Answer? {
      let decoder = JSONDecoder()
      decoder.allowsJSON5 = true
      return try? decoder.decode(Answer.self, from: Data(text.utf8))
    }
  }

  /// One JSON value of the answer: a number, null, or anything else (described for the message).
  enum Field: Decodable, Equatable, CustomStringConvertible {
    case number(Double)
    case null
    case other(String)

    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if c.decodeNil() {
        self = .null
      } else if let b = try? c.decode(Bool.self) {
        self = .other("\(b)")
      } else if let d = try? c.decode(Double.self) {
        self = .number(d)
      } else if let s = try? c.decode(String.self) {
        self = .other("the string \"\(s.prefix(40))\"")
      } else {
        self = .other("an object or array")
      }
    }

    var description: String {
      switch self {
      case .number(let d): "\(d)"
      case .null: "null"
      case .other(let text): text
      }
    }
  }
}
