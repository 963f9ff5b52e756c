/// The counting wrapper through which every loss evaluation and gradient of HessianLab's
/// sampling estimators is made.
///
/// Each row passed to ``losses(at:)`` adds one to ``lossEvaluations``, each row passed to
/// ``gradients(at:)`` one to ``gradientEvaluations``, so reported costs are counts, never
/// formulas. Returned shapes are checked (an ``OracleError`` instead of a silent misread).
/// Thread-safe: the sampler's workers share one wrapper.
public final class CountingLossOracle: LossOracle, @unchecked Sendable {
  /// The wrapped oracle.
  public let base: any LossOracle
  private let counts = Locked((losses: 0, gradients: 0))

  /// Counts the work done through `base`, starting at zero.
  public init(_ base: any LossOracle) { self.base = base }

  /// The wrapped oracle's d.
  public var dimension: Int { base.dimension }
  /// The wrapped oracle's centre w*.
  public var center: [Double] { base.center }
  /// Loss evaluations so far (a block of n points counts n).
  public var lossEvaluations: Int { counts.withLock { $0.losses } }
  /// Gradients so far (a block of n points counts n).
  public var gradientEvaluations: Int { counts.withLock { $0.gradients } }

  /// The wrapped oracle's losses. Cost: `points.rows` loss evaluations (counted).
  public func losses(at points: Matrix) throws -> [Double] {
    try checkOperand(points)
    counts.withLock { $0.losses += points.rows }
    let values = try base.losses(at: points)
    guard values.count == points.rows else {
      throw OracleError.lossCount(expected: points.rows, got: values.count)
    }
    return values
  }

  /// The wrapped oracle's gradients. Cost: `points.rows` gradients (counted).
  public func gradients(at points: Matrix) throws -> Matrix {
    try checkOperand(points)
    counts.withLock { $0.gradients += points.rows }
    let g = try base.gradients(at: points)
    guard g.rows == points.rows, g.columns == dimension else {
      throw OracleError.gradientShape(
        expectedRows: points.rows, expectedColumns: dimension, rows: g.rows, columns: g.columns)
    }
    return g
  }

  /// One loss (counted), by the wrapped oracle's single-point path.
  public func loss(at w: [Double]) throws -> Double {
    counts.withLock { $0.losses += 1 }
    return try base.loss(at: w)
  }

  /// One gradient (counted), by the wrapped oracle's single-point path.
  public func gradient(at w: [Double], into g: inout [Double]) throws {
    counts.withLock { $0.gradients += 1 }
    try base.gradient(at: w, into: &g)
    guard g.count == dimension else {
      throw OracleError.gradientShape(expectedRows: 1, expectedColumns: dimension, rows: 1, columns: g.count)
    }
  }

  private func checkOperand(_ points: Matrix) throws {
    guard points.columns == dimension else {
      throw OracleError.operandShape(dimension: dimension, rows: points.rows, columns: points.columns)
    }
  }
}
