import Foundation
import Testing
import TestSupport

/// `--json` of the commands around the estimators (`tour`, `lesson list`, `lesson check`,
/// `bench`) against their schemas in `docs/schema/`, with the checks of ``JSONSchemaTests``:
/// valid, every printed key described, `schemaVersion` 3.
@Suite("--json of tour, lesson and bench matches docs/schema", .serialized)
struct JSONSchemaToolTests {
  /// Validates `result`'s standard output against `schema`; returns the parsed object.
  @discardableResult
  static func validate(_ result: CommandResult, schema name: String, status: Int32 = 0) throws -> [String: JSONValue] {
    #expect(result.status == status, "\(result.standardError)")
    let output = try JSONValue.parse(Data(result.standardOutput.utf8))
    let schema = try JSONSchemaTests.loadSchema(name)
    let errors = SchemaValidator(root: schema).errors(in: output)
    #expect(errors.isEmpty, "\(name): \(errors.joined(separator: "; "))")
    guard case .object(let object) = output, case .object(let properties)? = schema["properties"] else {
      Issue.record("\(name): output or schema is not an object")
      return [:]
    }
    let undocumented = Set(object.keys).subtracting(properties.keys)
    #expect(undocumented.isEmpty, "\(name): keys missing from the schema: \(undocumented.sorted())")
    #expect(object["schemaVersion"] == .number(3))
    #expect(object["toolVersion"] != nil)
    return object
  }

  @Test("lesson list --json and lesson check --json: without an answer, a wrong one (exit 1) and a right one")
  func lesson() throws {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("hl-schema-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: state) }
    let env = ["HESSIAN_LAB_STATE_DIR": state.path]
    let list = try Self.validate(try CommandRunner.run(["lesson", "list", "--json"], environment: env), schema: "lesson-list")
    #expect(list["nextUnfinished"] == .number(1) && list["done"] == .number(0))
    _ = try CommandRunner.run(["lesson", "start", "1", "--non-interactive"], environment: env)
    let show = try Self.validate(try CommandRunner.run(["lesson", "check", "--json"], environment: env), schema: "lesson-check")
    #expect(show["answer"] == .null && show["passed"] == .null)
    let wrong = try Self.validate(
      try CommandRunner.run(["lesson", "check", "quad:1,2:d=12", "--json"], environment: env), schema: "lesson-check", status: 1)
    #expect(wrong["passed"] == .bool(false))
    let right = try Self.validate(
      try CommandRunner.run(["lesson", "check", try LessonOneAnswer.compute(environment: env), "--json"], environment: env),
      schema: "lesson-check")
    #expect(right["passed"] == .bool(true))
    let after = try Self.validate(try CommandRunner.run(["lesson", "list", "--json"], environment: env), schema: "lesson-list")
    guard case .array(let lessons)? = after["lessons"] else {
      Issue.record("no lessons array")
      return
    }
    #expect(lessons.first?["current"] == .bool(true))
  }

  @Test("bench --json: a case with values and HVPs, and dgemm (nulls)")
  func bench() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hl-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: Repository.path("fixtures/hessians/rank3-d6.npy")), to: dir.appendingPathComponent("H.npy"))
    for benchCase in ["dense-rank", "top-eigenvalues"] {
      try Self.validate(
        try CommandRunner.run(["bench", benchCase, "--inputs", dir.path, "--repeat", "1", "--json"]), schema: "bench")
    }
    let gemm = try Self.validate(try CommandRunner.run(["bench", "dgemm", "--repeat", "1"]), schema: "bench")
    #expect(gemm["values"] == .null && gemm["hessianVectorProducts"] == .null)
  }

  @Test("tour --quick --json: the sections in order, the same lines as the text output's")
  func tour() throws {
    let object = try Self.validate(try CommandRunner.run(["tour", "--quick", "--json"]), schema: "tour")
    guard case .array(let sections)? = object["sections"] else {
      Issue.record("no sections")
      return
    }
    let titles = sections.compactMap { if case .string(let t)? = $0["title"] { t } else { nil } }
    #expect(titles.first == "1. Known answers (by construction)" && titles.last == "Verdict", "\(titles)")
    #expect(titles.count == 7)
  }
}
