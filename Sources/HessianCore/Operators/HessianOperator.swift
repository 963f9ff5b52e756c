/// The counting wrapper through which every Hessian-vector product of HessianLab is made.
///
/// ```
/// apply(X) = H·X   (X d×k: k HVPs counted),   apply(x, into: &y):  y ← H·x   (1 HVP)
/// ```
///
/// It wraps any ``SymmetricOperator`` (a closure, a dense matrix, a landscape, an external
/// model) and adds one to ``applicationCount`` per column it passes on, so the
/// `hessianVectorProducts` of every result is the number of products actually made, never a
/// formula (tested with a counting source). It also checks each returned block's shape and
/// finiteness: a source that returns garbage stops the estimate with an ``OracleError`` rather
/// than feeding it to Lanczos.
///
/// Copies share nothing; one wrapper may be used from several tasks (the counter is locked).
///
/// - Complexity: a block of k columns costs k HVPs of the source plus an O(d·k) check.
public final class HessianOperator: @unchecked Sendable {
  /// The wrapped source of products.
  public let source: any SymmetricOperator
  /// A short name for reports.
  public let name: String
  private let count = Locked(0)

  /// The number of parameters d.
  public var dimension: Int { source.dimension }
  /// The precision the products are known to (ε in the default threshold).
  public var precision: Precision { source.precision }
  /// The relative accuracy δ of a product (``SymmetricOperator/accuracy``): ε of the threshold.
  public var accuracy: Double { source.accuracy }
  /// The source's warnings about its products (``SymmetricOperator/productWarnings``).
  public var productWarnings: [Warning] { source.productWarnings }
  /// The dense matrix when the source holds it without products (the dense reference then
  /// costs 0 HVPs), otherwise `nil`. May be built on access (O(d²k) for a factored Hessian).
  public var knownMatrix: Matrix? { source.knownMatrix }
  /// Whether the source stores its known matrix (``SymmetricOperator/storesMatrix``).
  public var storesMatrix: Bool { source.storesMatrix }
  /// The source's preferred block size (``SymmetricOperator/preferredBlockSize``).
  public var preferredBlockSize: Int { source.preferredBlockSize }
  /// The number of Hessian-vector products (columns) made so far.
  public var applicationCount: Int { count.withLock { $0 } }

  /// Counts the products of `source`.
  public init(_ source: any SymmetricOperator, name: String = "operator") {
    self.source = source
    self.name = name
  }

  /// An operator from a per-vector product closure (a convenience for tests and small sources).
  ///
  /// - Parameters:
  ///   - dimension: d, the length of the vectors.
  ///   - name: a short name for reports.
  ///   - precision: the precision the products are known to.
  ///   - knownMatrix: the dense H when available for free.
  ///   - product: writes H·x into its second argument; must be symmetric and linear.
  public convenience init(
    dimension: Int, name: String, precision: Precision = .float64, knownMatrix: Matrix? = nil,
    product: @escaping @Sendable ([Double], inout [Double]) throws -> Void
  ) {
    self.init(
      ClosureOperator(dimension: dimension, precision: precision, knownMatrix: knownMatrix) { block in
        try ColumnwiseProduct.apply(block, dimension: dimension, product)
      }, name: name)
  }

  /// The operator of a dense symmetric matrix (one gemm per block, gemv per vector).
  public convenience init(matrix: Matrix, name: String = "matrix", precision: Precision = .float64) {
    self.init(MatrixOperator(matrix, precision: precision), name: name)
  }

  /// The diagonal operator diag(`diagonal`).
  public convenience init(diagonal: [Double], name: String = "diagonal") {
    self.init(DiagonalOperator(diagonal), name: name)
  }

  /// H·X for a d×k block. Cost: k HVPs (counted).
  ///
  /// - Throws: ``OracleError`` if X does not have d rows, or the source returns a block of the
  ///   wrong shape or with a non-finite entry; any error the source throws.
  public func apply(_ block: Matrix) throws -> Matrix {
    let d = dimension
    guard block.rows == d else {
      throw OracleError.operandShape(dimension: d, rows: block.rows, columns: block.columns)
    }
    count.withLock { $0 += block.columns }
    let out = try source.apply(block)
    guard out.rows == d, out.columns == block.columns else {
      throw OracleError.productShape(
        expectedRows: d, expectedColumns: block.columns, rows: out.rows, columns: out.columns)
    }
    // x·0 is 0 for every finite x and NaN for ±∞ and NaN: one pass over a raw buffer.
    let bad: Int? = out.elements.withUnsafeBufferPointer { p in
      for i in 0..<p.count where (p[i] * 0) != 0 || p[i] != p[i] { return i }
      return nil
    }
    if let bad { throw OracleError.nonFiniteProduct(column: bad % max(block.columns, 1)) }
    return out
  }

  /// Overwrites `y` with H·x. Cost: one HVP (counted).
  ///
  /// - Precondition: `x.count == dimension` and `y.count == dimension`.
  public func apply(_ x: [Double], into y: inout [Double]) throws {
    precondition(x.count == dimension && y.count == dimension, "HVP operand has the wrong length")
    y = try apply(Matrix(rows: dimension, columns: 1, elements: x)).elements
  }

  /// H·x as a new array. Cost: one HVP (counted).
  public func callAsFunction(_ x: [Double]) throws -> [Double] {
    var y = [Double](repeating: 0, count: dimension)
    try apply(x, into: &y)
    return y
  }

  /// H applied to each column of `block` (d×p), written into `out` (d×p).
  /// Cost: p HVPs (counted), one block product.
  public func apply(block: Matrix, into out: inout Matrix) throws {
    precondition(out.rows == dimension && out.columns == block.columns, "block operands have the wrong shape")
    out = try apply(block)
  }
}
