/// Hessian-vector products in IEEE single precision: the ``HVPErrorModel/float32`` model.
///
/// Two cases, named honestly:
///
/// - **A source that holds H** (``SymmetricOperator/knownMatrix``): H is rounded to a float32 copy
///   H̃ once, and each block is rounded to float32 and multiplied by `sgemm` with float32
///   accumulation (``SinglePrecisionBLAS``). With u = 2⁻²⁴ and γₙ = nu/(1 − nu) the computed
///   product satisfies, entrywise,
///   ```
///   |fl(H̃X̃) − HX| ≤ (γ_d + 2u + u²)·|H|·|X| + u·|HX|  ≤ γ_{d+3}·|H|·|X|
///   ```
///   (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §3.5, eq. 3.13, plus
///   the rounding of H, X and the result). ``knownMatrix`` is H̃ (exactly representable in
///   float32), so the dense reference sees the float32 matrix.
/// - **A source known only through products** (a network, a factored or external Hessian): the
///   float32 arithmetic inside the product is *emulated*, not performed: each column is rounded
///   to float32, multiplied by the source's double-precision product, and the result rounded to
///   float32. This models float32 storage of vectors and results (error ≤ (2u + u²)·|H|·|X|
///   entrywise), not float32 accumulation inside the product, which on a real float32 model adds
///   up to γₙ·(|terms|) more; the stated accuracy 2⁻²³·d of the threshold covers both.
///
/// ``precision`` is ``Precision/float32``, so the rank threshold is τ = max|λ|·d·2⁻²³ like that of a
/// float32 Hessian file. Cost: one HVP per column (the source's, or one `sgemm` for the block).
public struct Float32Hessian: SymmetricOperator {
  /// The exact products.
  public let source: any SymmetricOperator
  private let single: [Float]?

  /// The float32 view of `source` (its known matrix, if any, rounded once).
  public init(_ source: any SymmetricOperator) {
    self.source = source
    single = source.knownMatrix.map { $0.elements.map { Float($0) } }
  }

  /// d of the source.
  public var dimension: Int { source.dimension }
  /// Single precision: ε = 2⁻²³.
  public var precision: Precision { .float32 }
  /// The source's preferred block size.
  public var preferredBlockSize: Int { source.preferredBlockSize }
  /// H̃, the float32 rounding of the source's known matrix (as doubles), or `nil`.
  public var knownMatrix: Matrix? {
    single.map { Matrix(rows: dimension, columns: dimension, elements: $0.map(Double.init)) }
  }
  /// Whether products are real float32 `sgemm`s (`true`) or emulated by rounding (`false`).
  public var isNative: Bool { single != nil }

  /// fl₃₂(H̃·fl₃₂(X)) (native) or fl₃₂(H·fl₃₂(X)) (emulated). Cost: X.columns HVPs.
  ///
  /// - Throws: whatever the source's product throws (emulated case).
  public func apply(_ block: Matrix) throws -> Matrix {
    let x = block.elements.map { Float($0) }
    if let single {
      let y = SinglePrecisionBLAS.multiply(single, rows: dimension, inner: dimension, x, columns: block.columns)
      return Matrix(rows: dimension, columns: block.columns, elements: y.map(Double.init))
    }
    let rounded = Matrix(rows: block.rows, columns: block.columns, elements: x.map(Double.init))
    let y = try source.apply(rounded)
    return Matrix(rows: y.rows, columns: y.columns, elements: y.elements.map { Double(Float($0)) })
  }
}
