/// Losses in single precision, emulated: the ``LossErrorModel/float32`` model of the covariance route.
///
/// ```
/// L̃(w) = fl₃₂(L(fl₃₂(w)))      |L̃(w) − L(w)| ≲ u·Σᵢ|∂ᵢL(w)·wᵢ| + u·|L(w)|,  u = 2⁻²⁴
/// ```
///
/// (first order; each coordinate is rounded with relative error ≤ u, Higham, *Accuracy and Stability
/// of Numerical Algorithms*, 2nd ed., §2.2.) What is emulated is float32 storage of the parameters and
/// of the loss value; the float32 accumulation inside a real float32 model's loss is not (it adds up
/// to γₙ·Σ|terms|). Near a minimum w* = 0 the rounding of the point is relative to the point, so
/// small perturbations keep their float32 precision; an offset minimum or a loss that is not 0 there
/// loses resolution in proportion to |w*| and |L(w*)|.
///
/// Cost: one loss evaluation of the source per point. Gradients pass through unchanged.
public struct Float32LossOracle: LossOracle {
  /// The exact loss.
  public let base: any LossOracle

  /// The float32 view of `base`.
  public init(_ base: any LossOracle) { self.base = base }

  /// d of the source.
  public var dimension: Int { base.dimension }
  /// w* of the source.
  public var center: [Double] { base.center }

  /// fl₃₂(L(fl₃₂(pᵢ))) for each row. Cost: `points.rows` loss evaluations.
  ///
  /// - Throws: whatever the source throws.
  public func losses(at points: Matrix) throws -> [Double] {
    let rounded = Matrix(rows: points.rows, columns: points.columns, elements: points.elements.map { Double(Float($0)) })
    return try base.losses(at: rounded).map { Double(Float($0)) }
  }

  /// The source's gradients, unchanged.
  public func gradients(at points: Matrix) throws -> Matrix { try base.gradients(at: points) }
}
