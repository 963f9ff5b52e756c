import Foundation

/// How a numerical rank is computed from Hessian-vector products.
///
/// | method | cost in HVPs | multiplicities | reference |
/// |---|---|---|---|
/// | `dense` | 0 (known H) or d | exact | GSL / LAPACK `dsyevd` |
/// | `lanczos` | ≤ d (stops at the Krylov dimension) | invisible | Lanczos 1950; Paige 1971 |
/// | `block` | ≤ 2n, n = final block ≤ r + step | exact | Halko–Martinsson–Tropp 2011 |
/// | `power` | (r + 1) × iterations | slow for clusters | Yao et al., PyHessian 2020 |
/// | `slq` | probes × steps to resolve τ (≤ min(d, 300)) | stochastic (±SE) | Ubaru–Chen–Saad 2017 |
/// | `inertia` | 0 (known H) or d | exact (a count) | Sylvester; LAPACK `dsytrf_rook` |
public enum RankMethod: String, Sendable, Codable, CaseIterable {
  /// All d eigenvalues from a dense eigendecomposition (``DenseRank``): the reference.
  case dense
  /// Single-vector Lanczos with full reorthogonalisation (``LanczosRank``); blind to multiplicities.
  case lanczos
  /// Adaptive randomized range finder and Rayleigh–Ritz (``BlockKrylovRank``); multiplicity-safe.
  case block
  /// Deflated power iteration as in PyHessian (``PowerIteration``).
  case power
  /// Stochastic Lanczos quadrature of the spectral projector (``StochasticLanczosQuadrature``), ± its standard error.
  case slq
  /// The count of |λ| > τ by the inertia of H ∓ s·I at both ends of a window around τ
  /// (``InertiaRank``): two LDLᵀ and a Cholesky instead of an eigendecomposition; no spectrum.
  case inertia
}

/// A numerical rank with the evidence behind it and its cost in HVPs.
///
/// Every method returns this type, so results can be compared side by side
/// (theory §3; PEERS §8 items 1 and 7).
public struct RankResult: Sendable, Codable, Equatable {
  /// The rank: eigenvalues with |λ| > ``threshold`` (for `slq`, the rounded
  /// stochastic estimate).
  public var rank: Int
  /// The method that produced it.
  public var method: RankMethod
  /// d.
  public var dimension: Int
  /// The number of Hessian-vector products actually made.
  public var hessianVectorProducts: Int
  /// The threshold τ.
  public var threshold: Double
  /// A one-line description of the threshold policy.
  public var thresholdPolicy: String
  /// The eigenvalues (or Ritz values) that were computed, ascending.
  public var eigenvalues: [Double]
  /// The smallest |λ| counted; `nil` when nothing is counted.
  public var smallestCounted: Double?
  /// The largest |λ| not counted; `nil` when everything is counted.
  public var largestUncounted: Double?
  /// smallestCounted / largestUncounted; `nil` when a side is empty or the
  /// gap is unbounded (largest uncounted exactly 0).
  public var gapRatio: Double?
  /// An upper bound on |λ| for every eigenvalue the method did not compute;
  /// `nil` for methods without one. For `block` it is Halko–Martinsson–Tropp's
  /// ‖(I − QQᵀ)H‖ ≤ 10·√(2/π)·max_i ‖(I − QQᵀ)Hω_i‖ over the final test vectors,
  /// which holds with probability ≥ 1 − 10^(−r') (r' = 10 by default).
  public var uncountedBound: Double?
  /// Whether the method's own convergence test passed (residuals, breakdown).
  public var converged: Bool
  /// Typed warnings, each with its cause (``Warning/code``) and the numbers
  /// behind it; never empty when the rank may be wrong. Test the code, not the text.
  public var warnings: [Warning]
  /// The seed of the random start vectors or probes, when randomness was used.
  public var seed: UInt64?
  /// For `slq`: the unrounded estimate of tr P_{>τ}; `nil` for the other methods.
  public var estimate: Double?
  /// For `slq`: the standard error of ``estimate`` across probes; `nil` for the other methods.
  public var standardError: Double?
  /// For `slq`: how many eigenvalues the quadrature cannot place on either side
  /// of τ — d × the mean probe weight on nodes whose residual interval
  /// [|θ| − ρ, |θ| + ρ] contains τ (``StochasticLanczosQuadrature``); `nil` for
  /// the other methods. The rounded rank is trusted when
  /// `unresolvedCount + 1.96·standardError < 0.5`.
  public var unresolvedCount: Double?
  /// For `inertia`: a lower bound on every counted |λ| (the window's upper end s₊: the count is
  /// the same there as at its lower end, ``uncountedBound``); `nil` for the other methods and
  /// when `inertia` fell back to the eigendecomposition.
  public var countedBound: Double?
  /// For `inertia`: [ℓ, g·ℓ], the bounds on ‖H‖₂ that the window covers (``InertiaRank``);
  /// `nil` otherwise.
  public var normBounds: [Double]?
  /// For `inertia`: why it computed every eigenvalue instead of counting (the counts at the
  /// window's ends differed, too much pivot growth, …); `nil` when it counted.
  public var fallback: String?

