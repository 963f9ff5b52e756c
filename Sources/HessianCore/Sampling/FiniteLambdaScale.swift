import Foundation

/// The exact expected fitted scale of the covariance–Hessian relation at a finite population λ,
/// for (1,λ) selection centred at the minimum of a quadratic: what
/// ``CovarianceHessianRelation/fittedScale`` converges to as the number of kept points grows.
///
/// ``KappaConstant/asymptotic(lambda:eigenvalues:)`` is the λ → ∞ limit of this scale and can be
/// far off at the λ users run (notes §1.3): on a d = 20 Hessian with eigenvalues log-spaced over
/// 1…100 at λ = 10 the asymptote is 3.42 and the scale is 1.62; for d = 8 with condition number
/// 100 at λ = 100 the asymptote is 60% too high. This is the finite-λ value.
///
/// Derivation (H = diag(h₁…h_r) in its eigenbasis, r = the number of positive eigenvalues; the
/// null directions do not take part in selection, notes §2.1). With z ~ N(0, I_r) and
/// t = Σ hⱼzⱼ², the winner of λ draws has density λ φ(z) S(t)^{λ−1}, S the survival function of t.
/// Because x·f_{χ²₁}(x) = f_{χ²₃}(x), E[zᵢ² g(t)] = E[g(Tᵢ)] with Tᵢ = t + hᵢ·χ²₂ (an independent
/// χ²₂), so
///
///     E[zᵢ*²] = λ E[S(Tᵢ)^{λ−1}],
///     fitted scale = Σᵢ E[zᵢ*²]/hᵢ / Σᵢ hᵢ⁻²       (the least-squares c of C ≈ σ² c H⁺).
///
/// t and every Tᵢ are positive combinations of χ² variables; Ruben's series writes each as a
/// mixture of scaled χ² laws with β = minⱼ hⱼ, γⱼ = 1 − β/hⱼ ∈ [0, 1) and n = r:
///
///     P(t ≤ βx) = Σₖ aₖ P(χ²_{r+2k} ≤ x),   a₀ = Πⱼ (β/hⱼ)^{1/2},
///     aₖ = (1/(2k)) Σ_{m=1…k} Gₘ a_{k−m},   Gₘ = Σⱼ γⱼ^m,
///
/// all terms positive and Σ aₖ = 1; Tᵢ has weights bₖ⁽ⁱ⁾ = (β/hᵢ) Σ_{l≤k} a_l γᵢ^{k−l} on
/// χ²_{r+2+2k}. Then
///
///     fitted scale = ∫₀^∞ λ S(βx)^{λ−1} Σₖ wₖ f_{χ²_{r+2+2k}}(x) dx,   wₖ = Σᵢ bₖ⁽ⁱ⁾/(hᵢ Σⱼ hⱼ⁻²),
///
/// integrated by adaptive Simpson quadrature on geometrically split pieces (as
/// ``KappaConstant/exactIsotropic(lambda:dimension:)``, which is the case H ∝ I, all aₖ = 0 for k > 0).
/// The series is cut when the neglected weight of every mixture is below 10⁻¹³.
///
/// The number of terms grows like 30·cond(H) + ½Σⱼ(hⱼ/β − 1): condition number 100 needs about
/// 3000–4000 terms. Above ``maximumTerms`` the value is not computed (`nil`) and the caller must
/// fall back on the labelled asymptote.
///
/// Cost: no loss evaluations; O(K² + K·r) for the series (K terms) and O(min(K, x)) per integrand
/// evaluation, a few thousand evaluations: 0.25–0.35 s in a debug build for d = 20 and condition
/// number 100 (K ≈ 3800), milliseconds for H ∝ I.
///
/// References: H. Ruben, "Probability content of regions under spherical normal distributions, IV:
/// the distribution of homogeneous and non-homogeneous quadratic functions of normal variables",
/// Ann. Math. Statist. 33(2):542–570 (1962); Shir & Yehudayoff, TCS 801:157–174 (2020).
public enum FiniteLambdaScale {
  /// The most series terms used before giving up (``expectedFittedScale(population:eigenvalues:maximumTerms:)`` returns nil).
  public static let maximumTerms = 8000

  /// The neglected weight of the truncated series.
  static let truncation = 1e-13

  /// The expected fitted scale E[c/σ²] at population λ for a centred (1,λ) selection on a
  /// quadratic with these Hessian eigenvalues; zero and negative eigenvalues are ignored (null
  /// directions do not take part in selection).
  ///
  /// - Parameters:
  ///   - lambda: the population λ ≥ 1.
  ///   - eigenvalues: the Hessian's eigenvalues (the positive ones are used; scale-free).
  ///   - maximumTerms: series terms allowed; more needed ⇒ `nil`.
  /// - Returns: the scale, or `nil` when no eigenvalue is positive or the series needs more terms.
  public static func expectedFittedScale(
    population lambda: Int, eigenvalues: [Double], maximumTerms: Int = maximumTerms
  ) -> Double? {
    precondition(lambda >= 1, "the population λ must be at least 1")
    let h = eigenvalues.filter { $0 > 0 && $0.isFinite }
    guard !h.isEmpty, let series = Series(eigenvalues: h, maximumTerms: maximumTerms) else { return nil }
    return series.integrate(lambda: Double(lambda))
  }

