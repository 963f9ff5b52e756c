/// The reference rank: all d eigenvalues from a dense eigendecomposition.
///
/// ```
/// H = known dense Hessian, or H[:, j] = H e_j (d HVPs);  λ = eig(H) (dsyevd / GSL);
/// rank = #{ |λ_i| > τ }
/// ```
///
/// Exact up to backward stability: computed eigenvalues are within c·d·ε·‖H‖ of
/// the true ones (Golub & Van Loan, *Matrix Computations*, §8.3), which is what
/// the default threshold τ = max|λ|·d·ε is built on.
///
/// - Complexity: 0 HVPs when the operator carries its matrix
///   (``HessianOperator/knownMatrix``), otherwise d HVPs; O(d³) flops and d²
///   memory. Meant for d up to a few thousand.
public enum DenseRank {
  /// The dense matrix of `op`: its known matrix, or H·I as one block of d columns (d HVPs,
  /// one call of the source). The one dense-from-operator routine of HessianLab.
  ///
  /// - Throws: ``InputError`` naming the operator, before anything is allocated, when the
  ///   dense matrix and its eigendecomposition (``denseWorkingMatrices`` d×d matrices) would
  ///   not fit the ``MemoryBudget``.
  public static func denseMatrix(of op: HessianOperator) throws -> Matrix {
    try checkMemory(dimension: op.dimension, name: op.name)
    if let m = op.knownMatrix { return m }
    return try op.apply(Matrix.identity(op.dimension))
  }

  /// The dense matrix of an uncounted `source` (a reference built outside any estimate, such
  /// as ``Landscape/denseHessian(at:)``): its known matrix, or H·I as one block of d columns.
  ///
  /// - Throws: ``InputError`` naming `name` when the dense matrix would not fit the
  ///   ``MemoryBudget`` (checked first, as for the counted operator).
  public static func denseMatrix(of source: some SymmetricOperator, name: String = "") throws -> Matrix {
    try checkMemory(dimension: source.dimension, name: name)
    if let m = source.knownMatrix { return m }
    return try source.apply(Matrix.identity(source.dimension))
  }

  /// The d×d matrices a dense reference holds at once: H (or the identity block it is made
  /// from and its product), the copy an eigendecomposition overwrites, and its workspace.
  public static let denseWorkingMatrices = 3

  /// Throws when ``denseWorkingMatrices`` dense d×d float64 matrices would not fit the
  /// ``MemoryBudget``; the message names `name` (a landscape spec or file) and points to the
  /// Hessian-vector-product methods, which need O(d·k) memory.
  ///
  /// - Complexity: O(1); overflow of d²·8·3 counts as over the budget.
  public static func checkMemory(dimension d: Int, name: String) throws(InputError) {
    try MemoryBudget.check(
      MemoryBudget.product(d, d, MemoryLayout<Double>.size, denseWorkingMatrices),
      for: "the dense \(d)×\(d) Hessian and its eigendecomposition", spec: name,
      instead: "a Hessian-vector-product method (block, lanczos, slq or power)")
  }

  /// Whether the dense path for dimension `d` fits the ``MemoryBudget`` (what
  /// ``checkMemory(dimension:name:)`` would accept). O(1).
  public static func fitsMemory(dimension d: Int) -> Bool {
    (try? checkMemory(dimension: d, name: "")) != nil
  }

  /// All eigenvalues of `op`, ascending. Cost: as ``denseMatrix(of:)``.
  public static func eigenvalues(of op: HessianOperator) throws -> [Double] {
    try SymmetricEigen.values(of: denseMatrix(of: op))
  }

  /// The reference numerical rank of `op` under `policy`.
  public static func rank(of op: HessianOperator, policy: ThresholdPolicy = .precisionRelative) throws -> RankResult {
    let before = op.applicationCount
    let values = try eigenvalues(of: op)
    let decision = NumericalRank.decide(
      eigenvalues: values, dimension: op.dimension, accuracy: op.accuracy, policy: policy)
    return RankResult(
      rank: decision.rank, method: .dense, dimension: op.dimension,
      hessianVectorProducts: op.applicationCount - before, decision: decision, policy: policy,
      eigenvalues: values, converged: true, warnings: [], seed: nil)
  }
}
