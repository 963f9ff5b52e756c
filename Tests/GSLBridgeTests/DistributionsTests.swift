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

  // References from SciPy 1.x `scipy.stats.t.ppf`.
  @Test("Student t quantiles match SciPy")
  func studentT() throws {
    #expect(abs(try Distributions.studentTQuantile(0.975, degreesOfFreedom: 7) - 2.364624251592784) < 1e-9)
    #expect(abs(try Distributions.studentTQuantile(0.975, degreesOfFreedom: 3) - 3.1824463052837078) < 1e-9)
    #expect(abs(try Distributions.studentTQuantile(0.975, degreesOfFreedom: 1) - 12.706204736174694) < 1e-8)
    #expect(abs(try Distributions.studentTQuantile(1 - 0.5e-6, degreesOfFreedom: 15) - 7.9032336273669035) < 1e-7)
    #expect(throws: GSLError.self) { try Distributions.studentTQuantile(0.975, degreesOfFreedom: 0) }
    #expect(throws: GSLError.self) { try Distributions.studentTQuantile(1, degreesOfFreedom: 3) }
  }

  @Test("Chi-square quantiles")
  func chiSquare() throws {
    #expect(abs(try Distributions.chiSquareQuantile(0.95, degreesOfFreedom: 1) - 3.841458820694124) < 1e-10)
    #expect(abs(try Distributions.chiSquareQuantile(0.99, degreesOfFreedom: 10) - 23.209251158954356) < 1e-9)
    #expect(abs(Distributions.chiSquareCDF(3.841458820694124, degreesOfFreedom: 1) - 0.95) < 1e-12)
  }

  /// SciPy `t.ppf(p, ν)` (an independent implementation, Boost), to 10⁻⁹ relative:
  /// SciPy's own upper and lower tails agree only to about 10⁻¹¹ at ν = 1.
  @Test("Student t quantiles match SciPy", arguments: [
    (1.0, 1e-06, -318309.8861827435), (1.0, 0.0005, -636.6192487687196), (1.0, 0.025, -12.706204736174705),
    (1.0, 0.975, 12.706204736174694), (1.0, 0.999999, 318309.88617359026),
    (2.0, 0.0005, -31.59905457644362), (2.0, 0.975, 4.302652729749462),
    (7.0, 1e-06, -14.241469651981445), (7.0, 0.025, -2.3646242515927844), (7.0, 0.9995, 5.407882520861828),
    (15.0, 0.0005, -4.072765195903791), (15.0, 0.9995, 4.072765195903846), (15.0, 0.999999, 7.464384940078487),
    (63.0, 0.025, -1.9983405425207417), (63.0, 0.9995, 3.4517689449610334),
    (1000.0, 1e-06, -4.781608620458351), (1000.0, 0.9995, 3.300282648423944),
  ])
  func studentT(nu: Double, p: Double, x: Double) throws {
    let q = try Distributions.studentTQuantile(p, degreesOfFreedom: nu)
    #expect(abs(q - x) <= 1e-9 * abs(x), "ν = \(nu), p = \(p): \(q) vs SciPy \(x)")
    #expect(try Distributions.studentTQuantile(0.5, degreesOfFreedom: nu) == 0)
    #expect(throws: GSLError.self) { try Distributions.studentTQuantile(p, degreesOfFreedom: 0) }
    #expect(throws: GSLError.self) { try Distributions.studentTQuantile(1, degreesOfFreedom: nu) }
  }

  /// SciPy 1.x `chi2.ppf(p, k)` (lower half) and `chi2.isf(1 − p, k)` (upper half,
  /// with the same double p), an independent implementation (Cephes). GSL's own
  /// inverse returns NaN at k = 90 000, p = 1 − 6·10⁻⁶ and its `Qinv` is wrong
  /// there; `verify` without `--quick` needed exactly that quantile.
  static let scipyChiSquare: [(k: Double, p: Double, x: Double)] = [
    (1.0, 1e-12, 1.5707963267948931e-24),
    (1.0, 6e-06, 5.654866776568221e-11),
    (1.0, 0.025, 0.0009820691171752555),
    (1.0, 0.5, 0.454936423119572),
    (1.0, 1 - 0.025, 5.023886187314888),
    (1.0, 1 - 6e-06, 20.488200288841757),
    (1.0, 1 - 1e-12, 50.84417133244917),
    (2.5, 1e-12, 5.55155789291308e-10),
    (2.5, 6e-06, 0.00014687573341314237),
    (2.5, 0.025, 0.11862294210006345),
    (2.5, 0.5, 1.8738477677808791),
    (2.5, 1 - 0.025, 8.392295266912964),
    (2.5, 1 - 6e-06, 25.554638307844936),
    (2.5, 1 - 1e-12, 57.15190425497638),
    (10.0, 1e-12, 0.0207786897050036),
    (10.0, 6e-06, 0.4899784477509936),
    (10.0, 0.025, 3.2469727802368413),
    (10.0, 0.5, 9.34181776559197),
    (10.0, 1 - 0.025, 20.483177350807388),
    (10.0, 1 - 6e-06, 42.54349585352571),
    (10.0, 1 - 1e-12, 78.4716956802402),
    (1000.0, 1e-12, 716.9494787894976),
    (1000.0, 6e-06, 816.198698807998),
    (1000.0, 0.025, 914.257153799259),
    (1000.0, 0.5, 999.333412403381),
    (1000.0, 1 - 0.025, 1089.5309127749135),
    (1000.0, 1 - 6e-06, 1208.0069522906326),
    (1000.0, 1 - 1e-12, 1347.6202217646367),
    (22500.0, 1e-12, 21039.9250482292),
    (22500.0, 6e-06, 21583.454076311016),
    (22500.0, 0.025, 22086.126388954784),
    (22500.0, 0.5, 22499.333336845106),
    (22500.0, 1 - 0.025, 22917.6621985922),
    (22500.0, 1 - 6e-06, 23440.763088703887),
    (22500.0, 1 - 1e-12, 24024.717549411325),
    (90000.0, 1e-12, 87047.76522332155),
    (90000.0, 6e-06, 88154.84160752075),
    (90000.0, 0.025, 89170.35362950874),
    (90000.0, 0.5, 89999.33333421126),
    (90000.0, 1 - 0.025, 90833.43497619886),
    (90000.0, 1 - 6e-06, 91869.37595908977),
    (90000.0, 1 - 1e-12, 93016.88055566385),
    (1000000.0, 1e-12, 990084.0366937304),
    (1000000.0, 6e-06, 993821.2605575497),
    (1000000.0, 0.025, 997230.0871432901),
    (1000000.0, 0.5, 999999.3333334123),
    (1000000.0, 1 - 0.025, 1002773.701467926),
    (1000000.0, 1 - 6e-06, 1006202.9571308792),
    (1000000.0, 1 - 1e-12, 1009980.6129055015),
    (100000000.0, 6e-06, 99938103.66739911),
    (100000000.0, 0.025, 99972283.81786752),
    (100000000.0, 0.5, 99999999.33333333),
    (100000000.0, 1 - 0.025, 100027719.97074424),
    (100000000.0, 1 - 6e-06, 100061920.55030127)
  ]

  @Test("Chi-square quantiles from k = 1 to 10⁸ and tails to 10⁻¹² match SciPy")
  func chiSquareAgainstSciPy() throws {
    for (k, p, x) in Self.scipyChiSquare {
      let q = try Distributions.chiSquareQuantile(p, degreesOfFreedom: k)
      // Bisection (k < 10⁵) is limited by the distribution function; Wilson–Hilferty
      // (k ≥ 10⁵) by its 3·10⁻⁷ relative error.
      let tolerance = k < 1e5 ? 1e-9 : 3e-7
      #expect(abs(q - x) <= tolerance * x, "k = \(k), p = \(p): \(q) vs SciPy \(x)")
    }
  }

  @Test("Gamma function")
  func gamma() throws {
    #expect(abs(try SpecialFunctions.gamma(5) - 24) < 1e-12)
    #expect(abs(try SpecialFunctions.gamma(0.5) - Double.pi.squareRoot()) < 1e-14)
    #expect(abs(try SpecialFunctions.logGamma(101) - 363.73937555556347) < 1e-9)
  }
}
