import Testing

@testable import HessianCore

@Suite("CMA-ES default strategy parameters")
struct CMAESParametersTests {
  /// Known answers from pycma 4.5.0 (`cma.CMAEvolutionStrategy(n*[0], 1, {'CMA_active': False}).sp`),
  /// an independent implementation: λ, μ, the weights, μ_eff, c₁ and c_c follow the tutorial's
  /// formulas there too. pycma departs from the tutorial in two defaults, so those are checked
  /// against the tutorial's formulas evaluated by hand (Python, double precision): c_σ uses
  /// n + μ_eff + 5 (pycma: + 3) and c_μ uses μ_eff − 2 + 1/μ_eff (pycma adds 0.25).
  @Test("n = 10 and n = 20 agree with pycma and with the tutorial's formulas")
  func defaults() throws {
    let ten = try CMAESParameters(dimension: 10)
    #expect(ten.population == 10 && ten.parents == 5)
    let pycmaTen = [0.456272646903406, 0.270753097001785, 0.16223111715867, 0.0852335471001645, 0.0255095918359748]
    for (a, b) in zip(ten.weights, pycmaTen) { #expect(abs(a - b) < 1e-14) }
    #expect(abs(ten.effectiveMass - 3.1672992814107) < 1e-12)
    #expect(abs(ten.rankOneRate - 0.0152838245247517) < 1e-15)
    #expect(abs(ten.pathCumulation - 0.294990383035622) < 1e-14)
    #expect(abs(ten.stepSizeCumulation - 0.284428587946367) < 1e-14)
    #expect(abs(ten.rankMuRate - 0.0201542827612084) < 1e-15)
    #expect(abs(ten.stepSizeDamping - 1.28442858794637) < 1e-13)
    let twenty = try CMAESParameters(dimension: 20)
    #expect(twenty.population == 12 && twenty.parents == 6)
    #expect(abs(twenty.effectiveMass - 3.72945893430307) < 1e-12)
    #expect(abs(twenty.rankOneRate - 0.00437235443516025) < 1e-15)
    #expect(abs(twenty.pathCumulation - 0.171767211276812) < 1e-14)
    #expect(abs(twenty.stepSizeCumulation - 0.199428013851736) < 1e-14)
    #expect(abs(twenty.rankMuRate - 0.00819140327735467) < 1e-15)
    // Power: pycma's c_μ (with + 0.25) differs from the tutorial's by far more than the tolerance.
    #expect(abs(twenty.rankMuRate - 0.00921656177627435) > 1e-4)
  }

  @Test("λ below 4 is refused naming the population")
  func smallPopulation() {
    #expect(throws: InputError.self) { try CMAESParameters(dimension: 5, population: 3) }
    #expect((try? CMAESParameters(dimension: 5, population: 4))?.parents == 2)
  }
}
