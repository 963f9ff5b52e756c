import Foundation

/// The result of ``SpectrumAnalysis``: extreme eigenvalues with residuals and
/// convergence flags, or the SLQ nodes, weights and smoothed density; the cost
/// in HVPs, typed warnings and the seed. `hessian-lab spectrum` prints its
/// ``text`` or its JSON (`docs/schema/spectrum.schema.json`); absent fields are
/// omitted from the JSON.
public struct SpectrumReport: Sendable, Codable, Equatable {
  /// What was computed; the raw value is the JSON `mode`.
  public enum Mode: String, Sendable, Codable, CaseIterable {
    /// The largest eigenvalues.
    case top
    /// The smallest eigenvalues.
    case bottom
    /// The SLQ spectral density.
    case density
  }

  /// The input's name.
  public var landscape: String
  /// Extremes or density.
  public var mode: Mode
  /// d.
  public var dimension: Int
  /// top/bottom: the values, best first.
  public var eigenvalues: [Double]?
  /// top/bottom: ‖Hy − θy‖ of each value.
  public var residuals: [Double]?
  /// top/bottom: whether each residual is within the tolerance.
  public var converged: [Bool]?
  /// density: the pooled quadrature nodes, ascending.
  public var nodes: [Double]?
  /// density: their weights (summing to 1 over all probes).
  public var weights: [Double]?
  /// density: the grid of the smoothed density.
  public var grid: [Double]?
  /// density: the smoothed density on ``grid`` (per unit of λ).
  public var density: [Double]?
  /// density: the width σ of the Gaussian kernel (span of the nodes / 50); not encoded
  /// (read back from ``grid``, which spans 56σ).
  public var sigma: Double?
  /// density: the number of probes.
  public var probes: Int?
  /// density: Lanczos steps per probe.
  public var steps: Int?
  /// The Hessian-vector products made (counted by the operator).
  public var hessianVectorProducts: Int
  /// Typed warnings (``Warning``); never empty when the result may be wrong.
  public var warnings: [Warning]
  /// The root seed of the start vectors and probes.
  public var seed: UInt64
  /// Wall time, in seconds.
  public var seconds: Double
  /// The oracle and its trust checks when the subject is one (JSON `oracle`, `trustChecks`);
  /// `nil` for a landscape.
  public var oracle: OracleSummary? = nil
  /// The rank threshold τ = max|λ|·d·δ (``NumericalRank``'s default policy, max|λ| the largest
  /// |Ritz value| the runs saw), drawn as a rule in the `bottom` plot; `nil` otherwise and not
  /// in the JSON.
  public var threshold: Double? = nil
  /// The HVP error model and its accuracy when it is not exact (JSON `hvpModel`); `nil` otherwise.
  public var hvpModel: HVPErrorSummary? = nil
  /// How the landscape's reference point was trained (`mlp:…:train=STEPS`; JSON `training`); `nil` otherwise.
  public var training: TrainingSummary? = nil
  /// top/bottom: the unit eigenvector estimates, d×K, column j ↔ ``eigenvalues``[j]
  /// (``ExtremeEigenvalues/Result/vectors``); what `spectrum --save-vectors` writes. Not encoded.
  public var eigenvectors: Matrix? = nil

  /// A report with the given fields (the ones of the other mode `nil`).
  public init(
    landscape: String, mode: Mode, dimension: Int, eigenvalues: [Double]? = nil, residuals: [Double]? = nil,
    converged: [Bool]? = nil, nodes: [Double]? = nil, weights: [Double]? = nil, grid: [Double]? = nil,
    density: [Double]? = nil, sigma: Double? = nil, probes: Int? = nil, steps: Int? = nil,
    hessianVectorProducts: Int, warnings: [Warning], seed: UInt64, seconds: Double
  ) {
    self.landscape = landscape
    self.mode = mode
    self.dimension = dimension
    self.eigenvalues = eigenvalues
    self.residuals = residuals
    self.converged = converged
    self.nodes = nodes
    self.weights = weights
    self.grid = grid
    self.density = density
    self.sigma = sigma
    self.probes = probes
    self.steps = steps
    self.hessianVectorProducts = hessianVectorProducts
    self.warnings = warnings
    self.seed = seed
    self.seconds = seconds
  }

  private enum CodingKeys: String, CodingKey {
    case landscape, mode, dimension, eigenvalues, residuals, converged, nodes, weights, grid, density, probes, steps
    case hessianVectorProducts, warnings, seed, seconds, oracle, trustChecks, hvpModel, training
  }

  /// The JSON layout; `oracle` and `trustChecks` only for an oracle subject.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(landscape, forKey: .landscape)
    try c.encode(mode, forKey: .mode)
    try c.encode(dimension, forKey: .dimension)
    try c.encode(eigenvalues, forKey: .eigenvalues)
    try c.encode(residuals, forKey: .residuals)
    try c.encode(converged, forKey: .converged)
    try c.encode(nodes, forKey: .nodes)
    try c.encode(weights, forKey: .weights)
    try c.encode(grid, forKey: .grid)
    try c.encode(density, forKey: .density)
    try c.encode(probes, forKey: .probes)
    try c.encode(steps, forKey: .steps)
    try c.encode(hessianVectorProducts, forKey: .hessianVectorProducts)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(seed, forKey: .seed)
    try c.encode(seconds, forKey: .seconds)
    try c.encodeIfPresent(oracle, forKey: .oracle)
    try c.encodeIfPresent(oracle?.trust.checks, forKey: .trustChecks)
    try c.encodeIfPresent(hvpModel, forKey: .hvpModel)
    try c.encodeIfPresent(training, forKey: .training)
  }

  /// Reads the JSON layout back; ``sigma`` is recovered from the grid's span.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      landscape: try c.decode(String.self, forKey: .landscape), mode: try c.decode(Mode.self, forKey: .mode),
      dimension: try c.decode(Int.self, forKey: .dimension),
      eigenvalues: try c.decodeIfPresent([Double].self, forKey: .eigenvalues),
      residuals: try c.decodeIfPresent([Double].self, forKey: .residuals),
      converged: try c.decodeIfPresent([Bool].self, forKey: .converged),
      nodes: try c.decodeIfPresent([Double].self, forKey: .nodes),
      weights: try c.decodeIfPresent([Double].self, forKey: .weights),
      grid: try c.decodeIfPresent([Double].self, forKey: .grid),
      density: try c.decodeIfPresent([Double].self, forKey: .density),
      probes: try c.decodeIfPresent(Int.self, forKey: .probes), steps: try c.decodeIfPresent(Int.self, forKey: .steps),
      hessianVectorProducts: try c.decode(Int.self, forKey: .hessianVectorProducts),
      warnings: try c.decode([Warning].self, forKey: .warnings), seed: try c.decode(UInt64.self, forKey: .seed),
      seconds: try c.decode(Double.self, forKey: .seconds))
    hvpModel = try c.decodeIfPresent(HVPErrorSummary.self, forKey: .hvpModel)
    training = try c.decodeIfPresent(TrainingSummary.self, forKey: .training)
    if let first = grid?.first, let last = grid?.last { sigma = (last - first) / 56 }
  }

  /// The values `--save` writes: top/bottom the eigenvalues (1-D); density the
  /// rows (λ, density) of the smoothed curve (G×2); float64.
  public func savedArray() throws(NumpyError) -> NumpyArray {
    if let values = eigenvalues { return NumpyArray(vector: values) }
    let grid = grid ?? [], values = density ?? []
    return try NumpyArray(shape: [grid.count, 2], values: zip(grid, values).flatMap { [$0, $1] })
  }
}
