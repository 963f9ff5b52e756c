import Foundation

/// One entry of the known-answer corpus `fixtures/landscapes/*.json`.
///
/// Schema version 1 (all keys required unless marked optional):
///
///     {
///       "schemaVersion": 1,
///       "id": "newton-edge",                  // unique, equals the file name
///       "description": "x² + y⁴ …",
///       "spec": "poly:x0^2 + x1^4",           // resolved by LandscapeSpec
///       "tags": ["newton", "edge"],
///       "known": {
///         "dimension": 2,
///         "rank": 1,
///         "learningCoefficient": "3/4",       // exact rational text, or null when unknown
///         "multiplicity": 1,                  // or null
///         "provenance": "theorem",            // construction | theorem | unknown
///         "source": "math notes §3.3"         // where the answer comes from
///       }
///     }
///
/// The known answers are written from independent theory (the math notes'
/// tables, closed-form formulas), not copied from the code, so the corpus can
/// judge the code.
public struct LandscapeFixture: Sendable, Codable, Equatable {
  /// The schema version this code reads.
  public static let currentSchemaVersion = 1

  /// The known answers as stored in the file.
  public struct Answers: Sendable, Codable, Equatable {
    /// d, the number of parameters the spec must build.
    public var dimension: Int
    /// rank ∇²L(w*), or `nil` (`null`) when unknown.
    public var rank: Int?
    /// An exact rational such as `"3/4"`, or `nil` when unknown.
    public var learningCoefficient: String?
    /// The multiplicity m of λ, or `nil` (`null`) when unknown.
    public var multiplicity: Int?
    /// The provenance of the learning coefficient (compared with the landscape's ``KnownAnswers/learningCoefficient``).
    public var provenance: Provenance
    /// Where the answers come from: a citation or the math notes' section.
    public var source: String

    /// The learning coefficient parsed as a ``Rational``.
    public var learningCoefficientValue: Rational? {
      guard let text = learningCoefficient else { return nil }
      let parts = text.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
      switch parts.count {
      case 1: return parts[0].flatMap { $0 == Int.min ? nil : Rational($0) }
      case 2:
        // Int.min has no magnitude in Int (Rational's normalisation would trap).
        if let p = parts[0], let q = parts[1], q != 0, p != Int.min, q != Int.min { return Rational(p, q) }
        return nil
      default: return nil
      }
    }
  }

  /// The file's schema version; ``decode(_:path:)`` accepts only ``currentSchemaVersion``.
  public var schemaVersion: Int
  /// The unique id, equal to the file name without `.json` (and to the ``ZooEntry/id`` for zoo entries).
  public var id: String
  public var description: String
  /// The landscape spec (`poly:…`, `dln:…`, `quad:…`, `sum:…`) that ``LandscapeSpec`` resolves.
  public var spec: String
  /// Free-form labels used to group fixtures (`dln`, `newton`, `edge`, …); may be empty.
  public var tags: [String]
  /// The known answers, written from independent theory.
  public var known: Answers

  /// Reads and validates a fixture file.
  ///
  /// - Throws: ``InputError`` naming the file for unreadable JSON, a wrong
  ///   schema version or a malformed learning coefficient.
  public static func load(path: String) throws(InputError) -> LandscapeFixture {
    let data: Data
    do { data = try ReadableFile.read(path) } catch {
      throw InputError.file(path: path, problem: "cannot read fixture: \(error.reason)")
    }
    return try decode(data, path: path)
  }

  /// Decodes and validates fixture bytes; `path` names the input in messages.
  ///
  /// - Throws: ``InputError`` as ``load(path:)`` does (after reading).
  public static func decode(_ data: Data, path: String) throws(InputError) -> LandscapeFixture {
    let fixture: LandscapeFixture
    do { fixture = try JSONDecoder().decode(LandscapeFixture.self, from: data) } catch {
      throw InputError.file(path: path, problem: "not a landscape fixture (schema v\(currentSchemaVersion)): \(Self.oneLine(error))")
    }
    guard fixture.schemaVersion == currentSchemaVersion else {
      throw InputError.file(path: path, problem: "schemaVersion \(fixture.schemaVersion) is not supported (expected \(currentSchemaVersion))")
    }
    if fixture.known.learningCoefficient != nil, fixture.known.learningCoefficientValue == nil {
      throw InputError.file(path: path, problem: "learningCoefficient '\(fixture.known.learningCoefficient ?? "")' is not a rational p/q")
    }
    return fixture
  }

  static func oneLine(_ error: any Error) -> String {
    if case let DecodingError.keyNotFound(key, ctx) = error {
      return "missing key '\((ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
    }
    if case let DecodingError.typeMismatch(_, ctx) = error {
      return "wrong type at '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))'"
    }
    if case let DecodingError.valueNotFound(_, ctx) = error {
      return "missing value at '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))'"
    }
    if case let DecodingError.dataCorrupted(ctx) = error, !ctx.codingPath.isEmpty {
      return "invalid value at '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))'"
    }
    return "malformed JSON"
  }
}
