import Foundation
import Testing
import HessianLab
@testable import HessianCore

/// L-BFGS against closed-form minimisers: the stopping rule ‖∇L‖ ≤ g_tol bounds the distance to the
/// minimiser, so every tolerance below is derived from it, not chosen.
@Suite("LBFGS")
struct LBFGSTests {
  /// f(x) = ½(x − x*)ᵀA(x − x*) with A = Q diag(λ) Qᵀ SPD, λ ∈ [1, 100] (Q from a seeded QR of Gaussians).
  /// Written around x* so that f(x*) = 0 exactly: a loss whose minimum value is large in magnitude can only
  /// be decreased down to ‖∇f‖ ≈ √(ε·|f*|·λ_max) by comparing loss values, whatever the optimizer.
  static func quadratic(d: Int, seed: UInt64) throws -> (oracle: ClosureLossOracle, xStar: [Double], minEigen: Double) {
    var rng = SeededGenerator(seed: seed)
    let values = (0..<d).map { 1 + 99 * Double($0) / Double(d - 1) }
    var g = Matrix(rows: d, columns: d)
    for i in g.elements.indices { g.elements[i] = rng.nextNormal() }
    let q = try Factorizations.orthonormalColumns(of: g)
    var qd = q
    for i in 0..<d { for j in 0..<d { qd[i, j] *= values[j] } }
    let a = BLAS.multiply(qd, .none, q, .transpose)
    let xStar = rng.normals(d)
    let residualProduct: @Sendable ([Double]) -> [Double] = { x in
      (0..<d).map { i in (0..<d).reduce(0.0) { $0 + a[i, $1] * (x[$1] - xStar[$1]) } }
    }
    let oracle = ClosureLossOracle(
      center: [Double](repeating: 0, count: d),
      losses: { p in
        (0..<p.rows).map { r in
          let x = p.row(r), ae = residualProduct(x)
          return 0.5 * (0..<d).reduce(0.0) { $0 + (x[$1] - xStar[$1]) * ae[$1] }
        }
      },
      gradients: { p in
        var out = Matrix(rows: p.rows, columns: d)
        for r in 0..<p.rows {
          let ae = residualProduct(p.row(r))
          for i in 0..<d { out[r, i] = ae[i] }
        }
        return out
      })
    return (oracle, xStar, values[0])
  }

  @Test("on a random SPD quadratic it stops with ‖∇f‖ ≤ g_tol and ‖x − x*‖ ≤ (g_tol + rounding)/λ_min")
  func quadratic() throws {
    let d = 20, tol = 1e-10
    let (oracle, xStar, lambdaMin) = try Self.quadratic(d: d, seed: 11)
    let r = try LBFGS.minimize(oracle, from: [Double](repeating: 0, count: d), maximumIterations: 500, gradientTolerance: tol)
    #expect(r.converged)
    #expect(r.gradientNorm <= tol)
    // x − x* = A⁻¹∇f(x), so ‖x − x*‖ ≤ ‖∇f(x)‖/λ_min ≤ g_tol/λ_min. The computed gradient A·(x − x*) errs by
    // at most d·ε·‖A‖·‖x − x*‖ + ‖A‖·ε·‖x*‖ (the subtraction x − x*, then sums of d products); λ_max = 100.
    let norm = xStar.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let rounding = 2 * Double(d) * Double.ulpOfOne * 100 * (norm + 1)
    let distance = zip(r.point, xStar).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    #expect(distance <= (tol + rounding) / lambdaMin, "‖x − x*‖ = \(distance)")
    // Power: a run stopped far earlier is outside the bound (the test can fail).
    let early = try LBFGS.minimize(oracle, from: [Double](repeating: 0, count: d), maximumIterations: 3, gradientTolerance: tol)
    let earlyDistance = zip(early.point, xStar).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    #expect(!early.converged && early.stopReason == .iterationLimit && early.iterations == 3)
    #expect(earlyDistance > (tol + rounding) / lambdaMin)
    // Cost: counted evaluations, the start's included, at most the documented bound.
    #expect(r.gradientEvaluations >= r.iterations + 1)
    let bound = try #require(LBFGS.evaluationBound(iterations: r.iterations))
    #expect(r.gradientEvaluations <= bound)
  }

