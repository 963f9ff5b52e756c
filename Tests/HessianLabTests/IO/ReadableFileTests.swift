import Foundation
import Testing

@testable import HessianCore

/// Every kind of path that is not a readable regular file gets its plain cause.
@Suite("ReadableFile: plain causes for files that cannot be read")
struct ReadableFileTests {
  @Test("Directory, device, symlink loop, broken link, missing file, file as folder")
  func causes() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-readable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("x.npy"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let fm = FileManager.default
    try Data("ok".utf8).write(to: dir.appendingPathComponent("plain.json"))
    try fm.createSymbolicLink(atPath: dir.path + "/zero.npy", withDestinationPath: "/dev/zero")
    try fm.createSymbolicLink(atPath: dir.path + "/loop.npy", withDestinationPath: dir.path + "/loop.npy")
    try fm.createSymbolicLink(atPath: dir.path + "/a.npy", withDestinationPath: dir.path + "/b.npy")
    try fm.createSymbolicLink(atPath: dir.path + "/b.npy", withDestinationPath: dir.path + "/a.npy")
    try fm.createSymbolicLink(atPath: dir.path + "/broken.npy", withDestinationPath: dir.path + "/nothing.npy")
    let cases: [(String, String)] = [
      ("x.npy", "is a directory"),
      ("zero.npy", "not a regular file"),
      ("loop.npy", "symbolic link loop"),
      ("a.npy", "symbolic link loop"),
      ("broken.npy", "broken symbolic link"),
      ("absent.npy", "no such file"),
      ("plain.json/x.npy", "not a folder"),
    ]
    for (name, cause) in cases {
      let path = dir.path + "/" + name
      let problem = try #require(ReadableFile.problem(at: path), "\(name)")
      #expect(problem.contains(cause), "\(name): \(problem)")
      #expect(throws: ReadableFile.Failure(path: path, reason: problem)) { try ReadableFile.read(path) }
    }
    #expect(ReadableFile.problem(at: dir.path + "/plain.json") == nil)
    #expect(try ReadableFile.read(dir.path + "/plain.json") == Data("ok".utf8))
  }

  @Test("A .npy reader names the plain cause, not a Foundation error code")
  func numpyReader() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-readable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("x.npy"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(throws: NumpyError.unreadableFile(source: "x.npy", reason: "is a directory, not a file")) {
      try NumpyArray(contentsOf: dir.appendingPathComponent("x.npy"))
    }
  }
}
