import Testing

@testable import HessianCore

@Suite("Oracle termination")
struct OracleTerminationTests {
  @Test("waitpid statuses decode to an exit status or a signal, named in words")
  func decoding() {
    #expect(OracleTermination(waitStatus: 0) == .exited(0))
    #expect(OracleTermination(waitStatus: 1 << 8) == .exited(1))
    #expect(OracleTermination(waitStatus: 9) == .signaled(9))
    #expect(OracleTermination(waitStatus: 11 | 0x80) == .signaled(11))  // core dumped
    #expect(OracleTermination.exited(1).description == "exited with status 1")
    #expect(OracleTermination.signaled(9).description == "killed by signal 9 (SIGKILL)")
    #expect(OracleTermination.signaled(40).description == "killed by signal 40")
    #expect(OracleTermination.exited(137).description == "exited with status 137 (128 + 9: killed by signal 9, SIGKILL)")
    #expect(OracleTermination.exited(128).description == "exited with status 128")
  }
}
