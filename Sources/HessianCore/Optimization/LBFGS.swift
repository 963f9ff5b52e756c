/// Limited-memory BFGS with a strong Wolfe line search: a deterministic minimiser that sees only a
/// loss and its exact gradient (Nocedal & Wright, *Numerical Optimization*, 2nd ed., 2006,
/// Algorithms 7.4 and 7.5; Liu & Nocedal 1989, doi:10.1007/BF01589116).
///
/// Iteration k, from the last m pairs sᵢ = x_{i+1} − xᵢ, yᵢ = ∇L(x_{i+1}) − ∇L(xᵢ):
///
///     p_k = −H_k ∇L(x_k)     (two-loop recursion, H⁰_k = γ_k I, γ_k = sᵀy / yᵀy of the newest pair)
///     x_{k+1} = x_k + α_k p_k (α_k from ``StrongWolfeLineSearch``, first trial α = 1; α = 1/‖∇L(x₀)‖ at k = 0)
///
/// It stops when ‖∇L(x_k)‖₂ ≤ `gradientTolerance` (converged), after `maximumIterations` iterations, or
/// when the line search finds no step that decreases the loss at working precision. Deterministic:
/// no randomness, and every sum is taken in index order.
///
/// Cost: one loss and one gradient per line-search trial, usually one or two trials per iteration
/// (at most 1 + ``StrongWolfeLineSearch/maximumEvaluations`` × iterations in all), counted in
/// ``MinimizationResult/gradientEvaluations``; O(m·d) memory and O(m·d) flops per iteration.
public enum LBFGS {
  /// The number m of (s, y) pairs kept (N&W recommend 3 ≤ m ≤ 20).
  public static let memory = 10

  /// The most gradient evaluations a run of `iterations` iterations can make (the first point plus
  /// ``StrongWolfeLineSearch/maximumEvaluations`` per iteration); nil on overflow.
  public static func evaluationBound(iterations: Int) -> Int? {
    WorkBudget.sum(1, MemoryBudget.product(iterations, StrongWolfeLineSearch.maximumEvaluations))
  }

  /// Minimises the loss of `oracle` from `start`.
  ///
  /// - Parameters:
  ///   - oracle: the loss and its gradient (``LossOracle/loss(at:)`` and ``LossOracle/gradient(at:into:)``);
  ///     its ``LossOracle/center`` is not used.
  ///   - start: x₀ (length d).
  ///   - maximumIterations: the most iterations (≥ 0).
  ///   - gradientTolerance: stop once ‖∇L‖₂ ≤ this.
  /// - Returns: the last point, its loss and gradient norm, the iterations and evaluations made, and why it stopped.
  /// - Throws: what the oracle throws.
  public static func minimize(
    _ oracle: some LossOracle, from start: [Double], maximumIterations: Int, gradientTolerance: Double
  ) throws -> MinimizationResult {
    precondition(start.count == oracle.dimension && maximumIterations >= 0, "LBFGS: bad start or iteration count")
    var evaluations = 0
    func evaluate(_ w: [Double]) throws -> (loss: Double, gradient: [Double]) {
      evaluations += 1
      var g = [Double](repeating: 0, count: w.count)
      let f = try oracle.loss(at: w)
      try oracle.gradient(at: w, into: &g)
      return (f, g)
    }
    var x = start
    var (f, g) = try evaluate(x)
    let initialLoss = f, initialNorm = norm(g)
    var pairs: [(s: [Double], y: [Double], rho: Double)] = []
    var iterations = 0
    var reason = MinimizationResult.StopReason.iterationLimit
    while true {
      let gnorm = norm(g)
      if gnorm <= gradientTolerance {
        reason = .gradientTolerance
        break
      }
      guard f.isFinite, gnorm.isFinite else {
        reason = .nonFinite
        break
      }
      if iterations >= maximumIterations { break }
      var p = direction(gradient: g, pairs: pairs)
      if StrongWolfeLineSearch.dot(p, g) >= 0 {
        pairs.removeAll()
        p = g.map { -$0 }
      }
      let first = pairs.isEmpty ? min(1, 1 / norm(p)) : 1
      let outcome = try StrongWolfeLineSearch.search(
        evaluate: evaluate, point: x, loss: f, gradient: g, direction: p, initialStep: first)
      guard let t = outcome.accepted else {
        reason = .lineSearchFailed
        break
      }
      iterations += 1
      var s = t.point, y = t.gradient
      for i in s.indices {
        s[i] -= x[i]
        y[i] -= g[i]
      }
      let sy = StrongWolfeLineSearch.dot(s, y)
      if sy > 0 {
        pairs.append((s, y, 1 / sy))
        if pairs.count > memory { pairs.removeFirst() }
      }
      x = t.point
      f = t.loss
      g = t.gradient
    }
    return MinimizationResult(
      point: x, loss: f, gradientNorm: norm(g), initialLoss: initialLoss, initialGradientNorm: initialNorm,
      iterations: iterations, gradientEvaluations: evaluations, gradientTolerance: gradientTolerance, stopReason: reason)
  }

  /// −H_k g by the two-loop recursion (N&W Algorithm 7.4); −g without pairs.
  static func direction(gradient g: [Double], pairs: [(s: [Double], y: [Double], rho: Double)]) -> [Double] {
    var q = g
    var alphas = [Double](repeating: 0, count: pairs.count)
    for k in pairs.indices.reversed() {
      let a = pairs[k].rho * StrongWolfeLineSearch.dot(pairs[k].s, q)
      alphas[k] = a
      for i in q.indices { q[i] -= a * pairs[k].y[i] }
    }
    if let last = pairs.last {
      let gamma = StrongWolfeLineSearch.dot(last.s, last.y) / StrongWolfeLineSearch.dot(last.y, last.y)
      for i in q.indices { q[i] *= gamma }
    }
    for k in pairs.indices {
      let b = pairs[k].rho * StrongWolfeLineSearch.dot(pairs[k].y, q)
      for i in q.indices { q[i] += (alphas[k] - b) * pairs[k].s[i] }
    }
    return q.map { -$0 }
  }

  /// ‖x‖₂, summed in index order.
  static func norm(_ x: [Double]) -> Double { StrongWolfeLineSearch.dot(x, x).squareRoot() }
}
