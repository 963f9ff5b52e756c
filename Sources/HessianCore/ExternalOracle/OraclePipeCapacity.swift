#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The buffer size of the pipes to and from an oracle child. Linux pipes hold 64 KiB by default,
/// so a d = 20,000 block of 60 vectors (9.6 MB) crosses in 147 pipefuls, each a wake-up of the
/// reader; `F_SETPIPE_SZ` raises a pipe to ``bytes`` (the default `/proc/sys/fs/pipe-max-size`
/// for unprivileged processes), 16 times fewer. Elsewhere, or when the kernel refuses (the user's
/// pipe-page allowance is used up), the pipe keeps its size: only speed depends on it.
enum OraclePipeCapacity {
  /// The capacity asked for: 1 MiB.
  static let bytes = 1 << 20
  /// Children beyond this many get default pipes, so that `--oracle-processes 256` does not use
  /// up the per-user pipe allowance (`pipe-user-pages-soft`, 64 MiB by default) of other programs.
  static let largeChildren = 8

  #if os(Linux)
    /// `F_SETPIPE_SZ` and `F_GETPIPE_SZ` (`F_LINUX_SPECIFIC_BASE` + 7 and + 8), which the Glibc
    /// module does not import.
    private static let setSize: Int32 = 1031
    private static let getSize: Int32 = 1032
  #endif

  /// Raises the capacity of the pipe `descriptor` belongs to to ``bytes``; ignores a refusal.
  /// Cost: one `fcntl`.
  static func enlarge(_ descriptor: Int32) {
    #if os(Linux)
      _ = fcntl(descriptor, setSize, Int32(bytes))
    #endif
  }

  /// The capacity of the pipe `descriptor` belongs to, in bytes; nil where it cannot be read.
  static func capacity(_ descriptor: Int32) -> Int? {
    #if os(Linux)
      let size = fcntl(descriptor, getSize)
      return size > 0 ? Int(size) : nil
    #else
      return nil
    #endif
  }
}
