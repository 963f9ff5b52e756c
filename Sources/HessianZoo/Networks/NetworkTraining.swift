/// The reference point of an `mlp:…:train=STEPS` landscape: full-batch training of the student from a
/// seeded initialisation by ``LBFGS`` on the exact loss and gradient, instead of the embedded teacher.
///
/// Initialisation: with G = SeededGenerator(seed: S) the spec's seed, child stream 2 of G (the data use
/// child 0, the teacher child 1) draws every weight of W_1, …, W_L in the flat layout order as
/// N(0, 1/n_{l−1}) (fan-in scaling, as the teacher). Training: L-BFGS (m = 10, strong Wolfe line search)
/// on L(w) = ‖f(X; w) − Y‖²_F/(2N) for at most STEPS iterations, stopping early once
///
///     ‖∇L(w)‖₂ ≤ ``gradientTolerance`` = 10⁻¹⁰.
///
/// The point reached is a trained point, not a minimum by construction: when the tolerance is not met the
/// landscape carries ``warning`` (``WarningCode/trainingNotConverged``), and when it is met the Hessian
/// there is JᵀJ/N plus a residual term of size about √(2L)·‖∇²f‖, which spreads small eigenvalues near
/// zero; the rank then depends on the threshold (``SpectralGap``). Deterministic: the same spec gives the
/// same point bit for bit, whatever the number of workers (training is sequential; every sum is in order).
///
/// Cost: at most ``LBFGS/evaluationBound(iterations:)`` loss-and-gradient evaluations, each about 8N·d
/// flops (a forward pass, then a forward and backward pass); checked by ``checkBudget(steps:sampleCount:dimension:spec:)``.
public struct NetworkTraining: Sendable, Equatable {
  /// The largest STEPS accepted (refused above it with one line naming the spec).
  public static let maximumSteps = 100_000
  /// The stopping tolerance on ‖∇L‖₂.
  public static let gradientTolerance = 1e-10
  /// The child stream of the spec's seed that draws the initialisation.
  public static let initialisationStream: UInt64 = 2
  /// Flops charged per evaluation per parameter and sample: 2 (loss) + 6 (gradient).
  public static let flopsPerEvaluation = 8

  /// STEPS, the iteration limit asked for.
  public let steps: Int
  /// The initial point w₀.
  public let start: [Double]
  /// The L-BFGS run: the trained point, its loss and gradient norm, iterations, evaluations, stop reason.
  public let result: MinimizationResult

  /// Trains `network` on (inputs, targets) from child stream ``initialisationStream`` of `root`.
  public init(network: MultilayerPerceptron, inputs: Matrix, targets: Matrix, steps: Int, root: SeededGenerator) {
    var stream = root.child(Self.initialisationStream)
    var w0: [Double] = []
    w0.reserveCapacity(network.parameterCount)
    for l in 0..<network.depth {
      let scale = 1 / Double(network.widths[l]).squareRoot()
      for _ in 0..<(network.widths[l + 1] * network.widths[l]) { w0.append(scale * stream.nextNormal()) }
    }
    let oracle = ClosureLossOracle(
      center: w0,
      losses: { p in (0..<p.rows).map { network.loss(p.row($0), inputs: inputs, targets: targets) } },
      gradients: { p in
        var g = Matrix(rows: p.rows, columns: p.columns)
        for i in 0..<p.rows {
          let row = network.gradient(p.row(i), inputs: inputs, targets: targets)
          for j in 0..<p.columns { g[i, j] = row[j] }
        }
        return g
      })
    self.steps = steps
    start = w0
    // The closures do not throw; the oracle's signature does.
    do {
      result = try LBFGS.minimize(oracle, from: w0, maximumIterations: steps, gradientTolerance: Self.gradientTolerance)
    } catch { preconditionFailure("network loss threw: \(error)") }
  }

  /// Refuses, naming `spec`, a training run whose worst-case work
  /// (``LBFGS/evaluationBound(iterations:)`` × 8N·d flops) is above the ``WorkBudget`` flop ceiling.
  ///
  /// - Throws: ``InputError/spec(_:problem:)``.
  public static func checkBudget(steps: Int, sampleCount n: Int, dimension d: Int, spec: String) throws(InputError) {
    let flops = LBFGS.evaluationBound(iterations: steps).flatMap { MemoryBudget.product($0, flopsPerEvaluation, n, d) }
    try WorkBudget.check(
      flops, .flops, for: "training for train=\(steps) L-BFGS steps (at most \(StrongWolfeLineSearch.maximumEvaluations) gradients of 8·N·d flops each per step)",
      spec: spec)
  }

  /// The ``WarningCode/trainingNotConverged`` warning when ‖∇L‖₂ is above the tolerance, nil otherwise.
  public var warning: Warning? {
    guard !result.converged else { return nil }
    return Warning(
      .trainingNotConverged,
      "the trained reference point is not a minimum: after \(result.iterations) of train=\(steps) L-BFGS steps (\(why)) ‖∇L‖ = \(Self.short(result.gradientNorm)) is above the tolerance \(Self.short(result.gradientTolerance)), loss \(Self.short(result.loss)); the Hessian there, its rank and spectrum, do not describe a minimum")
  }

  /// The report form (``TrainingSummary``).
  public var summary: TrainingSummary {
    TrainingSummary(
      optimizer: "lbfgs", steps: steps, iterations: result.iterations, gradientEvaluations: result.gradientEvaluations,
      initialLoss: result.initialLoss, initialGradientNorm: result.initialGradientNorm, loss: result.loss,
      gradientNorm: result.gradientNorm, gradientTolerance: result.gradientTolerance, converged: result.converged,
      stopReason: result.stopReason, initialisationStream: Self.initialisationStream)
  }

  var why: String {
    switch result.stopReason {
    case .gradientTolerance: "converged"
    case .iterationLimit: "the step limit was reached"
    case .lineSearchFailed: "the line search could not decrease the loss further at working precision"
    case .nonFinite: "the loss or gradient became non-finite"
    }
  }

  static func short(_ x: Double) -> String { MultilayerPerceptronLandscape.short(x) }
}
