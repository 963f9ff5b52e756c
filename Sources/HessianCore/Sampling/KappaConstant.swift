import Foundation

/// The proportionality constant κ of the covariance–Hessian relation
/// C ≈ σ² κ(λ, d) H⁻¹ for (1,λ) selection on a quadratic.
///
/// Derivation (theory §4.2, *derived*, checked in sims A, J, L): the winner
/// of λ draws of t = zᵀHz, z ~ N(0, I), obeys P(t* > s) ≈ exp(−λ c s^{d/2}) by the
/// small-ball law, and on the shell E[zzᵀ | t] → (t/d) H⁻¹, so
///
///     κ(λ, d) = (2/d) Γ(1 + 2/d) Γ(d/2 + 1)^{2/d} det(H)^{1/d} λ^{−2/d}.
///
/// κ is homogeneous of degree 1 in H while H⁻¹ is of degree −1, so C does not
/// depend on how the loss is scaled (½xᵀHx or xᵀHx give the same winners and
/// the same C). For H ∝ I the proportionality is exact at every λ and only the
/// constant is asymptotic: κ_exact = h·E[min of λ χ²_d]/d (notes §1.3 table);
/// for d = 2 both equal h/λ. Off the optimum (centre m, minimum x*) use
/// λ_eff = λ·exp(−|x* − m|²/(2σ²)) (notes §1.3, sim L). For a degenerate H use
/// the rank r and the product of the nonzero eigenvalues (notes §2.1 item 4).
///
/// Cost: no loss evaluations; a few special-function calls (the exact value:
/// one adaptive quadrature of about 10³ χ² CDF evaluations).
public enum KappaConstant {
  /// The asymptotic κ(λ, d) for a Hessian with geometric mean eigenvalue `gm`
  /// (det(H)^{1/d}), via `SpecialFunctions.logGamma`.
  ///
  /// - Parameters:
  ///   - lambda: the (effective) population, > 0 (need not be an integer).
  ///   - d: the number of curved directions (d, or r for a degenerate H), ≥ 1.
  ///   - gm: `geometricMeanEigenvalue`, (∏ hᵢ)^{1/d}; 1 for H = I.
  public static func asymptotic(lambda: Double, dimension d: Int, geometricMeanEigenvalue gm: Double = 1) -> Double {
    precondition(d >= 1 && lambda > 0 && gm > 0, "κ needs d ≥ 1, λ > 0, gm > 0")
    return asymptotic(logLambda: log(lambda), dimension: d, geometricMeanEigenvalue: gm)
  }

  /// κ from ln λ instead of λ (same formula, in log space): λ_eff = λ·exp(−|offset|²/(2σ²))
  /// underflows to 0 long before ln λ_eff = ln λ − |offset|²/(2σ²) stops being finite.
  /// The result is +∞ (or NaN for a NaN ln λ) when κ does not fit in a `Double`; callers
  /// test `isFinite`. Cost: two log-gamma evaluations.
  public static func asymptotic(logLambda: Double, dimension d: Int, geometricMeanEigenvalue gm: Double = 1) -> Double {
    precondition(d >= 1 && gm > 0, "κ needs d ≥ 1, gm > 0")
    let dd = Double(d)
    let lg1 = (try? SpecialFunctions.logGamma(1 + 2 / dd)) ?? .nan
    let lg2 = (try? SpecialFunctions.logGamma(dd / 2 + 1)) ?? .nan
    let logK = log(2 / dd) + lg1 + (2 / dd) * lg2 + log(gm) - (2 / dd) * logLambda
    return exp(logK)
  }

  /// The asymptotic κ for the nonzero eigenvalues `h` of a Hessian (zeros and
  /// negative values are ignored; r = number of positive ones). `nil` if r = 0.
  public static func asymptotic(lambda: Double, eigenvalues h: [Double]) -> Double? {
    asymptotic(logLambda: log(lambda), eigenvalues: h)
  }

