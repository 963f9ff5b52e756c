/// `hessian-lab check` as one library call: an external estimate of a quantity judged against a
/// landscape's known value (``KnownQuantityLookup``) with the statistics spelled out
/// (``EstimateJudge``). Cost: that of the lookup (free for `llc` and `rank`).
public enum CheckAnalysis {
  /// Judges `estimates` (with optional `standardErrors`) of `quantity` on the landscape `spec`
  /// (a zoo id, fixture, `.npy` Hessian or spec; an `oracle:` command has no known answers).
  ///
  /// - Throws: ``InputError`` naming the spec (an oracle, an unknown landscape, no known value) or
  ///   the parameter at fault.
  public static func run(
    _ spec: String, quantity: EstimatedQuantity, estimates: [Double], standardErrors: [Double]?, options: CheckOptions = CheckOptions()
  ) throws(InputError) -> CheckReport {
    if SubjectSpec.isOracle(spec) {
      throw .spec(spec, problem: "an external oracle has no known answers to check an estimate against; give a zoo id or a landscape spec (hessian-lab serve serves one to your estimator)")
    }
    try options.validate()
    return try run(LandscapeSpec.resolve(spec), quantity: quantity, estimates: estimates, standardErrors: standardErrors, options: options)
  }

  /// Judges estimates on a resolved `landscape`.
  ///
  /// - Throws: ``InputError`` as ``KnownQuantityLookup/value(of:for:count:selection:)`` and
  ///   ``EstimateJudge/judge(estimates:standardErrors:known:options:precision:)``.
  public static func run(
    _ landscape: any Landscape, quantity: EstimatedQuantity, estimates: [Double], standardErrors: [Double]?, options: CheckOptions = CheckOptions()
  ) throws(InputError) -> CheckReport {
    try options.validate()
    if quantity.isList, estimates.isEmpty { throw .parameter(.estimate, value: "", problem: "no estimate given") }
    let selection = quantity == .covarianceScale ? options.selection : nil
    let known = try KnownQuantityLookup.value(of: quantity, for: landscape, count: estimates.count, selection: selection)
    let judgement = try EstimateJudge.judge(
      estimates: estimates, standardErrors: standardErrors, known: known, options: options, precision: landscape.precision)
    return CheckReport(landscape: landscape.name, dimension: landscape.dimension, known: known, selection: selection, judgement: judgement)
  }

  /// Judges the texts of an estimate list and a standard-error list (`5.1,3.0,2.2`; ``EstimateList``).
  ///
  /// - Throws: ``InputError`` naming the estimate or standard error when a list does not parse, else
  ///   as ``run(_:quantity:estimates:standardErrors:options:)-(String,_,_,_,_)``.
  public static func run(
    _ spec: String, quantity: EstimatedQuantity, value: String, standardError: String?, options: CheckOptions = CheckOptions()
  ) throws(InputError) -> CheckReport {
    let estimates = try EstimateList.parse(value, parameter: .estimate)
    let ses = try standardError.map { text throws(InputError) in try EstimateList.parse(text, parameter: .standardError) }
    return try run(spec, quantity: quantity, estimates: estimates, standardErrors: ses, options: options)
  }
}
