/// The work of a rank method on a d-dimensional Hessian, estimated and checked against the
/// ``WorkBudget`` (and, for a Lanczos basis, the ``MemoryBudget``) before the method starts.
///
/// ```
/// dense, inertia: 3·d²·8 bytes (``DenseRank/checkMemory(dimension:name:)``, first), 9·d³ flops
/// slq:     probes · min(steps ?? min(d, 300), d) HVPs
/// lanczos: m = min(steps ?? d, d) HVPs, d·m² flops of full reorthogonalization, d·m·8 bytes of basis
/// block, power: adaptive and at most O(d) products of small blocks; not refused here
/// ```
public enum RankWork {
  /// Throws when `method` on `landscape` (named `name`) would exceed a ceiling.
  ///
  /// - Parameters:
  ///   - method: the resolved rank method.
  ///   - dimension: d.
  ///   - steps: the Lanczos steps asked for (nil: the method's default).
  ///   - probes: the SLQ probes.
  ///   - name: the landscape spec or file named in the message.
  /// - Throws: ``InputError`` naming the landscape (dense, lanczos) or `.probes` (slq), with the
  ///   estimate and the ceiling; memory is checked before work.
  public static func check(method: RankMethod, dimension d: Int, steps: Int?, probes: Int, name: String) throws(InputError) {
    switch method {
    case .dense, .inertia:  // inertia falls back to the eigendecomposition: budget that
      try DenseRank.checkMemory(dimension: d, name: name)
      try WorkBudget.check(
        WorkBudget.eigendecompositionFlops(dimension: d), .flops,
        for: "the dense eigendecomposition at d = \(d) (a Hessian-vector-product method such as block costs far less)",
        spec: name)
    case .slq:
      let perProbe = min(steps ?? min(d, 300), d)
      try WorkBudget.check(
        MemoryBudget.product(max(probes, 0), max(perProbe, 0)), .hessianVectorProducts,
        for: "SLQ with \(probes) probes of up to \(perProbe) Lanczos steps", parameter: .probes, value: "\(probes)")
    case .lanczos:
      let m = min(steps ?? d, d)
      try MemoryBudget.check(
        MemoryBudget.product(d, m, MemoryLayout<Double>.size),
        for: "the \(d)×\(m) Lanczos basis", spec: name, instead: "block, which keeps only a few columns per step")
      try WorkBudget.check(
        MemoryBudget.product(d, m, m), .flops,
        for: "\(m) Lanczos steps with full reorthogonalization at d = \(d)", spec: name)
    default:
      return
    }
  }
}

extension RankMethodChoice {
  /// The method used on `landscape`: ``auto`` is dense for d ≤ ``autoDenseLimit`` and for a
  /// Hessian the landscape holds densely (a `.npy` file) whose eigendecomposition fits the
  /// ``WorkBudget`` and whose d×d copies fit the ``MemoryBudget``; block otherwise (a
  /// factored or product-only Hessian at large d never defaults to dense).
  public func resolved(for landscape: some Landscape) -> RankMethod {
    guard case .auto = self else { return resolved(dimension: landscape.dimension) }
    let d = landscape.dimension
    if d <= Self.autoDenseLimit { return .dense }
    if case .dense = landscape.knownAnswers.hessian,
      WorkBudget.fits(WorkBudget.eigendecompositionFlops(dimension: d), .flops),
      (try? DenseRank.checkMemory(dimension: d, name: landscape.name)) != nil
    {
      return .dense
    }
    return .block
  }
}

extension RankMethodChoice {
  /// The method used on `subject`: a landscape's as `resolved(for:)` on a landscape; for an oracle
  /// (no stored Hessian) ``resolved(dimension:)``: dense (d HVPs) for d ≤ ``autoDenseLimit``, block above.
  public func resolved(for subject: AnalysisSubject) -> RankMethod {
    if let landscape = subject.landscape { return resolved(for: landscape) }
    return resolved(dimension: subject.dimension)
  }
}
