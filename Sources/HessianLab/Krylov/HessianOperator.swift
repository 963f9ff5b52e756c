/// The Hessian of a landscape at a point, seen only through Hessian-vector
/// products, with every application counted.
///
/// ```
/// apply(v, into: &y):   y ← H v,   H = ∇²L(w*)   (symmetric, d×d)
/// ```
///
/// Every algorithm in `Krylov/` touches H only through ``apply(_:into:)``, and
/// reports its cost as the difference of ``applicationCount`` before and after,
/// so the `hessianVectorProducts` of every result is the number of products
/// actually made (tested). HVPs are exact for the landscapes of HessianLab
/// (Pearlmutter, "Fast exact multiplication by the Hessian", Neural Computation
/// 6(1):147–160, 1994).
///
/// The operator is a reference type because it carries a counter; it is not
/// `Sendable` and is meant to be used by one estimator at a time.
///
/// - Complexity: each ``apply(_:into:)`` is one HVP and allocates nothing
///   beyond what the underlying product allocates.
public final class HessianOperator {
  /// The number of parameters d.
  public let dimension: Int
  /// A short name for reports.
  public let name: String
  /// The precision the products are known to (ε in the default threshold).
  public let precision: Precision
  /// The dense matrix when it is known without HVPs (used by the dense
  /// reference at zero HVP cost), otherwise `nil`. Built on each access from a
  /// factored Hessian (O(d²k) flops), so read it once.
  public var knownMatrix: Matrix? { matrix ?? knownHessian?.dense(dimension: dimension) }

  private let matrix: Matrix?
  private let knownHessian: KnownHessian?
  /// The number of Hessian-vector products made so far.
  public private(set) var applicationCount = 0

  private let product: ([Double], inout [Double]) -> Void

  /// An operator from an explicit product closure.
  ///
  /// - Parameters:
  ///   - dimension: d, the length of the vectors.
  ///   - name: a short name for reports.
  ///   - precision: the precision the products are known to (ε of the default threshold).
  ///   - knownMatrix: the dense H when available for free.
  ///   - product: writes H·x into its second argument; must be symmetric and linear.
  public init(
    dimension: Int, name: String, precision: Precision = .float64, knownMatrix: Matrix? = nil,
    product: @escaping ([Double], inout [Double]) -> Void
  ) {
    precondition(dimension >= 0, "dimension must be non-negative")
    self.dimension = dimension
    self.name = name
    self.precision = precision
    self.matrix = knownMatrix
    self.knownHessian = nil
    self.product = product
  }

  /// The Hessian of `landscape` at `point` (default: its minimum), with the
  /// landscape's ``Landscape/precision`` (a float32 Hessian file stays float32,
  /// so every rank method judges it with float32's ε). At the minimum the
  /// landscape's known Hessian (if any) is kept, so that the dense reference
  /// costs 0 HVPs; at an explicit `point` it is not (d HVPs).
  public init(landscape: some Landscape, at point: [Double]? = nil) {
    let w = point ?? landscape.minimum
    self.dimension = landscape.dimension
    self.name = landscape.name
    self.precision = landscape.precision
    self.matrix = nil
    self.knownHessian = point == nil ? landscape.knownAnswers.hessian : nil
    self.product = { x, y in landscape.hessianVectorProduct(at: w, x, into: &y) }
  }

  /// The operator of a dense symmetric matrix (products by `gemv`).
  public convenience init(matrix: Matrix, name: String = "matrix", precision: Precision = .float64) {
    precondition(matrix.isSquare, "a Hessian operator needs a square matrix")
    self.init(dimension: matrix.rows, name: name, precision: precision, knownMatrix: matrix) { x, y in
      BLAS.gemv(matrix, .none, x, into: &y)
    }
  }

  /// The diagonal operator diag(`diagonal`).
  public convenience init(diagonal: [Double], name: String = "diagonal") {
    self.init(dimension: diagonal.count, name: name, knownMatrix: nil) { x, y in
      for i in diagonal.indices { y[i] = diagonal[i] * x[i] }
    }
  }

  /// Overwrites `y` with H·x. Cost: one HVP (counted).
  ///
  /// - Precondition: `x.count == dimension` and `y.count == dimension`.
  public func apply(_ x: [Double], into y: inout [Double]) {
    precondition(x.count == dimension && y.count == dimension, "HVP operand has the wrong length")
    applicationCount += 1
    product(x, &y)
  }

  /// H·x as a new array. Cost: one HVP (counted).
  public func callAsFunction(_ x: [Double]) -> [Double] {
    var y = [Double](repeating: 0, count: dimension)
    apply(x, into: &y)
    return y
  }

  /// H applied to each column of `block` (d×p), written into `out` (d×p).
  /// Cost: p HVPs (counted).
  public func apply(block: Matrix, into out: inout Matrix) {
    precondition(block.rows == dimension && out.rows == dimension && out.columns == block.columns,
      "block operands have the wrong shape")
    var x = [Double](repeating: 0, count: dimension)
    var y = [Double](repeating: 0, count: dimension)
    let p = block.columns
    for j in 0..<p {
      for i in 0..<dimension { x[i] = block.elements[i * p + j] }
      apply(x, into: &y)
      for i in 0..<dimension { out.elements[i * p + j] = y[i] }
    }
  }
}
