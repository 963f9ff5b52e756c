import CGSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The kernel set OpenBLAS chose for this CPU, and the one correction HessianLab makes to it.
///
/// A `DYNAMIC_ARCH` OpenBLAS (Debian's, among others) picks its kernels when the library loads,
/// from a table of the CPU models it knew when it was built. A newer CPU that is missing from
/// the table gets the oldest x86-64 set, `Prescott` (SSE3): Debian 12's OpenBLAS 0.3.21 does this
/// on an Intel Xeon of family 6, model 207 (Emerald Rapids), and its `dgemm` there runs at about
/// a third of the AVX-512 rate (measured: n = 1000 in 65–70 ms against 20–24 ms; `BENCHMARKS.md`,
/// "Machine and run"). The only
/// documented way to choose the set is the environment variable `OPENBLAS_CORETYPE`, read once
/// when the library loads, so the command-line tool re-executes itself with it set
/// (``relaunchWithPreferredKernelsIfNeeded()``) when OpenBLAS reports a fallback set and the
/// CPU and the operating system support AVX2 + FMA (→ `Haswell`) or AVX-512 (→ `SkylakeX`).
/// A user's own `OPENBLAS_CORETYPE` is always respected. Results can differ in their last bits
/// between kernel sets (as between machines); for a fixed set they are reproducible.
public enum BLASKernels {
  /// The kernel set OpenBLAS is running (`openblas_get_corename`), e.g. `SkylakeX`, `Haswell`, `Prescott`.
  public static var coreName: String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
  }

  /// The widest vector instruction set usable on this CPU and operating system.
  public enum VectorLevel: Int, Sendable, Comparable {
    /// Neither AVX2 + FMA nor AVX-512 (or not x86-64).
    case baseline = 0
    /// AVX2 and FMA, with the YMM state saved by the operating system.
    case avx2 = 1
    /// AVX-512 F, CD, BW, DQ and VL, with the ZMM state saved by the operating system.
    case avx512 = 2

    public static func < (a: VectorLevel, b: VectorLevel) -> Bool { a.rawValue < b.rawValue }
  }

  /// This machine's ``VectorLevel`` (CPUID and XGETBV). O(1).
  public static var vectorLevel: VectorLevel { VectorLevel(rawValue: Int(cgsl_cpu_vector_level())) ?? .baseline }

  /// The kernel sets a `DYNAMIC_ARCH` OpenBLAS falls back to for an x86-64 CPU it does not know
  /// (lowercased): none of them uses AVX2.
  public static let fallbackCores: Set<String> = [
    "prescott", "core2", "penryn", "dunnington", "nehalem", "atom", "katmai", "coppermine",
    "northwood", "banias", "opteron", "opteron_sse3", "barcelona", "unknown",
  ]

  /// The `OPENBLAS_CORETYPE` to ask for, or nil to keep OpenBLAS's choice: nil when the user set
  /// `OPENBLAS_CORETYPE` (`requested`, even empty), when `current` is not a fallback set, or when
  /// the CPU has nothing better; otherwise `SkylakeX` (AVX-512) or `Haswell` (AVX2 + FMA).
  public static func preferredCoreType(current: String, level: VectorLevel, requested: String?) -> String? {
    guard requested == nil, fallbackCores.contains(current.lowercased()) else { return nil }
    switch level {
    case .avx512: return "SkylakeX"
    case .avx2: return "Haswell"
    case .baseline: return nil
    }
  }

  /// Re-executes this process (`/proc/self/exe`, same arguments, same descriptors) with
  /// `OPENBLAS_CORETYPE` set to ``preferredCoreType(current:level:requested:)`` when that is not
  /// nil; returns when it is nil, off Linux, or when `execv` fails (the process then goes on with
  /// OpenBLAS's own choice). Call it first thing in `main`, before any input is read. The new
  /// image sees `OPENBLAS_CORETYPE` set, so it never re-executes again.
  ///
  /// Cost: one process image load (a few milliseconds) on a machine that needs it, otherwise one
  /// `getenv` and one CPUID.
  public static func relaunchWithPreferredKernelsIfNeeded() {
    #if os(Linux)
      let requested = getenv("OPENBLAS_CORETYPE").map { String(cString: $0) }
      guard let core = preferredCoreType(current: coreName, level: vectorLevel, requested: requested) else { return }
      guard setenv("OPENBLAS_CORETYPE", core, 1) == 0 else { return }
      execv("/proc/self/exe", CommandLine.unsafeArgv)
      unsetenv("OPENBLAS_CORETYPE")  // execv failed: carry on with the fallback kernels
    #endif
  }
}
