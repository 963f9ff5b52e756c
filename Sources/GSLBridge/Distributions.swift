import CGSL

/// Quantiles and distribution functions from GSL's `gsl_cdf` module.
///
/// Used to turn a stated false-failure probability into a test threshold.
/// Arguments are checked in Swift first; an out-of-range probability throws
/// ``GSLError`` with kind ``GSLError/Kind/domain``, the code GSL itself uses.
public enum Distributions {
  /// Φ⁻¹(p), the standard normal quantile, for 0 < p < 1.
  public static func normalQuantile(_ p: Double) throws(GSLError) -> Double {
    try checkProbability(p, "gsl_cdf_ugaussian_Pinv")
    return gsl_cdf_ugaussian_Pinv(p)
  }

  /// Φ(x), the standard normal distribution function.
  public static func normalCDF(_ x: Double) -> Double {
    GSLRuntime.ensureConfigured()
    return gsl_cdf_ugaussian_P(x)
  }

  /// The p-quantile of χ² with `degreesOfFreedom` k > 0, for 0 < p < 1.
  ///
  /// GSL's own inverses are not used: `gsl_cdf_chisq_Pinv` returns NaN in the
  /// upper tail once k is in the tens of thousands (k = 90 000, p = 1 − 6·10⁻⁶),
  /// and `gsl_cdf_chisq_Qinv` returns wrong values there without an error
  /// (52 824 instead of 91 869). Instead:
  ///
  /// - k < 10⁵: bisection on GSL's distribution function, the lower tail P for
  ///   p ≤ ½ and the upper tail Q(x) = 1 − p above (so a tail probability of
  ///   10⁻¹² keeps its digits), to a relative width of 10⁻¹⁵; the result is
  ///   checked to reproduce the tail probability to 10⁻⁶ relative.
  /// - k ≥ 10⁵: Wilson–Hilferty, x = k(1 − 2/(9k) + z√(2/(9k)))³ with
  ///   z = Φ⁻¹(p), whose relative error is below 3·10⁻⁷ there for
  ///   10⁻¹² ≤ p ≤ 1 − 10⁻¹² (checked against SciPy's `chi2.ppf`/`chi2.isf`).
  ///
  /// Cost: at most a few hundred evaluations of the distribution function.
  ///
  /// - Throws: ``GSLError`` (domain) for p ∉ (0, 1) or k ≤ 0; (failed) if the
  ///   bisection result does not reproduce p.
  public static func chiSquareQuantile(_ p: Double, degreesOfFreedom k: Double) throws(GSLError) -> Double {
    let function = "chi-square quantile"
    try checkProbability(p, function)
    guard k > 0, k.isFinite else { throw GSLError(code: Int(GSL_EDOM), function: function) }
    if k >= 1e5 {
      let z = try normalQuantile(p)
      let c = 2 / (9 * k)
      let base = 1 - c + z * c.squareRoot()
      return k * base * base * base
    }
    // tail(x): P(x) (increasing) for the lower half, Q(x) (decreasing) above.
    let lower = p <= 0.5
    let target = lower ? p : 1 - p
    func tail(_ x: Double) -> Double { lower ? gsl_cdf_chisq_P(x, k) : gsl_cdf_chisq_Q(x, k) }
    func belowQuantile(_ x: Double) -> Bool { lower ? tail(x) < target : tail(x) > target }
    var lo = 0.0
    var hi = max(2 * k, k + 20 * (2 * k).squareRoot() + 60)
    var doublings = 0
    while belowQuantile(hi) && doublings < 60 {
      lo = hi
      hi *= 2
      doublings += 1
    }
    var halvings = 0
    while hi - lo > 1e-15 * hi && halvings < 2000 {
      let mid = 0.5 * (lo + hi)
      if belowQuantile(mid) { lo = mid } else { hi = mid }
      halvings += 1
    }
    let x = 0.5 * (lo + hi)
    guard x.isFinite, abs(tail(x) - target) <= 1e-6 * target else {
      throw GSLError(code: Int(GSL_EFAILED), function: function)
    }
    return x
  }

  /// P(X ≤ x) for X ~ χ²_k.
  public static func chiSquareCDF(_ x: Double, degreesOfFreedom k: Double) -> Double {
    GSLRuntime.ensureConfigured()
    return gsl_cdf_chisq_P(x, k)
  }

  /// The p-quantile of Student's t with ν > 0 degrees of freedom, for 0 < p < 1
  /// (GSL `gsl_cdf_tdist_Pinv`): the factor that turns a standard error with ν
  /// degrees of freedom into a confidence half-width. Cost: one GSL call.
  ///
  /// - Throws: ``GSLError`` (domain) for p ∉ (0, 1) or ν ≤ 0.
  public static func studentTQuantile(_ p: Double, degreesOfFreedom nu: Double) throws(GSLError) -> Double {
    let function = "gsl_cdf_tdist_Pinv"
    try checkProbability(p, function)
    guard nu > 0, nu.isFinite else { throw GSLError(code: Int(GSL_EDOM), function: function) }
    return gsl_cdf_tdist_Pinv(p, nu)
  }

  /// The p-quantile of the binomial-proportion-free two-sided normal bound:
  /// Φ⁻¹(1 − p/2).
  public static func twoSidedNormalQuantile(falseFailureProbability p: Double) throws(GSLError) -> Double {
    try normalQuantile(1 - p / 2)
  }

  private static func checkProbability(_ p: Double, _ function: String) throws(GSLError) {
    GSLRuntime.ensureConfigured()
    guard p > 0, p < 1 else { throw GSLError(code: Int(GSL_EDOM), function: function) }
  }
}

/// Special functions from GSL's `gsl_sf` module, with error statuses mapped.
public enum SpecialFunctions {
  /// Γ(x). Overflows (``GSLError/Kind/overflow``) for x > 171.6, fails with
  /// ``GSLError/Kind/domain`` at non-positive integers.
  public static func gamma(_ x: Double) throws(GSLError) -> Double {
    GSLRuntime.ensureConfigured()
    var r = gsl_sf_result()
    try gslCheck(gsl_sf_gamma_e(x, &r), "gsl_sf_gamma_e")
    return r.val
  }

  /// log|Γ(x)|; fails with ``GSLError/Kind/domain`` at non-positive integers.
  public static func logGamma(_ x: Double) throws(GSLError) -> Double {
    GSLRuntime.ensureConfigured()
    var r = gsl_sf_result()
    try gslCheck(gsl_sf_lngamma_e(x, &r), "gsl_sf_lngamma_e")
    return r.val
  }

  /// eˣ; ``GSLError/Kind/overflow`` or ``GSLError/Kind/underflow`` outside the
  /// range of a double.
  public static func exponential(_ x: Double) throws(GSLError) -> Double {
    GSLRuntime.ensureConfigured()
    var r = gsl_sf_result()
    try gslCheck(gsl_sf_exp_e(x, &r), "gsl_sf_exp_e")
    return r.val
  }

  /// ψ(x), the digamma function.
  public static func digamma(_ x: Double) throws(GSLError) -> Double {
    GSLRuntime.ensureConfigured()
    var r = gsl_sf_result()
    try gslCheck(gsl_sf_psi_e(x, &r), "gsl_sf_psi_e")
    return r.val
  }
}
