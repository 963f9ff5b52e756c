import Foundation
import Testing
import TestSupport

/// The `--json` output of every command against its schema in
/// `docs/schema/<command>.schema.json` (JSON Schema draft 2020-12).
///
/// The validator below implements the subset of the specification the schemas
/// use — `type` (a name or an array of names, so `["integer", "null"]` is a
/// nullable integer), `required`, `properties`, `additionalProperties` (a
/// schema), `items`, `enum`, `const`, `anyOf`, `$ref` to `#/$defs/…`,
/// `minimum` and `exclusiveMinimum` — and rejects any other keyword, so a
/// schema cannot silently rely on something that is not checked.
@Suite("--json output matches docs/schema")
struct JSONSchemaTests {
  /// One command line whose output is checked, and the schema it must match.
  struct Case: CustomTestStringConvertible, Sendable {
    var schema: String
    var arguments: [String]
    var testDescription: String { "hessian-lab " + arguments.joined(separator: " ") }
  }

  // Small inputs: each run takes well under a second in a debug build, except
  // `reproduce --quick` (see `reproduceMatchesSchema`).
  static let cases: [Case] = [
    Case(schema: "rank", arguments: ["rank", "fixtures/hessians/rank3-d6.npy", "--json"]),
    Case(schema: "rank", arguments: ["rank", "quad-rank-deficient", "--method", "slq", "--probes", "8", "--seed", "1", "--json"]),
    Case(schema: "rank", arguments: ["rank", "quad-zero", "--method", "block", "--seed", "1", "--json"]),
    // A rank result with a typed warning ({code, message}).
    Case(schema: "rank", arguments: ["rank", "quad:1*20:d=200:seed=3", "--method", "lanczos", "--seed", "1", "--json"]),
    Case(schema: "spectrum", arguments: ["spectrum", "quad-full-rank", "--top", "3", "--seed", "1", "--json"]),
    Case(schema: "spectrum", arguments: ["spectrum", "quad-full-rank", "--density", "--probes", "4", "--seed", "1", "--json"]),
    Case(schema: "landscapes", arguments: ["landscapes", "--json"]),
    Case(schema: "describe", arguments: ["describe", "newton-edge", "--json"]),
    Case(schema: "describe", arguments: ["describe", "poly-degenerate", "--json"]),
    Case(schema: "describe", arguments: ["describe", "fixtures/hessians/rank12-d64-float32.npy", "--json"]),
    Case(schema: "spectrum", arguments: ["spectrum", "fixtures/hessians/saddle-d6.npy", "--bottom", "2", "--seed", "1", "--json"]),
    Case(
      schema: "covariance",
      arguments: ["covariance", "quad:1,4:d=3", "--population", "5", "--kept", "40", "--seed", "1", "--diagnostic-kept", "20", "--json"]),
    Case(
      schema: "covariance",
      arguments: ["covariance", "nc-x4", "--population", "5", "--kept", "20", "--seed", "1", "--diagnostic-kept", "0", "--json"]),
    Case(schema: "covariance-cma", arguments: ["covariance", "quad:1,4:d=3", "--route", "cma", "--evaluations", "300", "--seed", "1", "--json"]),
    Case(schema: "covariance-cma", arguments: ["covariance", "nc-x4", "--route", "cma", "--evaluations", "200", "--seed", "1", "--json"]),
    Case(
      schema: "covariance-plan",
      arguments: ["covariance", "quad:1,4:d=3", "--population", "5", "--kept", "20", "--seed", "1", "--plan", "--json"]),
    // llc: both estimators at tiny settings (the values are not checked here, only the layout), and bounds only (null estimates).
    Case(
      schema: "llc",
      arguments: [
        "llc", "nc-x2", "--seed", "1", "--particles", "8", "--replicates", "2", "--moves", "2", "--epsilon-min", "1e-6",
        "--chains", "2", "--steps", "300", "--burn-in", "100", "--json",
      ]),
    Case(schema: "llc", arguments: ["llc", "quad-rank-deficient", "--method", "bounds", "--seed", "1", "--json"]),
    // The error models (issue 20): each report names its model and accuracy.
    Case(schema: "llc", arguments: ["llc", "quad-rank-deficient", "--method", "bounds", "--hvp", "float32", "--seed", "1", "--json"]),
    Case(schema: "rank", arguments: ["rank", "poly:x0^2+x1^4", "--hvp", "finite-difference:h=0.1", "--json"]),
    Case(schema: "rank", arguments: ["rank", "mlp-tanh-3-4-2", "--method", "lanczos", "--hvp", "float32", "--seed", "1", "--json"]),
    Case(schema: "spectrum", arguments: ["spectrum", "dln-3-2-3", "--top", "2", "--hvp", "finite-difference:scheme=forward", "--seed", "1", "--json"]),
    Case(schema: "covariance", arguments: ["covariance", "quad-full-rank", "--population", "10", "--kept", "40", "--loss", "noise:0.01", "--seed", "1", "--json"]),
    Case(schema: "llc", arguments: ["llc", "fixtures/hessians/rank12-d64-float32.npy", "--method", "bounds", "--seed", "1", "--json"]),
    // compare: a quick comparison, and a one-point sweep (the sweep's nested layout).
    Case(
      schema: "compare",
      arguments: [
        "compare", "quad:1,3:d=4:seed=11", "--confidence", "0.8", "--risk", "0.2", "--kept-cap-factor", "8",
        "--slq-probe-cap", "16", "--conversion", "theoretical", "--json",
      ]),
    Case(
      schema: "compare",
      arguments: [
        "compare", "--sweep", "d=6", "--method", "block", "--method", "covariance", "--confidence", "0.8", "--risk", "0.2",
        "--kept-cap-factor", "8", "--conversion", "theoretical", "--json",
      ]),
    // reproduce robustness on x² alone (every scenario, both routes, a few seconds).
    Case(schema: "reproduce-robustness", arguments: ["reproduce", "robustness", "nc-x2", "--json"]),
    // compare with the adaptive route: its families (a sweep point with cma, all three families).
    Case(
      schema: "compare",
      arguments: [
        "compare", "--sweep", "d=6", "--method", "block", "--method", "covariance", "--method", "cma", "--confidence", "0.8",
        "--risk", "0.2", "--kept-cap-factor", "8", "--conversion", "theoretical", "--json",
      ]),
    // verify: one landscape (rows), and --explore (cases).
    Case(schema: "verify", arguments: ["verify", "nc-x2", "--quick", "--json"]),
    Case(schema: "verify", arguments: ["verify", "--explore", "1", "--seed", "7", "--quick", "--json"]),
    // verify --external: a fake estimator of λ (bias, coverage) and of the rank (exactness).
    Case(
      schema: "verify-external",
      arguments: [
        "verify", "--external", "fixtures/external-estimators/calibrated.py", "--quantity", "llc", "--landscapes", "nc-x2",
        "--seeds", "3", "--seed", "1", "--json",
      ]),
    Case(
      schema: "verify-external",
      arguments: [
        "verify", "--external", "fixtures/external-estimators/calibrated.py", "--quantity", "rank", "--landscapes", "nc-x2",
        "--seeds", "2", "--seed", "1", "--json",
      ]),
    // check: a z-test, bounds only, eigenvalues by tolerance, a covariance scale with its selection, no verdict.
    Case(schema: "check", arguments: ["check", "dln-3-2-3", "--quantity", "llc", "--value", "3.45", "--standard-error", "0.1", "--json"]),
    Case(schema: "check", arguments: ["check", "poly-degenerate", "--quantity", "llc", "--value", "0.6", "--json"]),
    Case(schema: "check", arguments: ["check", "quad-full-rank", "--quantity", "top-eigenvalues", "--value", "10,9", "--json"]),
    Case(
      schema: "check",
      arguments: ["check", "quad:2,2:d=3", "--quantity", "covariance-scale", "--value", "0.05", "--standard-error", "0.01", "--population", "10", "--sigma", "0.5", "--json"]),
    Case(schema: "check", arguments: ["check", "nc-x2", "--quantity", "llc", "--value", "0.45", "--json"]),
  ]

