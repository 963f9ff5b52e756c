import Foundation
import Testing

import HessianLab
@testable import HessianVerification

@Suite("EstimatorInvocation: what the estimator receives")
struct EstimatorInvocationTests {
  @Test("The spec is one shell word, whatever it contains")
  func quoting() {
    #expect(EstimatorInvocation.commandLine("est", landscape: "poly:x0^2", seed: 3) == "est --landscape 'poly:x0^2' --seed 3")
    #expect(EstimatorInvocation.shellQuoted("a'b") == #"'a'\''b'"#)
  }

  @Test("Arguments and environment carry the same landscape, seed and quantity")
  func received() throws {
    let o = CalibrationOptions(
      command: #"f() { [ "$1 $2 $3 $4 $HESSIAN_LAB_QUANTITY" = "--landscape $HESSIAN_LAB_LANDSCAPE --seed $HESSIAN_LAB_SEED llc" ] "#
        + #"&& printf '{"value": %s, "standardError": 0.5}' "$HESSIAN_LAB_SEED"; }; f"#,
      quantity: .llc, timeoutSeconds: 10, masterSeed: 1)
    let reply = try EstimatorInvocation.run(o, landscape: "sum:nc-x2|nc-x4", seed: 42)
    #expect(reply == EstimatorReply(value: 42, standardError: 0.5))
  }

  @Test("A failed run names the command, landscape and seed, and quotes standard error")
  func failure() {
    let o = CalibrationOptions(command: "f() { echo 'model diverged' >&2; exit 4; }; f", quantity: .llc, timeoutSeconds: 10, masterSeed: 1)
    do {
      _ = try EstimatorInvocation.run(o, landscape: "nc-x2", seed: 5)
      Issue.record("no error")
    } catch {
      #expect(
        error.description
          == #"external estimator 'f() { echo 'model diverged' >&2; exit 4; }; f' on nc-x2 with seed 5: exited with status 4; its last standard-error line: "model diverged""#)
    }
  }
}
