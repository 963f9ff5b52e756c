import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("ThresholdPolicy: the textual form")
struct ThresholdPolicyParsingTests {
  @Test("the four forms parse and print back")
  func roundTrip() throws {
    for (text, policy) in [
      ("precision", ThresholdPolicy.precisionRelative), ("gap", .largestGap), ("rel:0.25", .relative(0.25)),
      ("abs:3.0", .absolute(3)),
    ] {
      #expect(try ThresholdPolicy(parsing: text) == policy)
      #expect(policy.argument == text)
    }
  }

  @Test("bad values say what is wrong")
  func errors() {
    let cases: [(String, String)] = [
      ("foo", "expected precision, gap, rel:F or abs:T"),
      ("rel", "expected precision, gap, rel:F or abs:T"),
      ("abs:x", "'x' is not a number"),
      ("rel:2", "F = 2.0 must be in (0, 1) (τ = F·max|λ|)"),
      ("rel:0", "F = 0.0 must be in (0, 1) (τ = F·max|λ|)"),
      ("rel:-1", "F = -1.0 must be in (0, 1)"),
      ("abs:0", "T = 0.0 must be positive"),
      ("abs:inf", "T = inf must be positive and finite"),
    ]
    for (text, message) in cases {
      let error = #expect(throws: InputError.self, "\(text)") { try ThresholdPolicy(parsing: text) }
      #expect(error?.description == message, "\(text): \(String(describing: error))")
    }
  }
}
