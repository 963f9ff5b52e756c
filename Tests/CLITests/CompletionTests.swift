import Foundation
import Testing
import TestSupport

/// The generated bash completion offers zoo ids and `.npy`/`.json` files for a LANDSCAPE
/// argument: the script is loaded into a real bash, its completion function is called as bash
/// would call it on TAB, and COMPREPLY is read back.
@Suite("Shell completion of LANDSCAPE arguments")
struct CompletionTests {
  /// COMPREPLY after completing the last word of `line` with the generated bash script, run in `folder`.
  func bashCompletions(_ words: [String], in folder: URL) throws -> [String] {
    let script = try CommandRunner.run(["--generate-completion-script", "bash"])
    #expect(script.status == 0)
    let scriptFile = folder.appendingPathComponent("completion.bash")
    try script.standardOutput.write(to: scriptFile, atomically: true, encoding: .utf8)
    let binaryFolder = CommandRunner.executable.deletingLastPathComponent().path
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let line = words.joined(separator: " ")
    let driver = """
      export PATH='\(binaryFolder)':"$PATH"
      source '\(scriptFile.path)'
      COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
      COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
      _hessian-lab
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let bash = URL(fileURLWithPath: "/bin/bash")
    let result = try CommandRunner.runProgram(bash, ["-c", driver], in: folder)
    #expect(result.status == 0, "\(result.standardError)")
    return result.standardOutput.split(separator: "\n").map(String.init)
  }

  @Test("rank quad-<TAB> offers the quad- zoo ids; rank <TAB> offers .npy files and spec forms")
  func rankOffersZooIdsAndFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bash-completion-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data().write(to: folder.appendingPathComponent("mine.npy"))
    try Data().write(to: folder.appendingPathComponent("notes.txt"))

    let quad = try bashCompletions(["hessian-lab", "rank", "quad-"], in: folder)
    #expect(quad.contains("quad-multiplet"), "\(quad)")
    #expect(quad.allSatisfy { $0.hasPrefix("quad-") }, "\(quad)")
    let any = try bashCompletions(["hessian-lab", "describe", ""], in: folder)
    #expect(any.contains("mine.npy"), "\(any)")
    #expect(any.contains("poly:"), "\(any)")
    #expect(any.contains("nc-x2"), "\(any)")
    #expect(!any.contains("notes.txt"), "\(any)")
  }
}