  /// A result from the threshold decision of a method's eigenvalues.
  ///
  /// - Parameters:
  ///   - rank: the rank (for `slq` the rounded estimate).
  ///   - method: the method that produced it.
  ///   - dimension: d.
  ///   - hessianVectorProducts: the products the method actually made.
  ///   - decision: τ and the evidence on each side of it (``NumericalRank``);
  ///     a non-finite gap ratio is stored as `nil`.
  ///   - policy: the threshold policy, kept as its one-line description.
  ///   - eigenvalues: the computed eigenvalues, in any order (stored ascending).
  ///   - converged: whether the method's own convergence test passed.
  ///   - warnings: the method's typed warnings (the decision's come first).
  ///   - seed: the seed of the random start vectors or probes, `nil` when none were used.
  ///   - estimate: `slq` only: the unrounded estimate of tr P_{>τ}.
  ///   - standardError: `slq` only: its standard error.
  ///   - uncountedBound: `block` only: the bound on every eigenvalue not computed.
  ///   - unresolvedCount: `slq` only: the eigenvalues the quadrature cannot place.
  public init(
    rank: Int, method: RankMethod, dimension: Int, hessianVectorProducts: Int, decision: RankDecision,
    policy: ThresholdPolicy, eigenvalues: [Double], converged: Bool, warnings: [Warning], seed: UInt64?,
    estimate: Double? = nil, standardError: Double? = nil, uncountedBound: Double? = nil,
    unresolvedCount: Double? = nil
  ) {
    self.rank = rank
    self.method = method
    self.dimension = dimension
    self.hessianVectorProducts = hessianVectorProducts
    self.threshold = decision.threshold
    self.thresholdPolicy = policy.oneLineSummary
    self.eigenvalues = eigenvalues.sorted()
    self.smallestCounted = decision.smallestCounted
    self.largestUncounted = decision.largestUncounted
    self.gapRatio = decision.gapRatio.flatMap { $0.isFinite ? $0 : nil }
    self.converged = converged
    self.warnings = decision.warnings + warnings
    self.seed = seed
    self.estimate = estimate
    self.standardError = standardError
    self.uncountedBound = uncountedBound
    self.unresolvedCount = unresolvedCount
  }

  /// The largest gap between consecutive computed |λ| within ``SpectralGap/window`` of τ, from
  /// ``eigenvalues`` and ``threshold`` (so a decoded result has it too); nil when no pair is near τ.
  /// Cost: sorting the computed eigenvalues.
  public var spectralGap: SpectralGap? { SpectralGap(eigenvalues: eigenvalues, threshold: threshold) }

