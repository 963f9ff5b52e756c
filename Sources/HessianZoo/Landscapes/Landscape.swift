/// A loss landscape with a known minimum: the object every estimator in
/// HessianLab is run on and judged against.
///
/// Conformers provide the loss, its gradient and exact Hessian-vector products
/// at any point, a batched loss evaluation, the minimum point, and the answers
/// known independently of any estimator (``KnownAnswers``).
///
/// A landscape is one provider of the two inputs of the estimators: it is a ``LossOracle``
/// centred at its minimum, and ``LandscapeHessian`` makes it a ``SymmetricOperator``. The
/// known answers stay here: no estimator reads them; the verification layer compares with them.
public protocol Landscape: LossOracle {
  /// A short human-readable name (a zoo id or a spec such as `poly:x0^2`).
  var name: String { get }
  /// The number of parameters d.
  var dimension: Int { get }
  /// The minimum point w*.
  var minimum: [Double] { get }
  /// The answers known by construction or theorem.
  var knownAnswers: KnownAnswers { get }
  /// The precision the Hessian is known to: ``Precision/float32`` for a Hessian read from a
  /// float32 `.npy` file (and for any sum containing one), ``Precision/float64`` otherwise.
  /// Every ``HessianOperator`` built from the landscape carries it, so numerical ranks are
  /// judged with the ε of the data (τ = max|λ|·d·ε), never with a finer one.
  var precision: Precision { get }

  /// The loss at `w`. Cost: one loss evaluation.
  func loss(at w: [Double]) -> Double
  /// Writes ∇L(w) into `g`. Cost: about one gradient.
  func gradient(at w: [Double], into g: inout [Double])
  /// Writes ∇²L(w)·v into `out`, exactly (no finite differences).
  /// Cost: one Hessian-vector product.
  func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double])
  /// The loss at each row of `points` (an n×d matrix). Cost: n loss evaluations,
  /// done as one batched computation where the landscape allows it.
  func losses(at points: Matrix) -> [Double]
  /// ∇²L(w)·V for a d×k block V (one column per vector). Cost: k HVPs. Default: one
  /// ``hessianVectorProduct(at:_:into:)`` per column; a quadratic does one gemm.
  func hessianProduct(at w: [Double], block: Matrix) -> Matrix
}

extension Landscape {
  /// The centre of the estimators' sampling: the minimum w*.
  public var center: [Double] { minimum }

  /// ∇L at each row of `points`, one ``gradient(at:into:)`` per row. Cost: n gradients.
  public func gradients(at points: Matrix) -> Matrix {
    precondition(points.columns == dimension, "points have \(points.columns) columns, landscape has d = \(dimension)")
    var out = Matrix(rows: points.rows, columns: dimension)
    var g = [Double](repeating: 0, count: dimension)
    for i in 0..<points.rows {
      gradient(at: points.row(i), into: &g)
      for j in 0..<dimension { out.elements[i * dimension + j] = g[j] }
    }
    return out
  }

  /// Default block product: one HVP per column.
  public func hessianProduct(at w: [Double], block: Matrix) -> Matrix {
    ColumnwiseProduct.apply(block, dimension: dimension) { x, y in hessianVectorProduct(at: w, x, into: &y) }
  }

  /// Default batched evaluation: one ``loss(at:)`` per row.
  public func losses(at points: Matrix) -> [Double] {
    precondition(points.columns == dimension, "points have \(points.columns) columns, landscape has d = \(dimension)")
    return (0..<points.rows).map { loss(at: points.row($0)) }
  }

  /// ∇L(w) as a new array.
  public func gradient(at w: [Double]) -> [Double] {
    var g = [Double](repeating: 0, count: dimension)
    gradient(at: w, into: &g)
    return g
  }

  /// ∇²L(w)·v as a new array.
  public func hessianVectorProduct(at w: [Double], _ v: [Double]) -> [Double] {
    var out = [Double](repeating: 0, count: dimension)
    hessianVectorProduct(at: w, v, into: &out)
    return out
  }

  /// The dense Hessian at `w`: H·I as one block of d columns through
  /// ``hessianProduct(at:block:)`` (``DenseRank`` on the
  /// landscape's operator; never the known Hessian, even at the minimum).
  /// Cost: d HVPs and d² memory; meant for references and small d.
  ///
  /// - Throws: ``InputError`` naming the landscape when the d×d matrix would not fit the
  ///   ``MemoryBudget`` (checked before allocating, by ``DenseRank/checkMemory(dimension:name:)``).
  public func denseHessian(at w: [Double]) throws(InputError) -> Matrix {
    try dense(LandscapeHessian(self, at: w))
  }

  /// The dense Hessian at the minimum: the known one when the landscape has it,
  /// otherwise built from d exact HVPs (one block), by ``DenseRank``.
  ///
  /// - Throws: ``InputError`` naming the landscape when the d×d matrix would not fit the
  ///   ``MemoryBudget``.
  public func denseHessianAtMinimum() throws(InputError) -> Matrix {
    try dense(LandscapeHessian(self))
  }

  private func dense(_ hessian: LandscapeHessian) throws(InputError) -> Matrix {
    try DenseRank.checkMemory(dimension: hessian.dimension, name: name)
    // A landscape's product never throws (`LandscapeHessian.apply` only forwards it).
    do { return try DenseRank.denseMatrix(of: hessian, name: name) } catch let e as InputError { throw e } catch {
      preconditionFailure("landscape Hessian product threw: \(error)")
    }
  }
}