  /// The Rosenbrock function 100(y − x²)² + (1 − x)² and its gradient.
  static let rosenbrock = ClosureLossOracle(
    center: [0, 0],
    losses: { p in (0..<p.rows).map { 100 * pow(p[$0, 1] - p[$0, 0] * p[$0, 0], 2) + pow(1 - p[$0, 0], 2) } },
    gradients: { p in
      var g = Matrix(rows: p.rows, columns: 2)
      for r in 0..<p.rows {
        let x = p[r, 0], y = p[r, 1]
        g[r, 0] = -400 * x * (y - x * x) - 2 * (1 - x)
        g[r, 1] = 200 * (y - x * x)
      }
      return g
    })

  @Test("Rosenbrock from (−1.2, 1): converges to (1, 1) within 2·g_tol/λ_min(H*)")
  func rosenbrock() throws {
    let tol = 1e-9
    let r = try LBFGS.minimize(Self.rosenbrock, from: [-1.2, 1], maximumIterations: 200, gradientTolerance: tol)
    #expect(r.converged && r.gradientNorm <= tol)
    // H* = [[802, −400], [−400, 200]] at (1, 1); its smallest eigenvalue (closed form of a 2×2).
    let tr = 1002.0, det = 802.0 * 200 - 400 * 400
    let lambdaMin = (tr - (tr * tr - 4 * det).squareRoot()) / 2
    // Near x*, ∇f(x) = H*(x − x*) + O(‖x − x*‖²): ‖x − x*‖ ≤ ‖∇f‖/λ_min to first order; the factor 2
    // covers the second-order term once ‖x − x*‖ ≤ λ_min/(2·‖∇³f‖) ≈ 0.4/2400, which a gradient of 1e-9 implies.
    let distance = ((r.point[0] - 1) * (r.point[0] - 1) + (r.point[1] - 1) * (r.point[1] - 1)).squareRoot()
    #expect(distance <= 2 * tol / lambdaMin, "‖x − x*‖ = \(distance)")
    #expect(r.iterations < 100, "\(r.iterations) iterations")
    #expect(r.loss < r.initialLoss)
  }

  @Test("deterministic: the same start gives the same iterates bit for bit")
  func deterministic() throws {
    let a = try LBFGS.minimize(Self.rosenbrock, from: [-1.2, 1], maximumIterations: 200, gradientTolerance: 1e-9)
    let b = try LBFGS.minimize(Self.rosenbrock, from: [-1.2, 1], maximumIterations: 200, gradientTolerance: 1e-9)
    #expect(a == b)
  }

  @Test("a start at the minimiser stops at once: 0 iterations, one evaluation")
  func startAtMinimum() throws {
    let r = try LBFGS.minimize(Self.rosenbrock, from: [1, 1], maximumIterations: 10, gradientTolerance: 1e-12)
    #expect(r.converged && r.iterations == 0 && r.gradientEvaluations == 1)
  }

  @Test("a loss that cannot be decreased (a linear one with zero iterations allowed, then non-finite) stops with its reason")
  func stopReasons() throws {
    let nan = ClosureLossOracle(
      center: [0], losses: { p in [Double](repeating: .nan, count: p.rows) },
      gradients: { p in Matrix(rows: p.rows, columns: 1, elements: [Double](repeating: 1, count: p.rows)) })
    #expect(try LBFGS.minimize(nan, from: [0], maximumIterations: 10, gradientTolerance: 1e-9).stopReason == .nonFinite)
    // An unbounded linear loss: every step decreases it, the step limit stops the run.
    let linear = ClosureLossOracle(
      center: [0], losses: { p in (0..<p.rows).map { -p[$0, 0] } },
      gradients: { p in Matrix(rows: p.rows, columns: 1, elements: [Double](repeating: -1, count: p.rows)) })
    let r = try LBFGS.minimize(linear, from: [0], maximumIterations: 5, gradientTolerance: 1e-9)
    #expect(r.stopReason == .iterationLimit || r.stopReason == .lineSearchFailed)
    #expect(!r.converged)
  }
}
