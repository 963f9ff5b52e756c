import Foundation
import Testing
import TestSupport

/// A run that fails leaves every output as it was; a run that succeeds puts all of
/// them in place. Generated combinations of outputs (absent, new, replacing an old
/// file) and failures (standard output full, the same file twice, a bad folder).
@Suite("Outputs on failure: all or nothing")
struct OutputOnFailureTests {
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-outfail-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  static func snapshot(_ dir: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
      out[name] = (try? Data(contentsOf: dir.appendingPathComponent(name))) ?? Data("<dir>".utf8)
    }
    return out
  }

  /// Runs `hessian-lab arguments` with standard output sent to `/dev/full` (a write
  /// that always fails with "No space left on device").
  static func runToFullDevice(_ arguments: [String], in dir: URL) throws -> CommandResult {
    let quoted = ([CommandRunner.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    return try CommandRunner.runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec \(quoted) > /dev/full"], in: dir)
  }

  enum Existing: CaseIterable { case none, old }

  @Test("spectrum --save/--svg × old files × standard output full or not", arguments: [false, true])
  func spectrumCombinations(fullOutput: Bool) throws {
    let choices: [Existing?] = [nil] + Existing.allCases
    for save in choices { for svg in choices {
      let dir = try Self.folder()
      defer { try? FileManager.default.removeItem(at: dir) }
      var args = ["spectrum", "quad:3,2,1:d=4", "--top", "2", "--seed", "1"]
      if let save {
        args += ["--save", dir.appendingPathComponent("vals.npy").path]
        if save == .old { try Data("old save".utf8).write(to: dir.appendingPathComponent("vals.npy")) }
      }
      if let svg {
        args += ["--svg", dir.appendingPathComponent("plot.svg").path]
        if svg == .old { try Data("old svg".utf8).write(to: dir.appendingPathComponent("plot.svg")) }
      }
      let before = try Self.snapshot(dir)
      let result = fullOutput ? try Self.runToFullDevice(args, in: dir) : try CommandRunner.run(args)
      let after = try Self.snapshot(dir)
      let context = "save \(String(describing: save)) svg \(String(describing: svg)) full \(fullOutput): \(result.standardError)"
      if fullOutput {
        #expect(result.status == 2, "\(context)")
        #expect(result.standardError.hasPrefix("hessian-lab: error: standard output: cannot write"), "\(context)")
        #expect(after == before, "a failed run changed its outputs: \(context)")
      } else {
        #expect(result.status == 0, "\(context)")
        #expect(Set(after.keys) == Set([save.map { _ in "vals.npy" }, svg.map { _ in "plot.svg" }].compactMap { $0 }), "\(context)")
        for (name, data) in after { #expect(data != before[name], "\(name) not replaced: \(context)") }
      }
    } }
  }

  @Test("Help and version written to a full standard output exit 2, not 0", arguments: [["--help"], ["rank", "--help"], ["--version"], ["help", "rank"]])
  func helpToFullDevice(_ arguments: [String]) throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try Self.runToFullDevice(arguments, in: dir)
    #expect(result.status == 2, "\(arguments): \(result.standardError)")
    #expect(result.standardError.contains("standard output: cannot write"), "\(result.standardError)")
    let fine = try CommandRunner.run(arguments)
    #expect(fine.status == 0 && !fine.standardOutput.isEmpty, "\(arguments): \(fine.standardError)")
  }

  @Test("rank --save with standard output full leaves the old .npy")
  func rankSaveKeepsOld() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.npy")
    try Data("old".utf8).write(to: out)
    for extra in [[], ["--json"]] {
      let result = try Self.runToFullDevice(["rank", "quad:1,2:d=3", "--save", out.path] + extra, in: dir)
      #expect(result.status == 2, "\(result.standardError)")
      #expect(try Data(contentsOf: out) == Data("old".utf8))
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.npy"])
    }
  }

  @Test("The same file for --svg and --save is refused, whatever its spelling")
  func samePathRefused() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    let x = dir.appendingPathComponent("x.npy").path
    var spellings = [x, dir.path + "/./x.npy", dir.path + "/sub/../x.npy", dir.path + "//x.npy"]
    // Relative spellings, run from inside the folder.
    let relative = ["x.npy", "./x.npy", "sub/../x.npy"]
    for other in spellings + relative {
      let result = try CommandRunner.run(
        ["spectrum", "quad:1,2:d=3", "--top", "1", "--svg", "x.npy", "--save", other], in: dir)
      #expect(result.status == 2, "\(other): \(result.standardError)")
      let lines = result.standardError.split(separator: "\n")
      #expect(lines.count == 1 && lines[0].contains("--svg") && lines[0].contains("--save"), "\(other): \(result.standardError)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["sub"])
    }
    // Once the file exists: a symbolic link and a hard link to it.
    try Data("old".utf8).write(to: URL(fileURLWithPath: x))
    try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.npy", withDestinationPath: x)
    try FileManager.default.linkItem(atPath: x, toPath: dir.path + "/hard.npy")
    spellings = [dir.path + "/link.npy", dir.path + "/hard.npy"]
    for other in spellings {
      let result = try CommandRunner.run(["spectrum", "quad:1,2:d=3", "--top", "1", "--svg", x, "--save", other])
      #expect(result.status == 2, "\(other): \(result.standardError)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: x)) == Data("old".utf8))
    }
  }

  @Test("A failed write to standard output exits non-zero with a message")
  func standardOutputFull() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    for args in [["landscapes"], ["describe", "quad:1,2:d=3", "--json"], ["rank", "quad:1,2:d=3"]] {
      let result = try Self.runToFullDevice(args, in: dir)
      #expect(result.status == 2, "\(args): \(result.standardError)")
      #expect(result.standardError == "hessian-lab: error: standard output: cannot write (No space left on device); no output file was changed\n")
    }
  }

  @Test("Bad output paths for every output option: refused before any work, nothing changed")
  func badOutputPaths() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("plain".utf8).write(to: dir.appendingPathComponent("file"))
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("taken.npy"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("taken.svg"), withIntermediateDirectories: true)
    let commands: [(args: [String], option: String, ext: String)] = [
      (["rank", "quad:1,2:d=3"], "--save", "npy"),
      (["spectrum", "quad:1,2:d=3", "--top", "1"], "--save", "npy"),
      (["spectrum", "quad:1,2:d=3", "--top", "1"], "--svg", "svg"),
      (["covariance", "nc-x2", "--population", "10", "--kept", "10"], "--save", "npy"),
      (["compare", "nc-x2"], "--svg", "svg"),
    ]
    let faults: [(path: String, says: String)] = [
      ("file/out.EXT", "is a file, not a folder"),
      ("absent/out.EXT", "does not exist"),
      ("taken.EXT", "is a directory"),
    ]
    let before = try Self.snapshot(dir)
    for (args, option, ext) in commands {
      for (path, says) in faults {
        let full = dir.path + "/" + path.replacingOccurrences(of: "EXT", with: ext)
        let result = try CommandRunner.run(args + [option, full])
        #expect(result.status == 2, "\(args) \(option) \(path): \(result.standardError)")
        #expect(result.standardError.hasPrefix("hessian-lab: error: \(option) \(full): ") && result.standardError.contains(says),
          "\(args) \(option) \(path): \(result.standardError)")
        #expect(try Self.snapshot(dir) == before)
      }
    }
  }
}
