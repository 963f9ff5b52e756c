import Foundation
import Testing

import HessianLab
@testable import HessianCore

/// The protocol's overhead at the benchmark size (d = 20,000, blocks of 60 vectors),
/// against an oracle that does no arithmetic (identity HVP: each reply is its request's bytes),
/// so the whole request time is protocol: encoding, two pipe transfers, decoding. Opt-in (it
/// moves about 200 MB): `HESSIAN_LAB_ORACLE_BENCH=1 swift test --skip-build --filter ExternalOracleBenchmark`
/// (a release build, `-c release`, gives the numbers to quote). It prints the per-request time and
/// its codec share, and checks every reply exactly.
@Suite(
  "External oracle protocol overhead",
  .enabled(if: OraclePython.available && ProcessInfo.processInfo.environment["HESSIAN_LAB_ORACLE_BENCH"] != nil,
           "opt-in: set HESSIAN_LAB_ORACLE_BENCH=1"))
struct ExternalOracleBenchmark {
  @Test("Identity oracle at d = 20,000, k = 60: seconds per request, codec share", arguments: [1, 2])
  func overhead(processes: Int) throws {
    let d = 20_000, k = 60, rounds = 10
    let oracle = try ExternalOracle.launch(
      OracleLaunchOptions(command: ExternalOracleTests.command("identity:\(d)"), processes: processes))
    defer { oracle.shutdown() }
    let v = ExternalOracleTests.block(d, k, seed: 20)
    for _ in 0..<rounds { #expect(try oracle.apply(v) == v) }
    let t = oracle.traffic
    let perRequest = t.seconds / Double(t.requests)
    let megabytes = Double(t.bytesSent + t.bytesReceived) / 1e6
    print(String(
      format: "oracle protocol, %d process(es): %.4f s per %d×%d request (codec %.4f s), %.0f MB/s through the pipes",
      processes, perRequest, d, k, t.codecSeconds / Double(t.requests), megabytes / t.seconds))
    #expect(t.requests == rounds)
  }
}