  /// A lower bound on the gap ratio that also covers the eigenvalues the method
  /// never computed: smallestCounted / max(largestUncounted, ``uncountedBound``).
  /// It is what `block` can say when every computed Ritz value is counted (p = r)
  /// and ``gapRatio`` is therefore absent. `nil` without a bound or without a
  /// counted eigenvalue; +∞ when the bound is exactly 0.
  public var gapRatioLowerBound: Double? {
    guard let bound = uncountedBound, let counted = smallestCounted ?? countedBound else { return nil }
    let below = max(bound, largestUncounted ?? 0)
    return below > 0 ? counted / below : .infinity
  }

  /// The human report: rank, τ, the eigenvalues on each side, the gap ratio,
  /// the cost, and every warning.
  public var summaryLines: [String] { summaryLines(source: nil, precision: nil, seed: seed) }

  /// The human report as `hessian-lab rank` prints it: prefixed with the input's
  /// name and its precision when given, with the root seed the user can rerun
  /// with (`nil`: no seed line).
  public func summaryLines(source: String?, precision: Precision?, seed: UInt64?) -> [String] {
    let input = precision.map { ", \($0.rawValue) input" } ?? ""
    var lines = [
      (source.map { "\($0): " } ?? "")
        + "rank \(rank) of d = \(dimension)  (method \(method.rawValue)\(input), \(hessianVectorProducts) HVPs, converged: \(converged ? "yes" : "NO"))",
      "threshold τ = \(fmt(threshold))  [\(thresholdPolicy)]",
    ]
    if let line = inertiaLine {
      lines.append(line)
    } else {
      lines.append(
        "smallest counted |λ| = \(fmt(smallestCounted)), largest uncounted |λ| = \(fmt(largestUncounted)), gap ratio \(gapText)")
    }
    if let why = fallback { lines.append("inertia fell back to every eigenvalue: \(why)") }
    if let e = estimate, let s = standardError {
      lines.append(
        "stochastic estimate tr P(|λ| > τ) = \(fmt(e)) ± \(fmt(s)) (standard error)"
          + (unresolvedCount.map { "; quadrature nodes leave \(fmt($0)) eigenvalues unresolved at τ" } ?? ""))
    }
    if inertiaLine == nil, let line = uncountedBoundLine { lines.append(line) }
    // The largest gap near τ, when it is a clear one elsewhere than at τ (the line above shows the one at τ;
    // no clear gap is a warning).
    if method != .slq, let g = spectralGap, g.isClear, g.at != rank { lines.append(g.line) }
    let shown = eigenvalues.count <= 12 ? eigenvalues : Array(eigenvalues.suffix(12))
    if !(method == .inertia && eigenvalues.isEmpty) { lines.append(
      (eigenvalues.count <= 12 ? "computed eigenvalues (ascending): " : "largest 12 of \(eigenvalues.count) computed eigenvalues (ascending): ")
        + shown.map { fmt($0) }.joined(separator: " ")) }
    lines += warnings.map { "warning: \($0.message)" }
    if let s = seed { lines.append("seed \(s)") }
    return lines
  }

  /// What `inertia` established when it counted, as one line (`nil` otherwise).
  public var inertiaLine: String? {
    guard method == .inertia, let upper = countedBound, let lower = uncountedBound else { return nil }
    let norm = normBounds.map { b in b.count == 2 ? " for ‖H‖₂ in [\(fmt(b[0])), \(fmt(b[1]))]" : "" } ?? ""
    let gap = gapRatioLowerBound.map { String(format: "%.3g", $0) } ?? "—"
    return "inertia of H ∓ sI: the same count at s = \(fmt(lower)) and \(fmt(upper))\(norm): "
      + "every counted |λ| > \(fmt(upper)), every uncounted |λ| ≤ \(fmt(lower)); gap ratio ≥ \(gap)"
  }

  /// The bound on what was not computed, as one line (`nil` without a bound).
  public var uncountedBoundLine: String? {
    guard let b = uncountedBound else { return nil }
    let gap = gapRatioLowerBound.map { $0.isInfinite ? "unbounded" : "≥ \(String(format: "%.3g", $0))" } ?? "—"
    return "every eigenvalue not computed has |λ| ≤ \(fmt(b)) (HMT range bound from the final test vectors); gap ratio \(gap)"
  }

