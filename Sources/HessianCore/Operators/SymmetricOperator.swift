/// A symmetric linear operator H on ℝ^d, seen only through products with blocks of vectors:
/// the one input every eigenvalue-counting estimator of HessianLab accepts.
///
/// ```
/// apply(X) = H·X,   X ∈ ℝ^{d×k} (a single vector is k = 1),   H = Hᵀ
/// ```
///
/// The estimators never form H, never read a landscape and never see known answers: they
/// call ``apply(_:)`` through a ``HessianOperator``, which counts every column, so each
/// reported HVP count is a count. For a neural network each column costs one
/// Hessian-vector product (Pearlmutter, "Fast exact multiplication by the Hessian",
/// Neural Computation 6(1):147–160, 1994); for a dense quadratic a whole block is one gemm.
///
/// Conformers: ``ClosureOperator`` (any closure, e.g. an external model), ``MatrixOperator``
/// (a dense matrix), ``DiagonalOperator``, and every landscape of the zoo
/// (`LandscapeHessian`).
public protocol SymmetricOperator: Sendable {
  /// The number of parameters d (rows and columns of H).
  var dimension: Int { get }
  /// The precision the products are known to: it sets ε of the numerical-rank threshold
  /// τ = max|λ|·d·ε (a float32 source stays float32).
  var precision: Precision { get }
  /// H·X for a d×k block X (row-major, one column per vector). Cost: k HVPs.
  ///
  /// - Throws: whatever the source throws (an external model can fail); the caller's
  ///   estimate then stops with that error.
  func apply(_ block: Matrix) throws -> Matrix
  /// H itself when the source holds it already (a dense or factored Hessian), so the dense
  /// reference costs no products; `nil` (the default) when H is known only through products.
  var knownMatrix: Matrix? { get }
  /// Whether ``knownMatrix`` is stored (reading it costs nothing and a product streams it), as
  /// opposed to built on each access from factors (O(d²·r) flops and d² memory): a caller that
  /// wants only a scale or a hint reads the matrix only when it is stored. Default: whether
  /// ``knownMatrix`` is non-nil.
  var storesMatrix: Bool { get }
  /// How many vectors a caller that draws its vectors one at a time (the adaptive range finder)
  /// should gather into one ``apply(_:)`` call: 1 (the default) for a source in this process, where
  /// a block of k costs what k single products cost; more for a source where each call is a round
  /// trip (an external process). Batching never changes which vectors are multiplied, only how many
  /// calls carry them; the products made ahead and not used are counted like any other.
  var preferredBlockSize: Int { get }
  /// The relative accuracy δ of a product, ‖computed H·x − H·x‖ ≲ δ·‖H‖·‖x‖: the ε of the
  /// numerical-rank threshold τ = max|λ|·d·δ. Default `precision.epsilon` (exact products
  /// rounded once); an error model (``HVPErrorModel``) states a larger one (a finite-difference
  /// product is accurate to about ε^{2/3}, not ε).
  var accuracy: Double { get }
  /// Warnings about the products made so far (a finite-difference product found less accurate
  /// than its model states); empty for an exact source. Read after the products are made.
  var productWarnings: [Warning] { get }
}

extension SymmetricOperator {
  /// No dense matrix is known: H is seen only through products.
  public var knownMatrix: Matrix? { nil }
  /// A known matrix is taken to be stored unless the source says otherwise.
  public var storesMatrix: Bool { knownMatrix != nil }
  /// One vector per call: products in this process cost the same one by one.
  public var preferredBlockSize: Int { 1 }
  /// Exact products rounded once: δ = ε of ``precision``.
  public var accuracy: Double { precision.epsilon }
  /// An exact source has nothing to warn about its products.
  public var productWarnings: [Warning] { [] }
}
