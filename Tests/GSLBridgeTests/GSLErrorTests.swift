import Testing

@testable import GSLBridge

/// Every GSL status the bridge maps is provoked through a real GSL call and must
/// come back as a Swift error (an abort would kill the test process).
@Suite("GSL error mapping")
struct GSLErrorTests {
  @Test("GSL_EDOM: lnΓ at a pole")
  func domain() {
    #expect(throws: GSLError.self) { try SpecialFunctions.logGamma(-1) }
    do {
      _ = try SpecialFunctions.logGamma(-1)
    } catch {
      #expect(error.kind == .domain)
      #expect(error.function == "gsl_sf_lngamma_e")
    }
  }

  @Test("GSL_EOVRFLW: Γ(200)")
  func overflow() {
    do {
      _ = try SpecialFunctions.gamma(200)
      Issue.record("Γ(200) should overflow")
    } catch { #expect(error.kind == .overflow) }
  }

  @Test("GSL_EUNDRFLW: exp(−1000)")
  func underflow() {
    do {
      _ = try SpecialFunctions.exponential(-1000)
      Issue.record("exp(−1000) should underflow")
    } catch { #expect(error.kind == .underflow) }
  }

  @Test("GSL_ENOTSQR: gsl_eigen_symm on a 3×4 view")
  func notSquare() {
    do {
      _ = try SymmetricEigen.gslSymm([Double](repeating: 0, count: 12), rows: 3, columns: 4, workspace: 3)
      Issue.record("a 3×4 matrix should be refused")
    } catch { #expect(error.kind == .notSquare) }
  }

  @Test("GSL_EBADLEN: workspace of the wrong size")
  func badLength() {
    do {
      _ = try SymmetricEigen.gslSymm([Double](repeating: 0, count: 16), rows: 4, columns: 4, workspace: 3)
      Issue.record("a mismatched workspace should be refused")
    } catch { #expect(error.kind == .badLength) }
  }

  @Test("Out-of-range probabilities give GSL_EDOM, not NaN")
  func quantileDomain() {
    for p in [0.0, 1.0, -0.5, .nan] {
      do {
        _ = try Distributions.normalQuantile(p)
        Issue.record("p = \(p) should be refused")
      } catch { #expect(error.kind == .domain) }
    }
    #expect(throws: GSLError.self) { try Distributions.chiSquareQuantile(0.5, degreesOfFreedom: 0) }
  }

  @Test("Unmapped codes keep their number and GSL's message")
  func otherCodes() {
    let e = GSLError(code: 11, function: "f")
    #expect(e.kind == .other(11))
    #expect(e.description.contains("exceeded max number of iterations"))
  }

  @Test("The abort handler is off and OpenBLAS runs one thread")
  func runtime() {
    #expect(GSLRuntime.blasThreadCount == 1)
  }
}
