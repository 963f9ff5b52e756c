import Foundation

/// The most work one run may start without being asked to run long, estimated before any
/// of it is done.
///
/// An input that asks for more (`--kept 1e12`, `--probes` at `Int.max`, `describe` of a
/// 10⁴-variable `poly:`, a dense eigendecomposition at d = 10⁴) is refused up front with the
/// estimate and the ceiling, instead of running for hours. The caller runs the work inside
/// `WorkBudget.$allowLong.withValue(true) { … }` (the command line's `--allow-long`), or passes
/// `allowLong: true` to one check, to run it anyway.
///
/// Work is counted in three units, each with its own documented ceiling (about a few minutes
/// on one core of a laptop): floating-point operations, loss evaluations and Hessian-vector
/// products. Estimates are made with checked arithmetic (``MemoryBudget/product(_:)``); an
/// estimate that overflows `Int` is above every ceiling.
public enum WorkBudget {
  /// What an estimate counts.
  public enum Unit: String, Sendable, CaseIterable {
    /// Floating-point operations (multiply–adds counted once).
    case flops = "floating-point operations"
    /// Evaluations of the loss.
    case lossEvaluations = "loss evaluations"
    /// Hessian-vector products.
    case hessianVectorProducts = "Hessian-vector products"

    /// The ceiling of this unit: ``flopCeiling``, ``lossEvaluationCeiling`` or
    /// ``hessianVectorProductCeiling``.
    public var ceiling: Int {
      switch self {
      case .flops: WorkBudget.flopCeiling
      case .lossEvaluations: WorkBudget.lossEvaluationCeiling
      case .hessianVectorProducts: WorkBudget.hessianVectorProductCeiling
      }
    }
  }

  /// Whether the ceilings are lifted for the work of the current task and its children (the
  /// command line's `--allow-long`); false by default. Every check reads it unless given
  /// `allowLong` explicitly, so a check deep in a spec parser needs no extra argument.
  @TaskLocal public static var allowLong = false

  /// The flop ceiling: 2·10¹² (a dense eigendecomposition at d ≈ 6000, or n·d² = 2·10¹² for a
  /// covariance accumulator), times ``scale``.
  public static var flopCeiling: Int { scaled(2_000_000_000_000) }
  /// The loss-evaluation ceiling: 10⁹, times ``scale``.
  public static var lossEvaluationCeiling: Int { scaled(1_000_000_000) }
  /// The Hessian-vector-product ceiling: 10⁷, times ``scale``.
  public static var hessianVectorProductCeiling: Int { scaled(10_000_000) }

  /// The environment variable that multiplies every work ceiling: `HESSIAN_LAB_WORK_SCALE=10` allows
  /// ten times more work without `--allow-long`; `0.001` (what the CLI fuzz test uses, to match its
  /// 10 s bound on a debug build) a thousandth.
  public static let scaleVariable = "HESSIAN_LAB_WORK_SCALE"

  /// The factor of ``scaleVariable`` (1 when unset or invalid; ``checkEnvironment()`` refuses an
  /// invalid value before any work).
  public static let scale: Double = parseScale(ProcessInfo.processInfo.environment[scaleVariable]) ?? 1

  /// A positive finite factor from `text`, nil when `text` is nil or not one.
  static func parseScale(_ text: String?) -> Double? {
    guard let text, let v = Double(text), v.isFinite, v > 0, v <= 1e6 else { return nil }
    return v
  }

  /// Throws when ``scaleVariable`` is set to anything but a number in (0, 10⁶].
  ///
  /// - Throws: ``InputError/environment(variable:value:problem:)``.
  public static func checkEnvironment() throws(InputError) {
    guard let text = ProcessInfo.processInfo.environment[scaleVariable], parseScale(text) == nil else { return }
    throw InputError.environment(
      variable: scaleVariable, value: text, problem: "'\(text)' is not a factor in (0, 1e6] (e.g. 10 or 0.001)")
  }

  /// `base × scale`, rounded, at least 1.
  static func scaled(_ base: Int) -> Int {
    let v = (Double(base) * scale).rounded()
    return v >= Double(Int.max) ? Int.max : max(1, Int(v))
  }

  /// The flops of a dense symmetric eigendecomposition at dimension d: 9·d³ (tridiagonal
  /// reduction and divide and conquer with vectors, Golub & Van Loan §8.3), nil on overflow.
  public static func eigendecompositionFlops(dimension d: Int) -> Int? {
    MemoryBudget.product(9, d, d, d)
  }

