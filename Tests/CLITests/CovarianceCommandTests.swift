import Foundation
import Testing
import TestSupport

@Suite("hessian-lab covariance")
struct CovarianceCommandTests {
  /// d = 20, eigenvalues log-spaced over 1…100 (6 digits), the example.
  static let logSpaced20 =
    "quad:1,1.27427,1.62378,2.06914,2.63665,3.35982,4.28133,5.45559,6.95193,8.85867,11.2884,14.3845,"
    + "18.3298,23.3572,29.7635,37.9269,48.3293,61.5848,78.476,100:d=20:seed=3"

  @Test("predictedScale is the value at this λ; the λ → ∞ asymptote is labelled as such, with its error")
  func predictedScaleIsFiniteLambda() throws {
    // Before the fix predictedScale was the asymptote 3.42 and the text called it "predicted κ";
    // at λ = 10 the fitted scale converges to 1.6214 (SciPy, Ruben's series and quadrature).
    let r = try CommandRunner.run([
      "covariance", Self.logSpaced20, "--population", "10", "--kept", "40", "--seed", "1", "--diagnostic-kept", "0", "--json",
    ])
    #expect(r.status == 0, "\(r.standardError)")
    let obj = try CommandRunner.json(r)
    let predicted = try #require((obj["predictedScale"] as? NSNumber)?.doubleValue)
    let asymptote = try #require((obj["asymptoticScale"] as? NSNumber)?.doubleValue)
    let relativeError = try #require((obj["asymptoticScaleRelativeError"] as? NSNumber)?.doubleValue)
    // Independent references (NumPy/SciPy, 10 digits): 1.621438802 and 3.422291045. The series and
    // quadrature are accurate to about 10⁻¹⁰ and JSON carries 17 digits, so 10⁻⁷ relative (10⁻⁶ for
    // the ratio minus one, which loses a digit) passes rounding and fails any real error.
    #expect(abs(predicted / 1.621438802 - 1) < 1e-7, "predictedScale \(predicted)")
    #expect(abs(asymptote / 3.422291045 - 1) < 1e-7)
    #expect(abs(relativeError - (3.422291045 / 1.621438802 - 1)) < 1e-6)
    #expect(obj["asymptoticScaleErrorScale"] is NSNumber)
    let human = try CommandRunner.run([
      "covariance", Self.logSpaced20, "--population", "10", "--kept", "40", "--seed", "1", "--diagnostic-kept", "0",
    ])
    let line = try #require(human.standardOutput.split(separator: "\n").first { $0.hasPrefix("fitted scale") })
    #expect(line.contains("predicted at λ = 10: 1.621 "), "\(line)")
    #expect(line.contains("λ → ∞ asymptote κ = 3.422 (+111% at this λ)"), "\(line)")
    #expect(!line.contains("predicted κ"))
  }

  @Test("Off the minimum the finite-λ value is not computed: null, and the asymptote's expected error is stated")
  func offCentreStatesTheAsymptotesError() throws {
    let r = try CommandRunner.run([
      "covariance", "quad:1,4:d=2", "--population", "50", "--kept", "40", "--center-offset", "0.5,0", "--seed", "1",
      "--diagnostic-kept", "0", "--json",
    ])
    #expect(r.status == 0, "\(r.standardError)")
    let obj = try CommandRunner.json(r)
    #expect(obj["predictedScale"] is NSNull)
    #expect(obj["asymptoticScaleRelativeError"] is NSNull)
    #expect(obj["asymptoticScale"] is NSNumber && obj["asymptoticScaleErrorScale"] is NSNumber)
    let warnings = try #require(obj["warnings"] as? [[String: String]])
    #expect(
      warnings.contains {
        $0["code"] == "finiteScaleUnavailable" && $0["message"]?.contains("is not computed") == true
          && $0["message"]?.contains("can be off by about") == true
      }, "\(warnings)")
  }

  /// quad-rank-deficient (d = 20, rank 5) at n = 100 = 5d kept points: the read-out fell below the
  /// known rank on all of seeds 1–8 (3 or 4 of 5), six of them without any warning, before
  /// ``WarningCode/readoutBelowKnownRank`` existed. Every such run must now say so, and a run
  /// that reads the known rank must not: deterministic for fixed seeds. The last check (at least 4
  /// of 8 under-counts, 8 of 8 seen) only guards that the case keeps exercising the warning; it can
  /// fail on another BLAS kernel set only if that set resolves rank 5 at n = 5d on 5 of 8 seeds.
  @Test("a read-out below the landscape's known rank always carries readoutBelowKnownRank")
  func readoutBelowKnownRankIsSaid() throws {
    var below = 0
    for seed in 1...8 {
      let r = try CommandRunner.run([
        "covariance", "quad-rank-deficient", "--population", "20", "--kept", "100", "--seed", "\(seed)", "--json",
      ])
      #expect(r.status == 0, "\(r.standardError)")
      let json = try CommandRunner.json(r)
      let rank = try #require(json["rank"] as? Int)
      let codes = (json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
      #expect(codes.contains("readoutBelowKnownRank") == (rank < 5), "seed \(seed): read-out \(rank), \(codes)")
      if rank < 5 { below += 1 }
    }
    #expect(below >= 4, "n = 5d resolves rank 5 on \(8 - below) of 8 seeds: the case no longer exercises the warning")
  }
}
