import Foundation
import Testing
import TestSupport

/// `mlp:…:train=STEPS` end to end: describe and rank state the gradient norm, the not-converged warning is
/// in text and JSON, and a bad train= value is one line naming the spec.
@Suite("hessian-lab on trained mlp: specs")
struct TrainedNetworkCommandTests {
  static let trained = "mlp:2-2-1:act=tanh:data=20:seed=1:teacher=2-2-1:train=500"
  static let short = "mlp:2-2-1:act=tanh:data=20:seed=1:teacher=2-2-1:train=3"

  @Test("describe shows the trained point's gradient norm, tolerance and loss (text and JSON)")
  func describe() throws {
    let text = try CommandRunner.run(["describe", Self.trained])
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("gradient norm ‖∇L‖"))
    #expect(text.standardOutput.contains("≤ tolerance 1e-10"))
    #expect(text.standardOutput.contains("trained: L-BFGS"))
    let json = try CommandRunner.json(try CommandRunner.run(["describe", Self.trained, "--json"]))
    let training = try #require(json["training"] as? [String: Any])
    #expect(training["converged"] as? Bool == true)
    #expect((training["gradientNorm"] as? Double ?? 1) <= 1e-10)
    #expect(training["optimizer"] as? String == "lbfgs")
    #expect(json["rank"] as? Int == 6)
    // The zoo id names the same landscape.
    let zoo = try CommandRunner.json(try CommandRunner.run(["describe", "mlp-tanh-trained", "--json"]))
    #expect((zoo["training"] as? [String: Any])?["gradientNorm"] as? Double == training["gradientNorm"] as? Double)
  }

  @Test("rank shows the gradient norm; too few steps give trainingNotConverged first, in text and JSON")
  func rank() throws {
    let ok = try CommandRunner.run(["rank", Self.trained])
    #expect(ok.status == 0, "\(ok.standardError)")
    #expect(ok.standardOutput.contains("trained reference point: L-BFGS"))
    #expect(ok.standardOutput.contains("‖∇L‖ = "))
    #expect(!ok.standardOutput.contains("NOT converged"))
    let bad = try CommandRunner.run(["rank", Self.short])
    #expect(bad.status == 0, "\(bad.standardError)")
    #expect(bad.standardOutput.contains("warning: the trained reference point is not a minimum"))
    let json = try CommandRunner.json(try CommandRunner.run(["rank", Self.short, "--json"]))
    let codes = (json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    #expect(codes.first == "trainingNotConverged")
    #expect((json["training"] as? [String: Any])?["converged"] as? Bool == false)
  }

  @Test("spectrum on a trained point that is not a minimum carries the warning")
  func spectrum() throws {
    let json = try CommandRunner.json(try CommandRunner.run(["spectrum", Self.short, "--top", "2", "--seed", "1", "--json"]))
    let codes = (json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    #expect(codes.contains("trainingNotConverged"))
  }

  @Test("a bad train= value: exit 2, one line naming the spec", arguments: ["0", "abc", "100001"])
  func badValue(_ value: String) throws {
    let spec = "mlp:2-2-1:act=tanh:data=20:seed=1:train=\(value)"
    let r = try CommandRunner.run(["rank", spec])
    #expect(r.status == 2)
    let lines = r.standardError.split(separator: "\n")
    #expect(lines.count == 1 && lines.first?.contains(spec) == true, "\(r.standardError)")
    #expect(r.standardOutput.isEmpty)
  }
}