  var gapText: String {
    if let g = gapRatio { return String(format: "%.3g", g) }
    return largestUncounted == 0 && smallestCounted != nil ? "∞" : "—"
  }
}

func fmt(_ x: Double?) -> String {
  guard let x else { return "—" }
  return x.isInfinite ? (x > 0 ? "∞" : "−∞") : String(format: "%.4g", x)
}

extension ThresholdPolicy {
  /// A one-line description of the policy for human output and JSON.
  public var oneLineSummary: String {
    switch self {
    case .precisionRelative: "precision-relative: τ = max|λ|·d·ε"
    case let .relative(f): "relative: τ = \(f)·max|λ|"
    case let .absolute(t): "absolute: τ = \(t)"
    case .largestGap: "largest gap between consecutive |λ|"
    }
  }
}

/// Computes a numerical rank by any ``RankMethod``.
public enum RankComputation {
  /// Options shared by the methods (each ignores what it does not use).
  public struct Options: Sendable {
    /// How τ is chosen (default ``ThresholdPolicy/precisionRelative``).
    public var policy: ThresholdPolicy
    /// Lanczos: maximum steps (default d). SLQ: the most Lanczos steps per probe
    /// (default min(d, 300)); each run stops earlier once its nodes resolve τ or it breaks down.
    public var maxSteps: Int?
    /// SLQ: the number of probes (default 100).
    public var probes: Int
    /// Block: Gaussian test vectors that must all be captured before stopping (default 10; failure probability 10^-testVectors).
    public var testVectors: Int
    /// Power: maximum eigenpairs and iterations per eigenpair.
    public var maxEigenpairs: Int?
    /// Power: maximum iterations per eigenpair (default 100, PyHessian's).
    public var powerIterations: Int

    /// Options with every default as documented on each property.
    public init(
      policy: ThresholdPolicy = .precisionRelative, maxSteps: Int? = nil, probes: Int = 100,
      testVectors: Int = 10, maxEigenpairs: Int? = nil, powerIterations: Int = 100
    ) {
      self.policy = policy
      self.maxSteps = maxSteps
      self.probes = probes
      self.testVectors = testVectors
      self.maxEigenpairs = maxEigenpairs
      self.powerIterations = powerIterations
    }
  }

  /// The rank of `op` by `method`. Randomness (start vectors, probes) comes
  /// from `rng` only; its ``SeededGenerator/seed`` is recorded in the result. The method
  /// runs on the scale-normalised operator (``scaleNormalised(_:policy:_:)``), so the rank
  /// of c·H is the rank of H for every finite c ≠ 0 down to the subnormals.
  public static func rank(
    of op: HessianOperator, method: RankMethod, options: Options = Options(),
    using rng: inout SeededGenerator
  ) throws -> RankResult {
    try scaleNormalised(op, policy: options.policy) { op, _ in try unscaledRank(of: op, method: method, options: options, using: &rng) }
  }

  /// ``rank(of:method:options:using:)`` on `op` as it is (no scale normalisation).
  static func unscaledRank(
    of op: HessianOperator, method: RankMethod, options: Options, using rng: inout SeededGenerator
  ) throws -> RankResult {
    switch method {
    case .dense:
      return try DenseRank.rank(of: op, policy: options.policy)
    case .lanczos:
      return try LanczosRank.rank(of: op, policy: options.policy, maxSteps: options.maxSteps, using: &rng)
    case .block:
      return try BlockKrylovRank.rank(of: op, policy: options.policy, testVectors: options.testVectors, using: &rng)
    case .power:
      return try PowerIteration.rank(
        of: op, policy: options.policy, maxEigenpairs: options.maxEigenpairs,
        maxIterations: options.powerIterations, using: &rng)
    case .slq:
      return try StochasticLanczosQuadrature.rank(
        of: op, policy: options.policy, probes: options.probes, steps: options.maxSteps, using: &rng)
    case .inertia:
      return try InertiaRank.rank(of: op, policy: options.policy, using: &rng)
    }
  }
}
