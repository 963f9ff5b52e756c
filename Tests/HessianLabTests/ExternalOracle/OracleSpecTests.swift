import Testing

import HessianLab
@testable import HessianCore

@Suite("Oracle specs and the oracle error line")
struct OracleSpecTests {
  @Test("oracle:COMMAND gives the command as written; other specs give nil; an empty command is refused")
  func command() throws {
    #expect(try OracleSpec.command(in: "oracle:python3 my_model.py --seed 1") == "python3 my_model.py --seed 1")
    #expect(try OracleSpec.command(in: "oracle: cd m && python3 x.py") == " cd m && python3 x.py")
    #expect(try OracleSpec.command(in: "quad:diag=1,2") == nil)
    #expect(try OracleSpec.command(in: "Oracle:python3 x.py") == nil)
    #expect(try OracleSpec.command(in: "") == nil)
    for empty in ["oracle:", "oracle:   ", "oracle:\t\n"] {
      #expect(throws: InputError.spec(empty, problem: OracleSpec.emptyCommandProblem)) { try OracleSpec.command(in: empty) }
    }
  }

  @Test("An oracle failure is one line: command, request, problem, quoted standard-error line")
  func errorLine() {
    let withLine = InputError.oracle(
      command: "python3 m.py", request: "hvp request of 40 vectors", problem: "exited with status 1",
      lastStandardErrorLine: "ValueError: bad shape")
    #expect(withLine.description
      == "oracle:python3 m.py: hvp request of 40 vectors: exited with status 1; its last standard-error line: \"ValueError: bad shape\"")
    let without = InputError.oracle(command: "x", request: "handshake", problem: "no reply within 300 s", lastStandardErrorLine: nil)
    #expect(without.description == "oracle:x: handshake: no reply within 300 s")
    let multiLine = InputError.oracle(command: "a\nb", request: "handshake", problem: "p", lastStandardErrorLine: "l\u{1B}[31m")
    #expect(!multiLine.description.contains("\n") && !multiLine.description.contains("\u{1B}"))
    #expect(without.parameter == nil)
  }
}
