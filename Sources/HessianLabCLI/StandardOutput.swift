#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// The C stream behind `print`: a write that fails (`> /dev/full`, a full disk, a
/// closed descriptor) only sets the stream's error flag, so the run checks it once at
/// the end instead of exiting 0 with the report lost.
enum StandardOutput {
  /// Flushes standard output; the reason when anything written to it was lost
  /// (now or by an earlier, implicit flush), nil when all of it was written.
  static func flushFailure() -> String? {
    errno = 0
    let flushed = fflush(stdout) == 0
    let code = errno
    guard !flushed || ferror(stdout) != 0 else { return nil }
    clearerr(stdout)
    return code != 0 ? String(cString: strerror(code)) : "write error"
  }
}
