/// A loss function seen only through evaluations at blocks of points: the one input every
/// sampling estimator of HessianLab accepts ((1,λ) selection, SGLD, the volume estimator).
///
/// ```
/// losses(at: P) = [L(p₁), …, L(pₙ)],   P ∈ ℝ^{n×d} (one point per row)
/// gradients(at: P) = [∇L(p₁); …; ∇L(pₙ)]  ∈ ℝ^{n×d}   (SGLD and the volume estimator only)
/// ```
///
/// ``center`` is the point w* the estimators sample around (a minimum). The estimators never
/// read known answers; they call the oracle through a ``CountingLossOracle``, so each reported
/// number of loss evaluations is a count. Conformers: ``ClosureLossOracle`` and every landscape
/// of the zoo.
public protocol LossOracle: Sendable {
  /// The number of parameters d.
  var dimension: Int { get }
  /// The point w* the estimators sample around.
  var center: [Double] { get }
  /// The loss at each row of `points` (n×d). Cost: n loss evaluations.
  func losses(at points: Matrix) throws -> [Double]
  /// The gradient at each row of `points` (n×d in, n×d out). Cost: n gradients.
  func gradients(at points: Matrix) throws -> Matrix
  /// The loss at one point. Cost: one loss evaluation. Default: a 1×d block.
  func loss(at w: [Double]) throws -> Double
  /// Writes ∇L(w) into `g`. Cost: one gradient. Default: a 1×d block.
  func gradient(at w: [Double], into g: inout [Double]) throws
}

extension LossOracle {
  /// One loss through the block primitive.
  public func loss(at w: [Double]) throws -> Double {
    try losses(at: Matrix(rows: 1, columns: w.count, elements: w))[0]
  }

  /// One gradient through the block primitive.
  public func gradient(at w: [Double], into g: inout [Double]) throws {
    g = try gradients(at: Matrix(rows: 1, columns: w.count, elements: w)).elements
  }
}

/// A ``LossOracle`` from closures: the way to hand HessianLab a loss it can only evaluate (an
/// external model, a formula).
public struct ClosureLossOracle: LossOracle {
  /// The number of parameters d.
  public let dimension: Int
  /// The sampling centre w*.
  public let center: [Double]
  private let lossBlock: @Sendable (Matrix) throws -> [Double]
  private let gradientBlock: (@Sendable (Matrix) throws -> Matrix)?

  /// An oracle around `center` with block loss `losses` and, optionally, block gradients.
  ///
  /// - Parameters:
  ///   - center: w* (its length is d).
  ///   - losses: L at each row of an n×d matrix.
  ///   - gradients: ∇L at each row (n×d); `nil` when the loss has no gradient (SGLD and the
  ///     volume estimator then throw ``OracleError/noGradient``).
  public init(
    center: [Double], losses: @escaping @Sendable (Matrix) throws -> [Double],
    gradients: (@Sendable (Matrix) throws -> Matrix)? = nil
  ) {
    self.dimension = center.count
    self.center = center
    self.lossBlock = losses
    self.gradientBlock = gradients
  }

  /// L at each row of `points`. Cost: n loss evaluations.
  public func losses(at points: Matrix) throws -> [Double] { try lossBlock(points) }

  /// ∇L at each row of `points`. Cost: n gradients.
  public func gradients(at points: Matrix) throws -> Matrix {
    guard let g = gradientBlock else { throw OracleError.noGradient }
    return try g(points)
  }
}