  @Test("Real output validates against its schema", arguments: cases)
  func outputMatchesSchema(_ testCase: Case) throws {
    let result = try CommandRunner.run(testCase.arguments)
    #expect(result.status == 0, "\(result.standardError)")
    let output = try JSONValue.parse(Data(result.standardOutput.utf8))
    let schema = try Self.loadSchema(testCase.schema)
    let errors = SchemaValidator(root: schema).errors(in: output)
    #expect(errors.isEmpty, "\(testCase.schema): \(errors.joined(separator: "; "))")
    // Documentation drift: every key the command prints is described.
    guard case .object(let object) = output, case .object(let properties)? = schema["properties"] else {
      Issue.record("\(testCase.schema): output or schema is not an object")
      return
    }
    let undocumented = Set(object.keys).subtracting(properties.keys)
    #expect(undocumented.isEmpty, "\(testCase.schema): keys missing from the schema: \(undocumented.sorted())")
    #expect(object["schemaVersion"] == .number(3))
  }

  /// `reproduce covariance-hessian --quick` takes minutes in a debug build, so
  /// it runs only when asked (`HESSIANLAB_SLOW_TESTS=1`, or a release build of
  /// the tests); its schema is still checked for well-formedness below.
  @Test(
    "reproduce covariance-hessian --quick validates against its schema",
    .enabled(if: ProcessInfo.processInfo.environment["HESSIANLAB_SLOW_TESTS"] == "1", "set HESSIANLAB_SLOW_TESTS=1"))
  func reproduceMatchesSchema() throws {
    try outputMatchesSchema(Case(schema: "reproduce", arguments: ["reproduce", "covariance-hessian", "--quick", "--json"]))
  }

