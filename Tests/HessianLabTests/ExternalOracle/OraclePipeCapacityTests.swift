import Foundation
import Testing

@testable import HessianCore

/// The oracle pipes' buffer size (Linux `F_SETPIPE_SZ`): a fresh pipe is raised to 1 MiB, an
/// oracle child's two pipes are, and a child started without large pipes keeps the default.
@Suite("Oracle pipe capacity", .enabled(if: OraclePython.available, OraclePython.skipNote))
struct OraclePipeCapacityTests {
  /// The kernel's limit for unprivileged pipe sizes, nil off Linux.
  static let maximum: Int? = (try? String(contentsOfFile: "/proc/sys/fs/pipe-max-size", encoding: .utf8))
    .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }

  @Test("enlarge raises a pipe to 1 MiB; a child's pipes are raised unless largePipes is false")
  func capacities() throws {
    guard let maximum = Self.maximum, maximum >= OraclePipeCapacity.bytes else { return }  // not Linux, or a lower limit
    var ends: [Int32] = [-1, -1]
    #expect(pipe(&ends) == 0)
    defer { ends.forEach { close($0) } }
    let before = OraclePipeCapacity.capacity(ends[0])
    #expect(before != nil && before! < OraclePipeCapacity.bytes)
    OraclePipeCapacity.enlarge(ends[1])
    #expect(OraclePipeCapacity.capacity(ends[0]) == OraclePipeCapacity.bytes)
    for large in [true, false] {
      let child = try OracleChildProcess.start(ExternalOracleTests.command("ok"), largePipes: large)
      defer { _ = child.stop() }
      for end in [child.input, child.output] {
        #expect(OraclePipeCapacity.capacity(end) == (large ? OraclePipeCapacity.bytes : before))
      }
    }
  }
}
