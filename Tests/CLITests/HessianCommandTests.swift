import Foundation
import Testing
import TestSupport

/// `hessian-lab hessian`: the file NumPy reads back is the Hessian; bad input is one line, exit 2,
/// and no file is written.
@Suite("hessian-lab hessian")
struct HessianCommandTests {
  func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hessian-cmd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test("writes the matrix and a --json report that matches its schema")
  func writesAndReports() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("H.npy").path
    let r = try CommandRunner.run(["hessian", "dln-3-2-3", "--save", path, "--json"])
    #expect(r.status == 0, "\(r.standardError)")
    let errors = SchemaValidator(root: try JSONSchemaTests.loadSchema("hessian")).errors(in: try JSONValue.parse(Data(r.standardOutput.utf8)))
    #expect(errors.isEmpty, "\(errors)")
    let json = try CommandRunner.json(r)
    let d = try #require(json["dimension"] as? Int)
    #expect(FileManager.default.fileExists(atPath: path))
    // 128-byte v1 header (NumPy aligns it to 64 bytes) + d² float64 values.
    let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    #expect(size == 128 + 8 * d * d)
    let text = try CommandRunner.run(["hessian", "dln-3-2-3", "--save", path])
    #expect(text.standardOutput.hasPrefix("wrote \(path): the \(d)×\(d) Hessian of dln-3-2-3 at its minimum"))
  }

  @Test("bad input: one line naming the problem, exit 2, nothing written", arguments: [
    ["hessian", "newton-edge", "--save", "H.txt"],
    ["hessian", "newton-edge"],
    ["hessian", "newton-edge", "--save", "OUT.npy", "--at", "missing.npy"],
    ["hessian", "newton-edge", "--save", "OUT.npy", "--at", ""],
    ["hessian", "newton-edge", "--save", "OUT.npy", "--at", "w.txt"],
    ["hessian", "quad:1:d=1000000", "--save", "OUT.npy"],
    ["hessian", "no-such-landscape", "--save", "OUT.npy"],
  ])
  func badInput(_ arguments: [String]) throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let r = try CommandRunner.run(arguments, in: folder)
    #expect(r.status == 2, "\(arguments): \(r.standardError)")
    #expect(r.standardError.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(r.standardError)")
    if arguments.contains("--at") { #expect(r.standardError.contains("--at") || r.standardError.contains("missing.npy"), "\(r.standardError)") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}
