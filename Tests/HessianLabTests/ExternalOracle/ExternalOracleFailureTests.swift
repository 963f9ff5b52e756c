import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore

/// Each failure of `docs/oracle-protocol.md`, provoked by the fixture oracle in a broken mode:
/// one `InputError.oracle` line with its distinctive words, and no process left behind.
@Suite("External oracle failures", .enabled(if: OraclePython.available, OraclePython.skipNote))
struct ExternalOracleFailureTests {
  /// What a broken mode must produce: the request named, the words of the problem, the quoted
  /// standard-error line (nil: none expected).
  struct Case: Sendable, CustomTestStringConvertible {
    let mode: String
    var exec = false
    var processes = 1
    var timeout = 30.0
    let request: String
    let words: [String]
    var standardError: String? = nil
    var testDescription: String { exec ? "exec \(mode)" : "\(mode) ×\(processes)" }
  }

  static let cases: [Case] = [
    Case(mode: "exit-at-start", request: "handshake", words: ["exited with status 3"],
         standardError: "cannot load the model: weights.npz not found"),
    Case(mode: "exit-mid-run", request: "hvp request of 4 vectors", words: ["exited with status 1"],
         standardError: "RuntimeError: CUDA out of memory at request 2"),
    Case(mode: "signal", request: "hvp request of 3 vectors", words: ["exited with status 137", "killed by signal 9, SIGKILL"]),
    Case(mode: "signal", exec: true, request: "hvp request of 3 vectors", words: ["killed by signal 9 (SIGKILL)"]),
    Case(mode: "hang", timeout: 1.5, request: "hvp request of 3 vectors", words: ["no reply within 1.5 s"]),
    Case(mode: "hang-ignoring-term", timeout: 1, request: "hvp request of 3 vectors", words: ["no reply within 1 s"]),
    Case(mode: "garbage", request: "hvp request of 3 vectors", words: ["malformed frame", "bad magic 47 45 54 20"]),
    Case(mode: "wrong-shape", request: "hvp request of 3 vectors", words: ["reply of shape 2×6, expected 3×6"]),
    Case(mode: "wrong-shape", processes: 3, request: "hvp request of 3 vectors",
         words: ["process 1 of 3", "reply of shape 0×6, expected 1×6"]),
    Case(mode: "nan", request: "hvp request of 3 vectors", words: ["NaN in the reply (row 0, column 0)"]),
    Case(mode: "error-frame", request: "hvp request of 3 vectors",
         words: ["the oracle reported: \"loss is undefined for these weights\""]),
    Case(mode: "huge-length", request: "hvp request of 3 vectors", words: ["malformed frame", "overflow"]),
    Case(mode: "protocol-2", request: "handshake", words: ["speaks protocol 2", "speaks protocol 1"]),
    Case(mode: "bad-hello", request: "handshake", words: ["bad HELLO: no 'dimension'"]),
  ]

  @Test("A broken oracle gives one line naming command, request and problem, and leaves no process", arguments: cases)
  func brokenOracle(_ c: Case) throws {
    let file = ExternalOracleTests.pidFile()
    let command = ExternalOracleTests.command(c.mode, pids: file, exec: c.exec)
    let options = OracleLaunchOptions(command: command, processes: c.processes, timeoutSeconds: c.timeout)
    var pids: [Int32] = []
    let error: InputError
    do {
      let oracle = try ExternalOracle.launch(options)
      pids = oracle.processIDs
      if c.mode == "exit-mid-run" { _ = try oracle.apply(ExternalOracleTests.block(6, 3, seed: 1)) }
      let words = c.request.split(separator: " ")
      let blockWidth = words.count > 3 ? Int(words[3]) ?? 3 : 3
      _ = try oracle.apply(ExternalOracleTests.block(6, blockWidth, seed: 2))
      Issue.record("the broken oracle (\(c.mode)) was not refused")
      return
    } catch let e as InputError {
      error = e
    }
    let line = error.description
    guard case .oracle(let named, let request, _, let quoted) = error else {
      Issue.record("not an oracle error: \(line)")
      return
    }
    #expect(named == command)
    #expect(request == c.request, "\(line)")
    #expect(line.hasPrefix("oracle:\(command): \(c.request): "), "\(line)")
    for word in c.words { #expect(line.contains(word), "'\(word)' missing from: \(line)") }
    if let expected = c.standardError {
      #expect(quoted == expected, "\(line)")
      #expect(line.hasSuffix("; its last standard-error line: \"\(expected)\""))
    }
    #expect(!line.contains("\n"))
    ExternalOracleTests.expectNoChild(pids: pids, recorded: file)
  }

  @Test("Several processes that disagree in their handshake are refused")
  func disagreement() throws {
    let marker = ExternalOracleTests.pidFile() + ".first"
    let file = ExternalOracleTests.pidFile()
    #expect {
      _ = try ExternalOracle.launch(
        OracleLaunchOptions(command: ExternalOracleTests.command("disagree:\(marker)", pids: file), processes: 3))
    } throws: { error in
      "\(error)".contains("handshake: process ") && "\(error)".contains("disagrees with process 1: dimension")
    }
    ExternalOracleTests.expectNoChild(pids: [], recorded: file)
  }

  @Test("A command that is not a server fails its handshake in one line")
  func notAServer() throws {
    #expect {
      _ = try ExternalOracle.launch(OracleLaunchOptions(command: "echo hello; echo 'no such model' >&2; exit 5"))
    } throws: { error in
      let line = "\(error)"
      return line.contains("handshake: malformed frame") || line.contains("handshake: exited with status 5")
    }
    #expect {
      _ = try ExternalOracle.launch(OracleLaunchOptions(command: "no-such-program-hessianlab"))
    } throws: { error in
      "\(error)".contains("handshake: exited with status 127") && "\(error)".contains("not found")
    }
  }

  @Test("After a failure every request rethrows the same error without touching a process")
  func failureIsSticky() throws {
    let oracle = try ExternalOracle.launch(OracleLaunchOptions(command: ExternalOracleTests.command("nan")))
    let v = ExternalOracleTests.block(6, 1, seed: 3)
    var first: InputError?
    do { _ = try oracle.apply(v) } catch let e as InputError { first = e }
    #expect(first != nil)
    #expect(oracle.processIDs.isEmpty)
    #expect(throws: first!) { try oracle.apply(v) }
    #expect(throws: first!) { try oracle.losses(at: Matrix(rows: 1, columns: 6)) }
  }

  @Test("stopAll ends and reaps every live oracle child")
  func registryStopAll() throws {
    let oracle = try ExternalOracle.launch(OracleLaunchOptions(command: ExternalOracleTests.command("ok"), processes: 2))
    let pids = oracle.processIDs
    #expect(Set(pids).isSubset(of: Set(OracleProcesses.liveProcessIDs)))
    OracleProcesses.stopAll(where: pids.contains)  // the public stopAll() would stop parallel tests' oracles too
    ExternalOracleTests.expectNoChild(pids: pids)
    #expect(throws: InputError.self) { try oracle.apply(Matrix.identity(6)) }
  }
}
