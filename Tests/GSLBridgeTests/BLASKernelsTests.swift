import Foundation
import Testing

@testable import GSLBridge

/// The kernel-set correction: which `OPENBLAS_CORETYPE` is asked for, and the CPU detection it
/// rests on, checked against the kernel's own account of the CPU (`/proc/cpuinfo`).
@Suite("BLASKernels: a fallback kernel set is replaced only when the CPU has better")
struct BLASKernelsTests {
  @Test(
    "The requested core type for each reported set, vector level and user request",
    arguments: [
      ("Prescott", BLASKernels.VectorLevel.avx512, nil, "SkylakeX"),
      ("Prescott", .avx2, nil, "Haswell"),
      ("Prescott", .baseline, nil, nil),
      ("Core2", .avx2, nil, "Haswell"),
      ("NEHALEM", .avx512, nil, "SkylakeX"),
      ("Prescott", .avx512, "Prescott", nil),  // the user's choice stands
      ("Prescott", .avx512, "", nil),
      ("SkylakeX", .avx512, nil, nil),
      ("Cooperlake", .avx512, nil, nil),
      ("Haswell", .avx512, nil, nil),  // not a fallback: OpenBLAS chose it deliberately
      ("Zen", .avx2, nil, nil),
    ] as [(String, BLASKernels.VectorLevel, String?, String?)])
  func preferred(current: String, level: BLASKernels.VectorLevel, requested: String?, expected: String?) {
    #expect(BLASKernels.preferredCoreType(current: current, level: level, requested: requested) == expected)
  }

  @Test("CPUID and XGETBV agree with the flags the kernel reports in /proc/cpuinfo")
  func vectorLevelMatchesCPUInfo() throws {
    #if os(Linux) && arch(x86_64)
      let text = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
      let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("flags") })
      let flags = Set(line.split(separator: ":")[1].split(separator: " ").map(String.init))
      let avx2 = flags.isSuperset(of: ["avx", "avx2", "fma"])
      let avx512 = avx2 && flags.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"])
      let expected: BLASKernels.VectorLevel = avx512 ? .avx512 : avx2 ? .avx2 : .baseline
      #expect(BLASKernels.vectorLevel == expected)
    #else
      #expect(BLASKernels.vectorLevel == .baseline || !BLASKernels.coreName.isEmpty)
    #endif
  }

  @Test("OpenBLAS reports a kernel-set name")
  func coreName() {
    #expect(!BLASKernels.coreName.isEmpty)
    #expect(BLASKernels.coreName != "unknown")
  }
}