  /// Ruben's mixture weights for t and the weights wₖ of the fitted-scale density.
  struct Series {
    let r: Int
    let beta: Double
    /// aₖ: the weights of t/β on χ²_{r+2k}, k = 0…K.
    let a: [Double]
    /// wₖ: the weights of the fitted-scale density on χ²_{r+2+2k}, k = 0…K.
    let w: [Double]
    /// The asymptotic scale (for the quadrature's tolerance and first split point).
    let asymptote: Double

    init?(eigenvalues h: [Double], maximumTerms: Int) {
      let r = h.count
      let beta = h.min()!
      let gamma = h.map { max(0, 1 - beta / $0) }
      // Give up at once when the series certainly needs more terms: the weights aₖ have mean
      // ½Σⱼ(hⱼ/β − 1), and the tail of bₖ⁽ⁱ⁾ decays like γ_max^k (below 10⁻¹³ after ≈ 30/(1 − γ_max)).
      let meanTerm = 0.5 * h.reduce(0) { $0 + ($1 / beta - 1) }
      let tailTerms = 30 * (h.max()! / beta)
      guard meanTerm <= Double(maximumTerms), tailTerms <= Double(maximumTerms) else { return nil }
      let logA0 = 0.5 * h.reduce(0) { $0 + log(beta / $1) }
      // aₖ by the recursion, on a running scale so that a tiny a₀ does not underflow:
      // true aₖ = scaled[k]·exp(logScale).
      var scaled = [1.0]
      var logScale = logA0
      var g = [0.0]  // g[m] = G_m
      var power = gamma
      var a = [exp(logA0)]
      var sumA = Neumaier(a[0])
      // e⁽ⁱ⁾ₖ = Σ_{l≤k} a_l γᵢ^{k−l}; bₖ⁽ⁱ⁾ = (β/hᵢ) e⁽ⁱ⁾ₖ.
      var e = [Double](repeating: a[0], count: r)
      var sumB = (0..<r).map { Neumaier(beta / h[$0] * e[$0]) }
      let norm = h.reduce(0) { $0 + 1 / ($1 * $1) }
      var w = [(0..<r).reduce(0) { $0 + beta / h[$1] * e[$1] / h[$1] } / norm]
      var k = 0
      while 1 - sumA.value > FiniteLambdaScale.truncation
        || sumB.contains(where: { 1 - $0.value > FiniteLambdaScale.truncation })
      {
        k += 1
        guard k <= maximumTerms else { return nil }
        var gk = 0.0
        for j in 0..<r {
          gk += power[j]
          power[j] *= gamma[j]
        }
        g.append(gk)
        // Σ_{m=1…k} G_m ã_{k−m}: the O(K²) part, on raw buffers.
        let acc = g.withUnsafeBufferPointer { gb in
          scaled.withUnsafeBufferPointer { sb in
            var sum = 0.0
            var m = 1
            while m <= k {
              sum += gb[m] * sb[k - m]
              m += 1
            }
            return sum
          }
        }
        var next = acc / Double(2 * k)
        if next > 1e200 {
          for i in scaled.indices { scaled[i] *= 1e-200 }
          next *= 1e-200
          logScale += 200 * log(10.0)
        }
        scaled.append(next)
        let ak = next > 0 ? exp(log(next) + logScale) : 0
        a.append(ak)
        sumA.add(ak)
        var wk = 0.0
        for i in 0..<r {
          e[i] = ak + gamma[i] * e[i]
          let bik = beta / h[i] * e[i]
          sumB[i].add(bik)
          wk += bik / h[i]
        }
        w.append(wk / norm)
      }
      self.r = r
      self.beta = beta
      self.a = a
      self.w = w
      asymptote = KappaConstant.asymptotic(lambda: 1, eigenvalues: h) ?? 1
    }

