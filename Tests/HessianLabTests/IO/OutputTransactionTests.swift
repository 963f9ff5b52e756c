import Foundation
import Testing

@testable import HessianCore

/// All-or-nothing outputs: generated combinations of outputs and injected failures,
/// each checked for "every output new" on success and "every output as it was" on failure.
@Suite("OutputTransaction: outputs committed together or not at all")
struct OutputTransactionTests {
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-outputs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Everything in `dir` (recursively), as relative path → contents ("<dir>" for folders).
  static func snapshot(_ dir: URL) throws -> [String: String] {
    var out: [String: String] = [:]
    let fm = FileManager.default
    for name in try fm.subpathsOfDirectory(atPath: dir.path) {
      let path = dir.appendingPathComponent(name).path
      var isDir: ObjCBool = false
      _ = fm.fileExists(atPath: path, isDirectory: &isDir)
      out[name] = isDir.boolValue ? "<dir>" : (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<unreadable>"
    }
    return out
  }

  @Test("Nothing is visible before the commit; every file after it; no temporary file is left")
  func stagesThenCommits() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("old".utf8).write(to: dir.appendingPathComponent("a.npy"))
    var t = OutputTransaction()
    try t.stage(Data("A".utf8), to: dir.appendingPathComponent("a.npy").path, label: "--save")
    try t.stage(Data("B".utf8), to: dir.appendingPathComponent("b.svg").path, label: "--svg")
    #expect(try String(contentsOf: dir.appendingPathComponent("a.npy"), encoding: .utf8) == "old")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.svg").path))
    try t.commit()
    #expect(try Self.snapshot(dir) == ["a.npy": "A", "b.svg": "B"])
    #expect(t.entries.isEmpty)
  }

  @Test("discard() leaves every destination as it was")
  func discardKeepsOld() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("old".utf8).write(to: dir.appendingPathComponent("a.npy"))
    var t = OutputTransaction()
    try t.stage(Data("A".utf8), to: dir.appendingPathComponent("a.npy").path, label: "--save")
    try t.stage(Data("B".utf8), to: dir.appendingPathComponent("b.svg").path, label: "--svg")
    t.discard()
    #expect(try Self.snapshot(dir) == ["a.npy": "old"])
  }

  @Test("The same file twice is refused, whatever its spelling or link")
  func samePathRefused() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let x = dir.appendingPathComponent("x.npy").path
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    // Spellings of x.npy before it exists, then links to it once it exists.
    let spellings = [x, dir.path + "/./x.npy", dir.path + "/sub/../x.npy", dir.path + "//x.npy"]
    for other in spellings {
      #expect(throws: OutputTransaction.Failure.self) {
        try OutputTransaction.checkDistinct([("--svg", x), ("--save", other)])
      }
      var t = OutputTransaction()
      try t.stage(Data("1".utf8), to: x, label: "--svg")
      #expect(throws: OutputTransaction.Failure.self) { try t.stage(Data("2".utf8), to: other, label: "--save") }
      #expect(t.entries.isEmpty, "a refused stage discards the transaction")
      #expect(try Self.snapshot(dir) == ["sub": "<dir>"])
    }
    try Data("old".utf8).write(to: URL(fileURLWithPath: x))
    try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.npy", withDestinationPath: x)
    #expect(link(x, dir.path + "/hard.npy") == 0)
    for other in [dir.path + "/link.npy", dir.path + "/hard.npy"] {
      #expect(throws: OutputTransaction.Failure.self) {
        try OutputTransaction.checkDistinct([("--svg", x), ("--save", other)])
      }
    }
    try OutputTransaction.checkDistinct([("--svg", x), ("--save", nil), ("--save", dir.path + "/y.npy")])
  }

  /// The fault injected into one output of a generated run.
  enum Fault: CaseIterable {
    case none
    /// The folder of the output is a regular file: the temporary file cannot be written.
    case folderIsAFile
    /// The folder does not exist.
    case missingFolder
    /// A directory appears at the destination after staging: the rename fails.
    case directoryAtDestination
  }

  @Test("Generated outputs with injected faults: all new on success, all as they were on failure")
  func generatedFaults() throws {
    var rng = SeededGenerator(seed: 17)
    for run in 0..<120 {
      let dir = try Self.folder()
      defer { try? FileManager.default.removeItem(at: dir) }
      try Data("plain".utf8).write(to: dir.appendingPathComponent("file"))
      let count = Int.random(in: 1...4, using: &rng)
      var faults: [Fault] = []
      var paths: [String] = []
      for i in 0..<count {
        // Most outputs are fine; about one run in two has one fault somewhere.
        let fault: Fault = Int.random(in: 0..<(2 * count), using: &rng) == 0
          ? Fault.allCases.randomElement(using: &rng)! : .none
        faults.append(fault)
        let name = "out\(i).\(["npy", "svg"].randomElement(using: &rng)!)"
        switch fault {
        case .folderIsAFile: paths.append(dir.appendingPathComponent("file/\(name)").path)
        case .missingFolder: paths.append(dir.appendingPathComponent("absent/\(name)").path)
        case .none, .directoryAtDestination: paths.append(dir.appendingPathComponent(name).path)
        }
        if Bool.random(using: &rng), fault != .folderIsAFile, fault != .missingFolder {
          try Data("old\(i)".utf8).write(to: URL(fileURLWithPath: paths[i]))
        }
      }
      let before = try Self.snapshot(dir)
      var t = OutputTransaction()
      var failed = false
      do {
        for (i, path) in paths.enumerated() { try t.stage(Data("new\(i)".utf8), to: path, label: "--out\(i)") }
        try t.commit(beforeRename: { i in
          if faults[i] == .directoryAtDestination {
            try? FileManager.default.removeItem(atPath: paths[i])
            try? FileManager.default.createDirectory(atPath: paths[i], withIntermediateDirectories: false)
          }
        })
      } catch {
        failed = true
        let after = try Self.snapshot(dir)
        var expected = before
        // The injected directory itself is the only change a failed run may show.
        if let i = faults.firstIndex(of: .directoryAtDestination) {
          expected[(paths[i] as NSString).lastPathComponent] = "<dir>"
        }
        #expect(after == expected, "run \(run) faults \(faults): \(error)")
        if case .unwritable(let label, _, _) = error {
          #expect(faults[Int(label.dropFirst(5))!] != .none, "run \(run): the failure names a sound output")
        }
      }
      #expect(failed == faults.contains { $0 != .none }, "run \(run) faults \(faults)")
      if !failed {
        for (i, path) in paths.enumerated() {
          #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\(i)")
        }
        #expect(try Self.snapshot(dir).keys.filter { $0.hasSuffix(".tmp") }.isEmpty)
      }
    }
  }

  @Test("An interrupt before the commit leaves nothing; stage after it is refused")
  func interruptRemovesTemporaries() throws {
    // Runs in a child process' state only: the interrupt flag is process-wide, so this
    // test checks the registry through a transaction that is discarded, not the flag.
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var t = OutputTransaction()
    try t.stage(Data("A".utf8), to: dir.appendingPathComponent("a.svg").path, label: "--svg")
    let temporary = t.entries[0].temporary
    #expect(AtomicFile.registry.withLock { $0.paths.contains(temporary) })
    t.discard()
    #expect(!AtomicFile.registry.withLock { $0.paths.contains(temporary) })
    #expect(try Self.snapshot(dir).isEmpty)
  }
}