  /// κ from ln λ and the positive eigenvalues of `h` (see ``asymptotic(logLambda:dimension:geometricMeanEigenvalue:)``);
  /// nil when `h` has no positive eigenvalue, or when κ is not a finite positive number
  /// (λ_eff so small, or the eigenvalues so extreme, that the asymptote says nothing).
  public static func asymptotic(logLambda: Double, eigenvalues h: [Double]) -> Double? {
    let pos = h.filter { $0 > 0 }
    guard !pos.isEmpty else { return nil }
    let gm = exp(pos.map { log($0) }.reduce(0, +) / Double(pos.count))
    guard gm > 0, gm.isFinite else { return nil }
    let kappa = asymptotic(logLambda: logLambda, dimension: pos.count, geometricMeanEigenvalue: gm)
    return kappa.isFinite && kappa > 0 ? kappa : nil
  }

  /// The exact κ for H = I: E[min of λ i.i.d. χ²_d]/d = (1/d) ∫₀^∞ (1 − F_d(t))^λ dt,
  /// by adaptive Simpson quadrature (relative tolerance about 10⁻¹⁰).
  ///
  /// - Precondition: λ ≥ 2 is an integer-valued count, d ≥ 1.
  public static func exactIsotropic(lambda: Int, dimension d: Int) -> Double {
    precondition(lambda >= 2 && d >= 1, "exact κ needs λ ≥ 2, d ≥ 1")
    let dd = Double(d), lam = Double(lambda)
    // Upper limit where the integrand (1 − F)^λ < e^{−40}: F = 1 − e^{−40/λ}.
    let p = min(1 - exp(-40 / lam), 1 - 1e-15)
    let upper = (try? Distributions.chiSquareQuantile(p, degreesOfFreedom: dd)) ?? 200 * dd
    let f: (Double) -> Double = { t in
      let s = 1 - Distributions.chiSquareCDF(t, degreesOfFreedom: dd)
      return s <= 0 ? 0 : exp(lam * log(s))
    }
    // The mass sits at t ~ λ^{−2/d}; split [0, upper] geometrically so every
    // piece is resolved, then integrate each adaptively.
    var edges: [Double] = [0]
    var t = min(upper, max(1e-12, exp(-(2 / dd) * log(lam)) * 1e-3))
    while t < upper {
      edges.append(t)
      t *= 4
    }
    edges.append(upper)
    // The integral is about d·κ ~ d·λ^{−2/d}: an absolute tolerance of 10⁻¹⁰ of
    // that scale, shared among the pieces, gives ~10⁻¹⁰ relative accuracy.
    let tolerance = 1e-10 * dd * exp(-(2 / dd) * log(lam)) / Double(edges.count)
    var total = 0.0
    for i in 0..<(edges.count - 1) {
      total += adaptiveSimpson(f, edges[i], edges[i + 1], tolerance: tolerance, depth: 40)
    }
    return total / dd
  }

  static func adaptiveSimpson(_ f: (Double) -> Double, _ a: Double, _ b: Double, tolerance: Double, depth: Int) -> Double {
    let fa = f(a), fb = f(b), m = (a + b) / 2, fm = f(m)
    let whole = (b - a) / 6 * (fa + 4 * fm + fb)
    return simpsonStep(f, a, b, fa, fm, fb, whole, tolerance, depth)
  }

  private static func simpsonStep(
    _ f: (Double) -> Double, _ a: Double, _ b: Double, _ fa: Double, _ fm: Double, _ fb: Double,
    _ whole: Double, _ tol: Double, _ depth: Int
  ) -> Double {
    let m = (a + b) / 2, lm = (a + m) / 2, rm = (m + b) / 2
    let flm = f(lm), frm = f(rm)
    let left = (m - a) / 6 * (fa + 4 * flm + fm)
    let right = (b - m) / 6 * (fm + 4 * frm + fb)
    let delta = left + right - whole
    if depth <= 0 || abs(delta) <= 15 * tol {
      return left + right + delta / 15
    }
    return simpsonStep(f, a, m, fa, flm, fm, left, tol / 2, depth - 1)
      + simpsonStep(f, m, b, fm, frm, fb, right, tol / 2, depth - 1)
  }
}
