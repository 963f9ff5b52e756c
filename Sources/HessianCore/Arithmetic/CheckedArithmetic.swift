/// Overflow-checked integer arithmetic for values a user or a file controls.
///
/// Swift traps on an overflowing `+`, `-` or `*`; a count typed by a user (`kept`,
/// `seeds`, a cap factor) or read from a file (a lesson state) must never reach one.
/// Each operation returns the exact result, or throws the ``InputError`` the caller
/// supplies — naming the parameter or file whose value made the result too large.
/// Cost: one overflow-reporting machine operation.
extension Int {
  /// `self + other`, or `error` when the sum does not fit in an `Int`.
  ///
  /// - Throws: `error()` on overflow.
  public func adding(_ other: Int, orThrow error: @autoclosure () -> InputError) throws(InputError) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    if overflow { throw error() }
    return sum
  }

  /// `self − other`, or `error` when the difference does not fit in an `Int`.
  ///
  /// - Throws: `error()` on overflow.
  public func subtracting(_ other: Int, orThrow error: @autoclosure () -> InputError) throws(InputError) -> Int {
    let (difference, overflow) = subtractingReportingOverflow(other)
    if overflow { throw error() }
    return difference
  }

  /// `self · other`, or `error` when the product does not fit in an `Int`.
  ///
  /// - Throws: `error()` on overflow.
  public func multiplied(by other: Int, orThrow error: @autoclosure () -> InputError) throws(InputError) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    if overflow { throw error() }
    return product
  }

  /// ⌈self / divisor⌉ for `self ≥ 0` and `divisor ≥ 1`, computed without forming
  /// `self + divisor − 1` (so it never overflows, even at `Int.max`).
  public func ceilingDivided(by divisor: Int) -> Int {
    precondition(self >= 0 && divisor >= 1, "ceilingDivided(by:) needs self ≥ 0 and divisor ≥ 1")
    return self / divisor + (self % divisor == 0 ? 0 : 1)
  }

  /// `self · other` when it fits in an `Int`, else `Int.max` (for a cost or a cap that
  /// is only compared with a limit: a saturated product is still above every limit).
  /// Both factors must be non-negative.
  public func saturatingMultiplied(by other: Int) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    return overflow ? .max : product
  }

  /// `self + other` when it fits in an `Int`, else `Int.max` (both non-negative; see
  /// ``saturatingMultiplied(by:)``).
  public func saturatingAdding(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? .max : sum
  }
}

extension Int {
  /// The integer nearest to `x` rounded by `rule`, clamped to `Int.min…Int.max`, 0 for NaN:
  /// `Int(x)` traps for a NaN, infinite or out-of-range `x`; an advisory count derived
  /// from a measured value (a variance, an R̂) must not.
  public init(clamping x: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
    let r = x.rounded(rule)
    if r.isNaN {
      self = 0
    } else if r >= 9.223372036854775807e18 {
      self = .max
    } else if r <= -9.223372036854775808e18 {
      self = .min
    } else {
      self = Int(r)
    }
  }
}

extension InputError {
  /// The error for a parameter whose value makes a derived count overflow: `what`
  /// (e.g. "⌈n/k⌉·λ loss evaluations") would exceed the largest integer.
  public static func tooLarge(_ parameter: Parameter, value: Int, _ what: String) -> InputError {
    .parameter(parameter, value: "\(value)", problem: "\(value) is too large: \(what) would exceed the largest integer (\(Int.max))")
  }
}

extension Int {
  /// The integer nearest `x`, clamped to `range`: the one safe way to turn a computed coordinate
  /// (a plot column, a tick exponent, a glyph index) into an index. `Int(x.rounded())` traps on NaN,
  /// ±∞ and |x| ≥ 2⁶³; this never does (NaN gives `range.lowerBound`).
  public init(nearest x: Double, clampedTo range: ClosedRange<Int>) {
    if x.isNaN {
      self = range.lowerBound
    } else if x <= Double(range.lowerBound) {
      self = range.lowerBound
    } else if x >= Double(range.upperBound) {
      self = range.upperBound
    } else {
      self = Int(x.rounded())
    }
  }
}
