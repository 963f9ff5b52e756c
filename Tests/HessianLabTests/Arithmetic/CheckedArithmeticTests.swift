import Testing

@testable import HessianCore

/// The checked and saturating integer operations at the edges of `Int`.
@Suite("Checked arithmetic")
struct CheckedArithmeticTests {
  static let edges = [0, 1, -1, 2, Int.max, Int.min, Int.max / 2, Int.max / 2 + 1, Int.min + 1, 1 << 32]
  static let error = InputError.tooLarge(.kept, value: 0, "a test")

  @Test("adding, subtracting and multiplied(by:) equal the exact result or throw, never trap")
  func checkedAgreeWithReportingOverflow() {
    for a in Self.edges {
      for b in Self.edges {
        let sum = a.addingReportingOverflow(b)
        #expect((try? a.adding(b, orThrow: Self.error)) == (sum.overflow ? nil : sum.partialValue))
        let diff = a.subtractingReportingOverflow(b)
        #expect((try? a.subtracting(b, orThrow: Self.error)) == (diff.overflow ? nil : diff.partialValue))
        let product = a.multipliedReportingOverflow(by: b)
        #expect((try? a.multiplied(by: b, orThrow: Self.error)) == (product.overflow ? nil : product.partialValue))
      }
    }
  }

  @Test("ceilingDivided(by:) is ⌈a/b⌉ up to Int.max")
  func ceiling() {
    #expect(Int.max.ceilingDivided(by: 1) == Int.max)
    #expect(Int.max.ceilingDivided(by: 2) == Int.max / 2 + 1)
    #expect(7.ceilingDivided(by: 3) == 3)
    #expect(6.ceilingDivided(by: 3) == 2)
    #expect(0.ceilingDivided(by: 5) == 0)
  }

  @Test("Saturating operations stop at Int.max")
  func saturating() {
    #expect(Int.max.saturatingMultiplied(by: 2) == Int.max)
    #expect(Int.max.saturatingAdding(1) == Int.max)
    #expect(3.saturatingMultiplied(by: 4) == 12)
  }

  @Test("The error names the parameter and the value")
  func errorNames() {
    let e = InputError.tooLarge(.seeds, value: Int.max, "seeds·levels")
    #expect(e.parameter == .seeds)
    #expect(e.description.contains("\(Int.max)"))
  }
}

/// `Int(clamping:rounding:)` at the edges of `Double`.
@Suite("Clamped conversion")
struct ClampedConversionTests {
  @Test("NaN, ±∞ and out-of-range values clamp; in-range values round by the rule")
  func edges() {
    #expect(Int(clamping: .nan) == 0)
    #expect(Int(clamping: .infinity) == .max)
    #expect(Int(clamping: -.infinity) == .min)
    #expect(Int(clamping: 1e300) == .max)
    #expect(Int(clamping: -1e300) == .min)
    #expect(Int(clamping: 9.223372036854775807e18) == .max)
    #expect(Int(clamping: 2.5) == 3)
    #expect(Int(clamping: 2.1, rounding: .up) == 3)
    #expect(Int(clamping: -2.5) == -3)
  }
}
