/// The lower tail F(ℓ) = P(K(X) < ℓ), X ~ N(w*, σ²I), K = L − L(w*), down to
/// probabilities far beyond plain Monte Carlo, by last-particle multilevel
/// splitting (the live-point update of nested sampling).
///
/// ```
/// draw N particles from N(w*, σ²I)
/// repeat: L_j = max K over the particles (the j-th level); replace that particle by a
///         copy of another one, moved T times by a Metropolis step that leaves
///         N(w*, σ²I) restricted to {K < L_j} invariant
/// until max K < ℓ_target
/// log F̂(ℓ) = −#{j : L_j ≥ ℓ} / N
/// ```
///
/// With exact (independent) moves the levels are a Poisson process of rate N
/// in t = −log F, so #{L_j ≥ ℓ} ~ Poisson(−N log F(ℓ)): log F̂ is unbiased with
/// variance −log F(ℓ)/N, and reaching F = p costs N·log(1/p) iterations instead
/// of plain Monte Carlo's ~1/p samples (Guyader, Hengartner & Matzner-Løber,
/// Appl. Math. Optim. 64, 2011; Cérou & Guyader, Stoch. Anal. Appl. 25, 2007;
/// Skilling, Bayesian Analysis 1(4), 2006, where E[log X_j] = −j/N).
///
/// The move is a differential-evolution Metropolis step (ter Braak, Stat.
/// Comput. 16, 2006): x′ = x + s·(x_a − x_b) + 0.01·s·|x_a − x_b|∘ξ with a, b two
/// other particles, accepted with probability min(1, φ(x′)/φ(x))·1{K(x′) < L_j}.
/// The proposal is symmetric in x, and it scales itself to the shape of
/// {K < L_j}, so it copes with the strong anisotropy of singular minima
/// (x² + y⁴ at level 10⁻¹⁰: widths 10⁻⁵ and 10⁻²·⁵). s alternates between 1
/// (jumps between arms, e.g. of {|xy| small}) and an adapted scale. Every third
/// move is instead a preconditioned Crank–Nicolson step x′ = ρx + √(1−ρ²)σξ
/// (Cotter, Roberts, Stuart & White, Stat. Sci. 28, 2013), which preserves the
/// Gaussian exactly, mixes the flat directions, and keeps the particles from
/// collapsing onto copies of one point (which would stall the DE moves).
///
/// Cost: N + (number of levels)·T loss evaluations at most (proposals rejected
/// by the Gaussian factor cost none).
public enum MultilevelSplitting {
  /// The tuning of one run.
  public struct Configuration: Sendable, Equatable {
    /// N, the number of particles (≥ 4).
    public var particles: Int
    /// T, Metropolis moves per replaced particle.
    public var movesPerIteration: Int
    /// σ of the Gaussian N(w*, σ²I).
    public var sigma: Double
    /// Stop (and flag the run as incomplete) after this many loss evaluations.
    public var maxLossEvaluations: Int

    /// A configuration (defaults N = 64, T = 20, σ = 1, 2·10⁷ loss evaluations); the ranges are
    /// checked by ``MultilevelSplitting/run(on:targetLevel:configuration:using:)``.
    public init(particles: Int = 64, movesPerIteration: Int = 20, sigma: Double = 1, maxLossEvaluations: Int = 20_000_000) {
      self.particles = particles
      self.movesPerIteration = movesPerIteration
      self.sigma = sigma
      self.maxLossEvaluations = maxLossEvaluations
    }
  }

  /// The levels of one run and what they cost.
  public struct Run: Sendable, Equatable {
    /// L_1 ≥ L_2 ≥ …: K of each replaced particle, in order.
    public var levels: [Double]
    /// N.
    public var particles: Int
    /// Loss evaluations spent (initial draws plus moves that passed the Gaussian test).
    public var lossEvaluations: Int
    /// Accepted moves / proposed moves.
    public var acceptanceRate: Double
    /// Whether max K fell below the target level within the budget.
    public var reachedTarget: Bool
    /// The lowest level certified: every particle has K below it.
    public var finalLevel: Double

