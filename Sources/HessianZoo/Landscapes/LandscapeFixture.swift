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
///         "source": "theory §5.4"         // where the answer comes from
///       }
///     }
///
/// The known answers are written from independent theory (docs/theory.md's
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
    /// Where the answers come from: a citation or a section of docs/theory.md.
    public var source: String

    /// The learning coefficient parsed as a ``Rational``.
    public var learningCoefficientValue: Rational? {
      guard let text = learningCoefficient else { return nil }
      let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
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
  ///   schema version, or a field out of range (``problems()``), naming the field.
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
      // The decoder's errors do not always say where (a fraction for an integer has
      // no coding path on every platform): then name the first field of the wrong type.
      let said = Self.oneLine(error)
      let detail = said == Self.noPath ? Self.fieldTypeProblem(in: data) ?? said : said
      throw InputError.file(path: path, problem: "not a landscape fixture (schema v\(currentSchemaVersion)): \(detail)")
    }
    guard fixture.schemaVersion == currentSchemaVersion else {
      throw InputError.file(path: path, problem: "schemaVersion \(fixture.schemaVersion) is not supported (expected \(currentSchemaVersion))")
    }
    if let problem = fixture.problems().first { throw InputError.file(path: path, problem: InputError.Phrase(problem)) }
    return fixture
  }

  /// The fields whose values are out of range, one line each naming the field
  /// (`field 'known.multiplicity': -5 is not at least 1`); empty when valid.
  ///
  /// Checked: `id` and `spec` non-blank; `known.dimension` ≥ 1; `known.rank` in
  /// 0…dimension; `known.multiplicity` in 1…dimension (m counts coordinates of a
  /// Newton-polyhedron face, so m ≤ d); `known.learningCoefficient` an exact
  /// rational p/q with 0 ≤ λ ≤ d/2 (the regular value d/2 is the largest).
  public func problems() -> [String] {
    var out: [String] = []
    let d = known.dimension
    if id.trimmingCharacters(in: .whitespaces).isEmpty { out.append("field 'id': must not be empty") }
    if spec.trimmingCharacters(in: .whitespaces).isEmpty { out.append("field 'spec': must not be empty") }
    if d < 1 { out.append("field 'known.dimension': \(d) is not at least 1") }
    if let r = known.rank, r < 0 || r > max(d, 0) {
      out.append("field 'known.rank': \(r) is not between 0 and the dimension \(d)")
    }
    if let m = known.multiplicity, m < 1 || m > max(d, 1) {
      out.append("field 'known.multiplicity': \(m) is not between 1 and the dimension \(d)")
    }
    if let text = known.learningCoefficient {
      if let lambda = known.learningCoefficientValue {
        // 0 ≤ p/q ≤ d/2 ⟺ 0 ≤ p and 2p ≤ d·q (q > 0 after normalisation), checked without overflow.
        let (twoP, o1) = lambda.numerator.multipliedReportingOverflow(by: 2)
        let (dq, o2) = d.multipliedReportingOverflow(by: lambda.denominator)
        if lambda.numerator < 0 || (!o1 && !o2 && twoP > dq) || (o1 && !o2) {
          out.append("field 'known.learningCoefficient': \(text) is not between 0 and d/2 = \(d)/2")
        }
      } else {
        out.append("field 'known.learningCoefficient': '\(text)' is not a rational p/q")
      }
    }
    return out
  }

  /// The first field whose JSON value has the wrong type (`field 'known.dimension':
  /// 1.5 is not an integer`), nil when the JSON does not parse or every field
  /// present has its type. Cost: one parse of the data.
  static func fieldTypeProblem(in data: Data) -> String? {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    enum Kind { case integer, optionalInteger, string, optionalString, strings }
    func problem(_ value: Any?, _ kind: Kind, _ name: String) -> String? {
      guard let value else { return nil }  // a missing key is the decoder's message
      let isNull = value is NSNull
      func shown() -> String {
        let text = (value as? String).map { "\"\($0)\"" } ?? "\(value)"
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
      }
      switch kind {
      case .integer, .optionalInteger:
        if isNull { return kind == .integer ? "field '\(name)': must not be null" : nil }
        // An integer's text has no fraction or exponent and fits in Int.
        guard !(value is String), let n = value as? NSNumber, Int(n.description) != nil else {
          return "field '\(name)': \(shown()) is not an integer"
        }
        return nil
      case .string, .optionalString:
        if isNull { return kind == .string ? "field '\(name)': must not be null" : nil }
        return value is String ? nil : "field '\(name)': \(shown()) is not a string"
      case .strings:
        return (value as? [Any])?.allSatisfy({ $0 is String }) == true ? nil : "field '\(name)': is not a list of strings"
      }
    }
    let top: [(String, Kind)] = [("schemaVersion", .integer), ("id", .string), ("description", .string), ("spec", .string), ("tags", .strings)]
    for (key, kind) in top { if let p = problem(object[key], kind, key) { return p } }
    guard let knownValue = object["known"] else { return nil }
    guard let known = knownValue as? [String: Any] else { return "field 'known': is not an object" }
    let inner: [(String, Kind)] = [
      ("dimension", .integer), ("rank", .optionalInteger), ("learningCoefficient", .optionalString),
      ("multiplicity", .optionalInteger), ("provenance", .string), ("source", .string),
    ]
    for (key, kind) in inner { if let p = problem(known[key], kind, "known.\(key)") { return p } }
    return nil
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
    return noPath
  }

  /// ``oneLine(_:)`` for an error that names no field.
  static let noPath = "malformed JSON"
}
