import Foundation
import Testing
import TestSupport

/// The NumPy snippets of `docs/interop.md`, run end to end by
/// `scripts/interop_examples.py` against the built `hessian-lab`: a Hessian
/// exported from NumPy, an HVP-probed low-rank sketch, and evolution-strategies
/// samples, each checked against NumPy's own answer.
///
/// NumPy is optional: without it the test is skipped, and the skip says why.
@Suite("Interop with NumPy (docs/interop.md)")
struct InteropTests {
  /// Whether `python3 -c "import numpy"` succeeds, with the reason when not.
  static let numpy: (available: Bool, reason: String) = {
    do {
      let result = try Python.run(["-c", "import numpy"])
      return result.status == 0
        ? (true, "")
        : (false, "python3 cannot import numpy: \(result.standardError.split(separator: "\n").last ?? "")")
    } catch {
      return (false, "no python3 on PATH (\(error))")
    }
  }()

  @Test(
    "scripts/interop_examples.py agrees with NumPy",
    .enabled(if: numpy.available, Comment(rawValue: "needs python3 with numpy: \(numpy.reason)")),
    .timeLimit(.minutes(2)))
  func interopExamples() throws {
    let result = try Python.run([
      Repository.path("scripts/interop_examples.py"), "--hessian-lab", CommandRunner.executable.path,
    ])
    #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)")
    #expect(result.standardOutput.contains("all interop examples agree"), "\(result.standardOutput)")
  }
}

/// Runs `python3` (from PATH) from the repository root.
enum Python {
  static func run(_ arguments: [String]) throws -> CommandResult {
    try CommandRunner.runProgram(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
  }
}
