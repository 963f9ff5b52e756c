/// A ``SymmetricOperator`` from a closure: the way to hand HessianLab a Hessian it can only
/// multiply by (an external model, an autodiff HVP, a matrix-free formula).
///
/// ```swift
/// let op = ClosureOperator(dimension: 3) { x in try model.hvp(x) }   // d×k in, d×k out
/// ```
///
/// The closure receives a d×k block and must return H times it (d×k). Cost: k HVPs per call.
public struct ClosureOperator: SymmetricOperator {
  /// The number of parameters d.
  public let dimension: Int
  /// The precision the closure's products are known to.
  public let precision: Precision
  /// H when the caller has it already (the dense reference then costs nothing), else `nil`.
  public let knownMatrix: Matrix?
  private let product: @Sendable (Matrix) throws -> Matrix

  /// An operator of dimension `dimension` whose block product is `product`.
  ///
  /// - Parameters:
  ///   - dimension: d (≥ 0).
  ///   - precision: the precision of the products (default float64).
  ///   - knownMatrix: H, when known without products.
  ///   - product: H·X for a d×k block X; must be linear and symmetric.
  public init(
    dimension: Int, precision: Precision = .float64, knownMatrix: Matrix? = nil,
    product: @escaping @Sendable (Matrix) throws -> Matrix
  ) {
    precondition(dimension >= 0, "dimension must be non-negative")
    self.dimension = dimension
    self.precision = precision
    self.knownMatrix = knownMatrix
    self.product = product
  }

  /// An operator from a per-vector product `y ← H·x`; a block is done column by column.
  public init(
    dimension: Int, precision: Precision = .float64,
    vectorProduct: @escaping @Sendable ([Double], inout [Double]) throws -> Void
  ) {
    self.init(dimension: dimension, precision: precision) { block in
      try ColumnwiseProduct.apply(block, dimension: dimension, vectorProduct)
    }
  }

  /// H·X through the closure. Cost: X.columns HVPs.
  public func apply(_ block: Matrix) throws -> Matrix { try product(block) }
}

/// A dense symmetric matrix as an operator: a block product is one gemm.
public struct MatrixOperator: SymmetricOperator {
  /// The matrix H (d×d, symmetric).
  public let matrix: Matrix
  /// The precision of the entries.
  public let precision: Precision
  /// d = the matrix's order.
  public var dimension: Int { matrix.rows }
  /// The matrix itself (the dense reference reads it for free).
  public var knownMatrix: Matrix? { matrix }

  /// The operator of `matrix` (square; symmetry is the caller's promise).
  public init(_ matrix: Matrix, precision: Precision = .float64) {
    precondition(matrix.isSquare, "a symmetric operator needs a square matrix")
    self.matrix = matrix
    self.precision = precision
  }

  /// H·X by one `gemm` (a single vector by `gemv`). Cost: X.columns HVPs (one BLAS call).
  public func apply(_ block: Matrix) throws -> Matrix {
    if block.columns == 1 {
      var y = [Double](repeating: 0, count: matrix.rows)
      BLAS.gemv(matrix, .none, block.elements, into: &y)
      return Matrix(rows: matrix.rows, columns: 1, elements: y)
    }
    var out = Matrix(rows: matrix.rows, columns: block.columns)
    BLAS.gemm(matrix, .none, block, .none, into: &out)
    return out
  }
}

/// The diagonal operator diag(h): a block product scales row i by hᵢ.
public struct DiagonalOperator: SymmetricOperator {
  /// The diagonal h.
  public let diagonal: [Double]
  /// The precision of h.
  public let precision: Precision
  /// d = h.count.
  public var dimension: Int { diagonal.count }

  /// The operator diag(`diagonal`).
  public init(_ diagonal: [Double], precision: Precision = .float64) {
    self.diagonal = diagonal
    self.precision = precision
  }

  /// diag(h)·X. Cost: X.columns HVPs (d·k multiplications).
  public func apply(_ block: Matrix) throws -> Matrix {
    var out = block
    let k = block.columns
    for i in 0..<diagonal.count {
      for j in 0..<k { out.elements[i * k + j] *= diagonal[i] }
    }
    return out
  }
}

/// Applies a per-vector product to each column of a block: the bridge from sources that can
/// only multiply one vector at a time to the block primitive.
public enum ColumnwiseProduct {
  /// [f(x₁) … f(x_k)] for the columns xⱼ of `block`. Cost: k calls of `product`; two
  /// d-vectors of workspace.
  public static func apply(
    _ block: Matrix, dimension d: Int, _ product: ([Double], inout [Double]) throws -> Void
  ) rethrows -> Matrix {
    let k = block.columns
    var out = Matrix(rows: d, columns: k)
    var x = [Double](repeating: 0, count: d)
    var y = [Double](repeating: 0, count: d)
    for j in 0..<k {
      for i in 0..<d { x[i] = block.elements[i * k + j] }
      try product(x, &y)
      for i in 0..<d { out.elements[i * k + j] = y[i] }
    }
    return out
  }
}