  /// The flops charged for one loss or gradient evaluation of a sampling estimator at dimension d:
  /// 20·d (one Gaussian draw per coordinate costs about as much as 20 multiply–adds, and the loss
  /// reads every coordinate), nil on overflow. A count of evaluations is checked against both
  /// ceilings (``checkEvaluations(_:dimension:for:parameter:value:allowLong:)``), so 10⁶ evaluations
  /// are fine at d = 10 and refused at d = 10⁶.
  public static func evaluationFlops(_ count: Int, dimension d: Int) -> Int? {
    MemoryBudget.product(max(count, 0), d, flopsPerCoordinate)
  }

  /// The flops charged per coordinate of one evaluation (see ``evaluationFlops(_:dimension:)``).
  public static let flopsPerCoordinate = 20

  /// Throws when `count` loss (or gradient) evaluations at dimension `d` (nil: overflowed) exceed
  /// the loss-evaluation ceiling, or their ``evaluationFlops(_:dimension:)`` the flop ceiling,
  /// naming the parameter (set to `value`) that asks for them.
  ///
  /// - Throws: ``InputError/parameter(_:value:problem:)`` as ``check(_:_:for:parameter:value:allowLong:)``.
  public static func checkEvaluations(
    _ count: Int?, dimension d: Int, for what: String, parameter: InputError.Parameter, value: String,
    allowLong: Bool = WorkBudget.allowLong
  ) throws(InputError) {
    try check(count, .lossEvaluations, for: what, parameter: parameter, value: value, allowLong: allowLong)
    try check(
      count.flatMap { evaluationFlops($0, dimension: d) }, .flops, for: "\(what) at d = \(d)", parameter: parameter,
      value: value, allowLong: allowLong)
  }

  /// `a + b`, nil when either is nil or the sum overflows.
  public static func sum(_ terms: Int?...) -> Int? {
    var total = 0
    for term in terms {
      guard let term, term >= 0 else { return nil }
      let (next, overflow) = total.addingReportingOverflow(term)
      if overflow { return nil }
      total = next
    }
    return total
  }

  /// Throws when `estimate` (nil: overflows `Int`) exceeds the ceiling of `unit` and
  /// `allowLong` is false, naming the parameter (set to `value`) that asks for the work.
  ///
  /// - Throws: ``InputError/parameter(_:value:problem:)``: `WHAT needs about N UNIT, more than
  ///   the ceiling C; pass --allow-long to run it anyway`.
  public static func check(
    _ estimate: Int?, _ unit: Unit, for what: String, parameter: InputError.Parameter, value: String,
    allowLong: Bool = WorkBudget.allowLong
  ) throws(InputError) {
    if allowLong { return }
    if let problem = refusal(estimate, unit, for: what) { throw InputError.parameter(parameter, value: value, problem: problem) }
  }

  /// Throws when `estimate` exceeds the ceiling of `unit` and `allowLong` is false, naming the
  /// landscape spec (or file) `spec` that asks for the work.
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` with the problem of
  ///   ``check(_:_:for:parameter:value:allowLong:)``.
  public static func check(_ estimate: Int?, _ unit: Unit, for what: String, spec: String, allowLong: Bool = WorkBudget.allowLong) throws(InputError) {
    if allowLong { return }
    if let problem = refusal(estimate, unit, for: what) { throw InputError.spec(spec, problem: problem) }
  }

  /// Whether `estimate` (nil: overflowed) is within the ceiling of `unit`.
  public static func fits(_ estimate: Int?, _ unit: Unit) -> Bool {
    guard let estimate else { return false }
    return estimate >= 0 && estimate <= unit.ceiling
  }

  /// Why `estimate` is refused, nil when it fits.
  static func refusal(_ estimate: Int?, _ unit: Unit, for what: String) -> InputError.Phrase? {
    if fits(estimate, unit) { return nil }
    let needed = estimate.map { "about \(scientific($0))" } ?? "more than \(scientific(Int.max)) (overflows Int)"
    let head: InputError.Phrase = "\(what) needs \(needed) \(unit.rawValue), more than the ceiling \(scientific(unit.ceiling)); "
    let tail: InputError.Phrase = "pass \(.allowLong) to run it anyway"
    return head + tail
  }

  /// A count as `1.2e13` (exact below 10⁴).
  public static func scientific(_ count: Int) -> String {
    if count < 10_000 { return "\(count)" }
    var exponent = 0
    var value = Double(count)
    while value >= 10 {
      value /= 10
      exponent += 1
    }
    return String(format: "%.1fe%d", value, exponent)
  }
}
