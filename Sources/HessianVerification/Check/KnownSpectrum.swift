/// All eigenvalues of a landscape's Hessian at w*, in descending order, with their provenance:
/// the reference for eigenvalue and covariance estimates.
///
/// - A factored known Hessian (H = Bᵀ diag(h) B): its prescribed eigenvalues and d − k zeros,
///   by construction (free, any d).
/// - Otherwise one dense eigendecomposition (`SymmetricEigen`, LAPACK/GSL) of the known dense
///   Hessian, or of H built from d exact Hessian-vector products when the landscape stores none:
///   computed, never by an estimator under test. Refused before allocating when the three d×d
///   matrices exceed the ``MemoryBudget`` or the 9·d³ flops the ``WorkBudget`` flop ceiling.
public struct KnownSpectrum: Sendable, Equatable {
  /// The d eigenvalues, largest first.
  public var descending: [Double]
  /// ``Provenance/construction`` or ``Provenance/computed``.
  public var provenance: Provenance
  /// How the eigenvalues were obtained, in one sentence.
  public var source: String

  /// The spectrum of `landscape`'s Hessian at its minimum.
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` naming the landscape when the dense path does not fit
  ///   the memory budget or the flop ceiling (without `--allow-long`), or the eigensolver fails.
  public init(of landscape: any Landscape) throws(InputError) {
    let d = landscape.dimension
    if case let .factored(values, _)? = landscape.knownAnswers.hessian {
      descending = (values + [Double](repeating: 0, count: max(d - values.count, 0))).sorted(by: >)
      provenance = .construction
      source = "the prescribed eigenvalues of the landscape's factored Hessian (\(values.count) nonzero, \(max(d - values.count, 0)) zero), by construction"
      return
    }
    try WorkBudget.check(
      WorkBudget.eigendecompositionFlops(dimension: d), .flops,
      for: "the dense eigendecomposition of the \(d)×\(d) Hessian (the reference spectrum)", spec: landscape.name)
    let stored = landscape.knownAnswers.hessian != nil
    let h = try landscape.denseHessianAtMinimum()
    do {
      descending = try SymmetricEigen.values(of: h).sorted(by: >)
    } catch {
      throw .spec(landscape.name, problem: "the dense eigendecomposition of its Hessian failed: \(error)")
    }
    provenance = .computed
    source = stored
      ? "one dense eigendecomposition (LAPACK) of the landscape's known \(d)×\(d) Hessian"
      : "one dense eigendecomposition (LAPACK) of the \(d)×\(d) Hessian built from \(d) exact Hessian-vector products"
  }
}