    /// ∫₀^∞ λ S(βx)^{λ−1} Σₖ wₖ f_{χ²_{r+2+2k}}(x) dx.
    func integrate(lambda: Double) -> Double {
      let terms = a.count  // K + 1
      let half = Double(r) / 2
      let lgStart = (try? SpecialFunctions.logGamma(half + 1)) ?? .nan
      // log(r/2 + j), j ≥ 1: f_{χ²_{r+2(j+1)}}(x) = f_{χ²_{r+2j}}(x)·(x/2)/(r/2 + j).
      var logDen = [Double](repeating: 0, count: terms + 1)
      for j in 1...terms { logDen[j] = log(half + Double(j)) }
      // suffixA[l] = Σ_{l' ≥ l} a_l' (summed from the small end, so it keeps its digits).
      var suffixA = [Double](repeating: 0, count: terms + 1)
      for l in stride(from: terms - 1, through: 0, by: -1) { suffixA[l] = suffixA[l + 1] + a[l] }
      var p = [Double](repeating: 0, count: terms + 1)  // p[j] = f_{χ²_{r+2j}}(x), j = 1…J
      let lambdaMinusOne = lambda - 1
      // Returns (log S(βx), Σ wₖ f_{r+2+2k}(x)). Only j ≤ J(x) matter: as a function of j,
      // f_{χ²_{r+2j}}(x) is a Poisson(x/2) probability at r/2 + j − 1 (over 2), negligible
      // (< e^{−45}) beyond x/2 + 10√(x/2) + 50; there P_{r+2j}(x) < e^{−45} too.
      func parts(_ x: Double) -> (Double, Double) {
        let y = x / 2
        let jMax = min(terms, max(1, Int((y + 10 * y.squareRoot() + 50 - half + 1).rounded(.up))))
        let lx = log(y)
        var lp = half * lx - y - lgStart - log(2.0)  // log f_{χ²_{r+2}}(x)
        return p.withUnsafeMutableBufferPointer { pb in
          logDen.withUnsafeBufferPointer { ld in
            a.withUnsafeBufferPointer { ab in
              w.withUnsafeBufferPointer { wb in
                var j = 1
                while j <= jMax {
                  pb[j] = lp > -745 ? exp(lp) : 0
                  lp += lx - ld[j]
                  j += 1
                }
                // F = Σ a_l P_{r+2l}(x) over l < jMax (the rest is < e^{−45}), P downward from
                // GSL's P_{r+2(jMax−1)}: P_{r+2l} = P_{r+2(l+1)} + 2 f_{r+2(l+1)} (positive additions).
                var pl = Distributions.chiSquareCDF(x, degreesOfFreedom: Double(r + 2 * (jMax - 1)))
                var f = ab[jMax - 1] * pl
                var l = jMax - 2
                while l >= 0 {
                  pl += 2 * pb[l + 1]
                  f += ab[l] * pl
                  l -= 1
                }
                let logS: Double
                if f < 0.5 {
                  logS = log1p(-f)
                } else {
                  // S = Σ a_l Q_{r+2l}(x), Q upward: Q_{r+2(l+1)} = Q_{r+2l} + 2 f_{r+2(l+1)};
                  // Q = 1 (to e^{−45}) for l ≥ jMax.
                  var ql = 1 - Distributions.chiSquareCDF(x, degreesOfFreedom: Double(r))
                  var sum = ab[0] * ql
                  var l = 1
                  while l < jMax {
                    ql += 2 * pb[l]
                    sum += ab[l] * ql
                    l += 1
                  }
                  sum += suffixA[jMax]
                  logS = sum > 0 ? log(sum) : -Double.infinity
                }
                var density = 0.0
                var k = 0
                while k + 1 <= jMax {
                  density += wb[k] * pb[k + 1]
                  k += 1
                }
                return (logS, density)
              }
            }
          }
        }
      }
      func integrand(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let (logS, density) = parts(x)
        if density == 0 { return 0 }
        if lambdaMinusOne == 0 { return density }
        return exp(log(lambda) + lambdaMinusOne * logS) * density
      }
      // Upper limit: past the χ² tail of the heaviest component (Laurent–Massart:
      // P(χ²_n > n + 2√(nt) + 2t) ≤ e^{−t}, t = 45) or where λS^{λ−1} < e^{−45}.
      let n = Double(r + 2 * terms)
      var upper = n + 2 * (45 * n).squareRoot() + 90
      if lambdaMinusOne > 0 {
        var x = 1.0
        while x < upper {
          if log(lambda) + lambdaMinusOne * parts(x).0 < -45 {
            upper = x
            break
          }
          x *= 2
        }
      }
      // The winner's t/β sits near (κ(λ, r)/β)·r ~ λ^{−2/r}: split geometrically from well below
      // it, as exactIsotropic does, and integrate each piece adaptively.
      let magnitude = asymptote * exp(-(2 / Double(r)) * log(lambda))
      var edges: [Double] = [0]
      var t = min(upper, max(1e-12, magnitude / beta * 1e-3))
      while t < upper {
        edges.append(t)
        t *= 4
      }
      edges.append(upper)
      // Relative accuracy about 10⁻¹⁰ of the asymptote's magnitude (the value itself is within
      // a factor ~10 of it; see CovarianceHessianRelation.asymptoticErrorScale).
      let tolerance = 1e-10 * magnitude / Double(edges.count)
      var total = 0.0
      for i in 0..<(edges.count - 1) {
        total += KappaConstant.adaptiveSimpson(integrand, edges[i], edges[i + 1], tolerance: tolerance, depth: 40)
      }
      return total
    }
  }
}

/// Compensated (Neumaier) summation: the running tail 1 − Σ of a mixture's weights stays
/// accurate to about ε after thousands of terms.
struct Neumaier {
  private var sum: Double
  private var compensation = 0.0

  init(_ first: Double) { sum = first }

  var value: Double { sum + compensation }

  mutating func add(_ x: Double) {
    let t = sum + x
    if abs(sum) >= abs(x) {
      compensation += (sum - t) + x
    } else {
      compensation += (x - t) + sum
    }
    sum = t
  }
}