  @Test("Every schema file is draft 2020-12, versioned, and uses only checked keywords")
  func schemaFilesAreWellFormed() throws {
    let names = try Self.schemaNames()
    #expect(Set(names).isSuperset(of: Self.cases.map(\.schema) + ["reproduce"]))
    for name in names {
      let schema = try Self.loadSchema(name)
      #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"), "\(name)")
      #expect(schema["type"] == .string("object"), "\(name)")
      guard case .object(let properties)? = schema["properties"], case .array(let required)? = schema["required"] else {
        Issue.record("\(name): no properties or required")
        continue
      }
      #expect(properties["schemaVersion"]?["const"] == .number(3), "\(name)")
      #expect(required.contains(.string("schemaVersion")), "\(name)")
      // Validating a value walks every keyword reachable from the root, so an
      // unsupported keyword anywhere reachable is reported here.
      let unsupported = SchemaValidator(root: schema).unsupportedKeywords()
      #expect(unsupported.isEmpty, "\(name): unsupported keywords \(unsupported)")
    }
  }

  @Test("Every command with --json has a schema")
  func everyJSONCommandHasASchema() throws {
    let help = try CommandRunner.run(["--experimental-dump-help"])
    #expect(help.status == 0, "\(help.standardError)")
    let commands = Self.commandsWithJSONFlag(try JSONValue.parse(Data(help.standardOutput.utf8)), path: [])
    #expect(commands.contains(["rank"]) && commands.contains(["reproduce", "covariance-hessian"]), "\(commands)")
    let names = Set(try Self.schemaNames())
    let missing = commands.filter { !names.contains(Self.schemaName(forCommandPath: $0)) }
    #expect(missing.isEmpty, "commands with --json but no docs/schema file: \(missing)")
  }

