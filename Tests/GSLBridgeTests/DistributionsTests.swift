import Testing

@testable import GSLBridge

@Suite("Quantiles and special functions")
struct DistributionsTests {
  // Reference values from standard tables (Abramowitz & Stegun 26.2, 26.4),
  // to the digits printed there; GSL is accurate to ~1e-15 relative.
  @Test("Normal quantiles")
  func normal() throws {
    #expect(abs(try Distributions.normalQuantile(0.975) - 1.959963984540054) < 1e-12)
    #expect(abs(try Distributions.normalQuantile(0.5)) < 1e-15)
    #expect(abs(try Distributions.twoSidedNormalQuantile(falseFailureProbability: 0.01) - 2.5758293035489) < 1e-10)
    #expect(abs(Distributions.normalCDF(1.959963984540054) - 0.975) < 1e-14)
  }

  @Test("Chi-square quantiles")
  func chiSquare() throws {
    #expect(abs(try Distributions.chiSquareQuantile(0.95, degreesOfFreedom: 1) - 3.841458820694124) < 1e-10)
    #expect(abs(try Distributions.chiSquareQuantile(0.99, degreesOfFreedom: 10) - 23.209251158954356) < 1e-9)
    #expect(abs(Distributions.chiSquareCDF(3.841458820694124, degreesOfFreedom: 1) - 0.95) < 1e-12)
  }

  @Test("Gamma function")
  func gamma() throws {
    #expect(abs(try SpecialFunctions.gamma(5) - 24) < 1e-12)
    #expect(abs(try SpecialFunctions.gamma(0.5) - Double.pi.squareRoot()) < 1e-14)
    #expect(abs(try SpecialFunctions.logGamma(101) - 363.73937555556347) < 1e-9)
  }
}
