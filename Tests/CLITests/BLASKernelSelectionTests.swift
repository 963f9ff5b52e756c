import Foundation
import HessianLab
import Testing
import TestSupport

/// The command-line tool runs OpenBLAS's best kernels for the CPU (``BLASKernels``), and a user's
/// own `OPENBLAS_CORETYPE` wins. `bench dgemm --json` reports the set it ran (`blasCore`).
@Suite("Command line: OpenBLAS kernel selection")
struct BLASKernelSelectionTests {
  static func core(_ environment: [String: String]?) throws -> String {
    let arguments = ["bench", "dgemm", "--repeat", "1", "--json"]
    let result = try environment.map { try CommandRunner.run(arguments, environment: $0) } ?? CommandRunner.runWithOwnKernelChoice(arguments)
    #expect(result.status == 0, "\(result.standardError)")
    return try #require(try CommandRunner.json(result)["blasCore"] as? String)
  }

  @Test(
    "Without OPENBLAS_CORETYPE the tool never runs a fallback set on a CPU with AVX2 or AVX-512",
    .enabled(if: ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil))
  func noFallback() throws {
    let core = try Self.core(nil)
    if BLASKernels.vectorLevel >= .avx2 {
      #expect(!BLASKernels.fallbackCores.contains(core.lowercased()), "ran \(core)")
    }
  }

  #if arch(x86_64)
    @Test("A user's OPENBLAS_CORETYPE is used as given")
    func userChoiceStands() throws {
      #expect(try Self.core(["OPENBLAS_CORETYPE": "Prescott"]) == "Prescott")
    }
  #endif
}