  @Test("The validator rejects what the schemas forbid")
  func validatorCanFail() throws {
    let schema = try Self.loadSchema("rank")
    let validator = SchemaValidator(root: schema)
    let good = try JSONValue.parse(
      Data(
        #"""
        {"schemaVersion": 3, "rank": 2, "dimension": 3, "method": "dense", "threshold": 1e-15,
         "thresholdPolicy": "p", "precision": "float64", "eigenvalues": [0, 1, 2],
         "hessianVectorProducts": 0, "converged": true, "warnings": [], "seconds": 0.1,
         "normalStream": null,
         "symmetrizedAsymmetry": null}
        """#.utf8))
    #expect(validator.errors(in: good).isEmpty)
    guard case .object(let object) = good else { return }
    var missing = object
    missing["rank"] = nil
    #expect(!validator.errors(in: .object(missing)).isEmpty, "missing required key")
    var wrongType = object
    wrongType["rank"] = .number(2.5)
    #expect(!validator.errors(in: .object(wrongType)).isEmpty, "non-integer rank")
    var wrongEnum = object
    wrongEnum["method"] = .string("magic")
    #expect(!validator.errors(in: .object(wrongEnum)).isEmpty, "unknown method")
    var wrongVersion = object
    wrongVersion["schemaVersion"] = .number(1)
    #expect(!validator.errors(in: .object(wrongVersion)).isEmpty, "schemaVersion 1")
    var wrongItem = object
    wrongItem["eigenvalues"] = .array([.number(1), .string("x")])
    #expect(!validator.errors(in: .object(wrongItem)).isEmpty, "string eigenvalue")
    var negative = object
    negative["hessianVectorProducts"] = .number(-1)
    #expect(!validator.errors(in: .object(negative)).isEmpty, "negative count")
    // Nullable via a type array, and anyOf through a $ref (covariance's extended numbers).
    let covariance = SchemaValidator(root: try Self.loadSchema("covariance"))
    let nullable = try #require(covariance.root["properties"]?["knownRank"])
    #expect(covariance.errors(in: .null, against: nullable).isEmpty)
    #expect(!covariance.errors(in: .string("3"), against: nullable).isEmpty)
    let extended = try #require(covariance.root["properties"]?["spread"])
    #expect(covariance.errors(in: .string("inf"), against: extended).isEmpty)
    #expect(!covariance.errors(in: .string("infinite"), against: extended).isEmpty)
  }

  // MARK: - Helpers

  static func loadSchema(_ name: String) throws -> JSONValue {
    try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: Repository.path("docs/schema/\(name).schema.json"))))
  }

  static func schemaNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: Repository.path("docs/schema"))
      .filter { $0.hasSuffix(".schema.json") }
      .map { String($0.dropLast(".schema.json".count)) }
  }

  /// `reproduce covariance-hessian` → `reproduce`, `reproduce robustness` → `reproduce-robustness`,
  /// `lesson list` → `lesson-list`; other commands by name.
  static func schemaName(forCommandPath path: [String]) -> String {
    path == ["reproduce", "robustness"] || path.first == "lesson" ? path.joined(separator: "-") : path.first ?? ""
  }

  /// Paths of the (sub)commands in argument-parser's help dump with a `--json` flag.
  static func commandsWithJSONFlag(_ node: JSONValue, path: [String]) -> [[String]] {
    let command = node["command"] ?? node
    var found: [[String]] = []
    if case .array(let arguments)? = command["arguments"],
      arguments.contains(where: { $0["names"]?.arrayValue?.contains { $0["name"] == .string("json") } ?? false })
    {
      found.append(path)
    }
    if case .array(let subcommands)? = command["subcommands"] {
      for sub in subcommands {
        guard case .string(let name)? = sub["commandName"] else { continue }
        found += commandsWithJSONFlag(sub, path: path + [name])
      }
    }
    return found
  }
}

/// A parsed JSON value. Numbers are `Double`; JSON Schema's "integer" is a
/// number with no fractional part.
indirect enum JSONValue: Decodable, Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let d = try? c.decode(Double.self) {
      self = .number(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

  subscript(key: String) -> JSONValue? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The JSON Schema type names this value has ("integer" values are also "number").
  var typeNames: Set<String> {
    switch self {
    case .null: ["null"]
    case .bool: ["boolean"]
    case .number(let d): d.isFinite && d.rounded() == d ? ["number", "integer"] : ["number"]
    case .string: ["string"]
    case .array: ["array"]
    case .object: ["object"]
    }
  }
}

/// A validator for the subset of JSON Schema 2020-12 listed on ``JSONSchemaTests``.
struct SchemaValidator {
  let root: JSONValue

  static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
  static let assertions: Set<String> = [
    "type", "required", "properties", "additionalProperties", "items", "enum", "const", "anyOf", "$ref", "minimum",
    "exclusiveMinimum",
  ]

  func errors(in value: JSONValue) -> [String] { errors(in: value, against: root, at: "$") }

  func errors(in value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
    guard case .object(let s) = schema else { return ["\(path): schema is not an object"] }
    var errors: [String] = []
    for key in s.keys where !Self.annotations.contains(key) && !Self.assertions.contains(key) {
      errors.append("\(path): unsupported schema keyword \(key)")
    }
    if case .string(let ref)? = s["$ref"] {
      guard let target = resolve(ref) else { return errors + ["\(path): unresolved $ref \(ref)"] }
      errors += self.errors(in: value, against: target, at: path)
    }
    if let type = s["type"] {
      let allowed: [String] =
        switch type {
        case .string(let t): [t]
        case .array(let ts): ts.compactMap { if case .string(let t) = $0 { t } else { nil } }
        default: []
        }
      if value.typeNames.isDisjoint(with: allowed) {
        errors.append("\(path): expected \(allowed.joined(separator: " or ")), got \(value)")
      }
    }
    if case .array(let options)? = s["enum"], !options.contains(value) {
      errors.append("\(path): \(value) is not one of \(options)")
    }
    if let constant = s["const"], constant != value {
      errors.append("\(path): expected \(constant), got \(value)")
    }
    if case .array(let alternatives)? = s["anyOf"],
      !alternatives.contains(where: { self.errors(in: value, against: $0, at: path).isEmpty })
    {
      errors.append("\(path): \(value) matches none of anyOf")
    }
    if case .number(let x) = value {
      if case .number(let m)? = s["minimum"], x < m { errors.append("\(path): \(x) < minimum \(m)") }
      if case .number(let m)? = s["exclusiveMinimum"], x <= m { errors.append("\(path): \(x) ≤ exclusiveMinimum \(m)") }
    }
    if case .object(let object) = value {
      if case .array(let required)? = s["required"] {
        for case .string(let key) in required where object[key] == nil {
          errors.append("\(path): missing required key \(key)")
        }
      }
      let properties: [String: JSONValue] = if case .object(let p)? = s["properties"] { p } else { [:] }
      for (key, child) in object {
        if let property = properties[key] {
          errors += self.errors(in: child, against: property, at: "\(path).\(key)")
        } else if let additional = s["additionalProperties"], case .object = additional {
          errors += self.errors(in: child, against: additional, at: "\(path).\(key)")
        }
      }
    }
    if case .array(let items) = value, let itemSchema = s["items"] {
      for (i, item) in items.enumerated() {
        errors += self.errors(in: item, against: itemSchema, at: "\(path)[\(i)]")
      }
    }
    return errors
  }

  /// Every keyword outside the supported subset, anywhere in the schema.
  func unsupportedKeywords() -> [String] {
    var found: [String] = []
    func walk(_ schema: JSONValue, _ path: String) {
      guard case .object(let s) = schema else { return }
      for key in s.keys where !Self.annotations.contains(key) && !Self.assertions.contains(key) {
        found.append("\(path).\(key)")
      }
      for key in ["properties", "$defs"] {
        if case .object(let children)? = s[key] { for (name, child) in children { walk(child, "\(path).\(key).\(name)") } }
      }
      for key in ["items", "additionalProperties"] { if let child = s[key] { walk(child, "\(path).\(key)") } }
      if case .array(let alternatives)? = s["anyOf"] {
        for (i, child) in alternatives.enumerated() { walk(child, "\(path).anyOf[\(i)]") }
      }
    }
    walk(root, "$")
    return found
  }

  /// A local reference `#/$defs/name`.
  func resolve(_ ref: String) -> JSONValue? {
    guard ref.hasPrefix("#/") else { return nil }
    var node: JSONValue? = root
    for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
    return node
  }
}