    /// log F̂(ℓ) = −#{j : L_j ≥ ℓ}/N, valid for ℓ ≥ ``finalLevel``.
    /// Cost: O(log(number of levels)).
    public func logTailProbability(below level: Double) -> Double {
      // levels are non-increasing: count the prefix with L_j ≥ level.
      var lo = 0, hi = levels.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if levels[mid] >= level { lo = mid + 1 } else { hi = mid }
      }
      return -Double(lo) / Double(particles)
    }
  }

  /// Runs the splitting on `landscape` until every particle has K < `targetLevel`.
  ///
  /// - Precondition: particles ≥ 4, movesPerIteration ≥ 1, sigma > 0.
  public static func run(
    on landscape: some Landscape, targetLevel: Double, configuration c: Configuration,
    using rng: inout SeededGenerator
  ) -> Run {
    precondition(c.particles >= 4 && c.movesPerIteration >= 1 && c.sigma > 0, "invalid splitting configuration")
    let d = landscape.dimension
    let center = landscape.minimum
    let base = landscape.loss(at: center)
    let n = c.particles
    var evaluations = 1
    var point = [Double](repeating: 0, count: d)
    func excess(_ x: [Double]) -> Double {
      for i in 0..<d { point[i] = center[i] + x[i] }
      let k = landscape.loss(at: point) - base
      return k.isNaN ? .infinity : max(k, 0)
    }
    var xs: [[Double]] = []
    var ks: [Double] = []
    var sq: [Double] = []
    for _ in 0..<n {
      var x = rng.normals(d)
      for i in 0..<d { x[i] *= c.sigma }
      xs.append(x)
      ks.append(excess(x))
      sq.append(x.reduce(0) { $0 + $1 * $1 })
      evaluations += 1
    }
    var levels: [Double] = []
    var proposed = 0, accepted = 0
    var scale = 2.38 / (2.0 * Double(max(d, 1))).squareRoot()
    var proposal = [Double](repeating: 0, count: d)
    var pcnStep = 0.5
    var stalled = 0
    let twoSigma2 = 2 * c.sigma * c.sigma
    while true {
      var worst = 0
      for i in 1..<n where ks[i] > ks[worst] { worst = i }
      let level = ks[worst]
      if level < targetLevel || evaluations >= c.maxLossEvaluations { break }
      // Stall guard: the level has not moved for 50·N replacements (the moves
      // cannot leave a set of copies); stop and report the run as incomplete.
      stalled = levels.last == level ? stalled + 1 : 0
      if stalled > 50 * n { break }
      levels.append(level)
      var source = Int(rng.next() % UInt64(n - 1))
      if source >= worst { source += 1 }
      var x = xs[source], kx = ks[source], sx = sq[source]
      var acceptedHere = 0
      for move in 0..<c.movesPerIteration {
        proposed += 1
        if move % 3 == 0 {
          // pCN move: x′ = ρx + √(1−ρ²)σξ leaves N(0, σ²I) invariant, so only the
          // constraint decides; it needs no other particle and cannot collapse.
          let rho = (1 - pcnStep * pcnStep).squareRoot()
          var sp = 0.0
          for i in 0..<d {
            proposal[i] = rho * x[i] + pcnStep * c.sigma * rng.nextNormal()
            sp += proposal[i] * proposal[i]
          }
          evaluations += 1
          let kp = excess(proposal)
          let ok = kp < level
          if ok {
            x = proposal
            kx = kp
            sx = sp
            accepted += 1
          }
          pcnStep = min(max(pcnStep * (ok ? 1.05 : 0.97), 1e-9), 1)
          continue
        }
        var a = Int(rng.next() % UInt64(n - 1))
        if a >= worst { a += 1 }
        var b = Int(rng.next() % UInt64(n - 2))
        if b >= min(a, worst) { b += 1 }
        if b >= max(a, worst) { b += 1 }
        let s = move % 3 == 1 ? scale : 1
        var sp = 0.0
        for i in 0..<d {
          let delta = xs[a][i] - xs[b][i]
          proposal[i] = x[i] + s * delta + 0.01 * s * abs(delta) * rng.nextNormal()
          sp += proposal[i] * proposal[i]
        }
        if -(sp - sx) / twoSigma2 < _log(1 - rng.nextUniform()) { continue }
        evaluations += 1
        let kp = excess(proposal)
        if kp < level {
          x = proposal
          kx = kp
          sx = sp
          accepted += 1
          if s != 1 { acceptedHere += 1 }
        }
      }
      xs[worst] = x
      ks[worst] = kx
      sq[worst] = sx
      // Robbins–Monro-style adaptation of the scaled move toward 30% acceptance,
      // between iterations only (the moves of one iteration use a fixed scale).
      let rate = Double(acceptedHere) / Double(max((c.movesPerIteration + 1) / 3, 1))
      scale *= rate > 0.3 ? 1.02 : 0.98
      scale = min(max(scale, 1e-3), 2)
    }
    let finalLevel = ks.max() ?? 0
    return Run(
      levels: levels, particles: n, lossEvaluations: evaluations,
      acceptanceRate: proposed == 0 ? 0 : Double(accepted) / Double(proposed),
      reachedTarget: finalLevel < targetLevel, finalLevel: finalLevel)
  }
}
