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

  /// The p-quantile of χ² with `degreesOfFreedom` > 0, for 0 < p < 1.
  public static func chiSquareQuantile(_ p: Double, degreesOfFreedom k: Double) throws(GSLError) -> Double {
    try checkProbability(p, "gsl_cdf_chisq_Pinv")
    guard k > 0, k.isFinite else { throw GSLError(code: Int(GSL_EDOM), function: "gsl_cdf_chisq_Pinv") }
    return gsl_cdf_chisq_Pinv(p, k)
  }

  /// P(X ≤ x) for X ~ χ²_k.
  public static func chiSquareCDF(_ x: Double, degreesOfFreedom k: Double) -> Double {
    GSLRuntime.ensureConfigured()
    return gsl_cdf_chisq_P(x, k)
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
