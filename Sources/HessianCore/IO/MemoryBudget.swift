import Foundation

/// The largest single working set an input may ask for, checked before anything is allocated.
///
/// An input that would need more (a `.npy` header claiming a 10⁶×10⁶ matrix, `quad:` with a
/// huge d·k basis, `poly:…:d=N` with a dense d×d Hessian) is refused up front with the
/// estimate, instead of dying in the allocator or being killed by the kernel.
///
/// The budget is half of this machine's physical memory: the dense work that follows a load
/// (an eigendecomposition copies its input and allocates a workspace of the same order) must
/// still fit.
public enum MemoryBudget {
  /// The budget in bytes: half the physical memory, or ``megabytesVariable`` megabytes when set
  /// (it may not exceed the physical memory).
  public static var bytes: Int {
    let physical = ProcessInfo.processInfo.physicalMemory
    let half = physical / 2 > UInt64(Int.max) ? Int.max : Int(physical / 2)
    guard let mb = parseMegabytes(ProcessInfo.processInfo.environment[megabytesVariable]) else { return half }
    let wanted = mb.multipliedReportingOverflow(by: 1 << 20)
    return wanted.overflow || UInt64(wanted.partialValue) > physical ? half : wanted.partialValue
  }

  /// The environment variable that sets the budget in megabytes (`HESSIAN_LAB_MEMORY_MB=2048`),
  /// in place of half the physical memory; at most the physical memory.
  public static let megabytesVariable = "HESSIAN_LAB_MEMORY_MB"

  /// A positive whole number of megabytes from `text`, nil when `text` is nil or not one.
  static func parseMegabytes(_ text: String?) -> Int? {
    guard let text, let v = Int(text), v >= 1 else { return nil }
    return v
  }

  /// Throws when ``megabytesVariable`` is set to anything but a whole number of megabytes from 1 to
  /// the physical memory.
  ///
  /// - Throws: ``InputError/environment(variable:value:problem:)``.
  public static func checkEnvironment() throws(InputError) {
    guard let text = ProcessInfo.processInfo.environment[megabytesVariable] else { return }
    let physicalMB = ProcessInfo.processInfo.physicalMemory >> 20
    if let mb = parseMegabytes(text), UInt64(mb) <= physicalMB { return }
    throw InputError.environment(
      variable: megabytesVariable, value: text,
      problem: "'\(text)' is not a whole number of megabytes from 1 to \(physicalMB) (this machine's memory)")
  }

  /// The product of `factors` (e.g. count × element size), or nil when a factor is negative
  /// or the product overflows `Int`; 0 when a factor is 0, whatever the others.
  public static func product(_ factors: Int...) -> Int? {
    if factors.contains(0), factors.allSatisfy({ $0 >= 0 }) { return 0 }
    var p = 1
    for f in factors {
      guard f >= 0 else { return nil }
      let (next, overflow) = p.multipliedReportingOverflow(by: f)
      if overflow { return nil }
      p = next
    }
    return p
  }

  /// Throws when `estimate` bytes (nil: overflows `Int`) exceed the budget, naming the
  /// landscape spec (or file) `spec` that asks for them.
  ///
  /// - Parameters:
  ///   - estimate: the estimated bytes, nil when the computation overflowed.
  ///   - what: what needs the memory, e.g. "the dense 10⁶×10⁶ Hessian".
  ///   - spec: the landscape spec named at the start of the message.
  /// - Throws: ``InputError/spec(_:problem:)``: `spec: what needs about X (N bytes), more than
  ///   the memory budget Y (half of this machine's RAM); refused before allocating`.
  ///   - instead: what to use instead, appended as `; use INSTEAD` (nil: nothing).
  public static func check(_ estimate: Int?, for what: String, spec: String, instead: String? = nil) throws(InputError) {
    if let problem = refusal(estimate, for: what, instead: instead) { throw InputError.spec(spec, problem: problem) }
  }

  /// Throws when `estimate` bytes (nil: overflows `Int`) exceed the budget, naming the
  /// parameter (set to `value`) that asks for them.
  ///
  /// - Throws: ``InputError/parameter(_:value:problem:)`` with the problem of
  ///   ``check(_:for:spec:)``.
  public static func check(
    _ estimate: Int?, for what: String, parameter: InputError.Parameter, value: String, instead: String? = nil
  ) throws(InputError) {
    if let problem = refusal(estimate, for: what, instead: instead) {
      throw InputError.parameter(parameter, value: value, problem: problem)
    }
  }

  /// Where the budget comes from, for messages.
  package static var budgetSource: String {
    parseMegabytes(ProcessInfo.processInfo.environment[megabytesVariable]) == nil
      ? "half of this machine's RAM" : "set by \(megabytesVariable)"
  }

  /// Why `estimate` bytes are refused, nil when they fit the budget.
  static func refusal(_ estimate: Int?, for what: String, instead: String? = nil) -> InputError.Phrase? {
    let budget = bytes
    if let estimate, estimate <= budget { return nil }
    let needed = estimate.map { "about \(format($0)) (\($0) bytes)" } ?? "more than \(format(Int.max)) (overflows Int)"
    return InputError.Phrase(
      "\(what) needs \(needed), more than the memory budget \(format(budget)) (\(budgetSource)); refused before allocating"
        + (instead.map { "; use \($0)" } ?? ""))
  }

  /// Bytes as a short decimal size: `512 B`, `1.5 kB`, `8.0 TB`.
  public static func format(_ bytes: Int) -> String {
    let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1000, unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
  }
}
