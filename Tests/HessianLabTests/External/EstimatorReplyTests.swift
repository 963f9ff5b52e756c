import Foundation
import Testing

import HessianLab
@testable import HessianVerification

@Suite("EstimatorReply: the one JSON object an external estimator prints")
struct EstimatorReplyTests {
  static func parse(_ text: String, _ q: CalibrationQuantity = .llc) throws(EstimatorReply.Problem) -> EstimatorReply {
    try EstimatorReply.parse(Array(text.utf8), for: q)
  }

  @Test("Good answers: one line, pretty-printed, after stray lines, extra keys, rank without SE")
  func good() throws {
    #expect(try Self.parse(#"{"value": 8.1, "standardError": 0.2}"#) == EstimatorReply(value: 8.1, standardError: 0.2))
    #expect(try Self.parse("{\n  \"value\" : 1,\n  \"standardError\" : 0\n}\n").value == 1)
    #expect(try Self.parse("step 1\nstep 2\n{\"value\": 2, \"standardError\": 0.1, \"chains\": 4}\n").value == 2)
    #expect(try Self.parse(#"{"value": 14}"#, .rank) == EstimatorReply(value: 14, standardError: nil))
    #expect(try Self.parse(#"{"value": 14.0, "standardError": null}"#, .rank).value == 14)
  }

  struct Bad: Sendable, CustomTestStringConvertible {
    var text: String
    var quantity: CalibrationQuantity
    var says: String
    var testDescription: String { text }
  }

  static let bad: [Bad] = [
    Bad(text: "", quantity: .llc, says: "printed nothing"),
    Bad(text: "8.1\n", quantity: .llc, says: "printed no JSON object"),
    Bad(text: "[1, 2]", quantity: .llc, says: "printed no JSON object"),
    Bad(text: #"{"estimate": 1}"#, quantity: .llc, says: "has no \"value\""),
    Bad(text: #"{"value": "8"}"#, quantity: .llc, says: "\"value\" is not a number (the string \"8\")"),
    Bad(text: #"{"value": true, "standardError": 1}"#, quantity: .llc, says: "\"value\" is not a number (true)"),
    Bad(text: #"{"value": NaN, "standardError": 1}"#, quantity: .llc, says: "\"value\" is nan, not a finite number"),
    Bad(text: #"{"value": Infinity, "standardError": 1}"#, quantity: .llc, says: "\"value\" is inf, not a finite number"),
    Bad(text: #"{"value": 1, "standardError": -0.5}"#, quantity: .llc, says: "\"standardError\" is -0.5, not a finite number ≥ 0"),
    Bad(text: #"{"value": 1}"#, quantity: .llc, says: "has no \"standardError\""),
    Bad(text: #"{"value": 13.5}"#, quantity: .rank, says: "13.5 is not a rank"),
    Bad(text: #"{"value": -1}"#, quantity: .rank, says: "-1.0 is not a rank"),
  ]

  @Test("Unusable answers say what is wrong", arguments: bad)
  func refused(_ b: Bad) {
    do {
      _ = try Self.parse(b.text, b.quantity)
      Issue.record("accepted \(b.text)")
    } catch {
      #expect(error.text.contains(b.says), "\(error.text)")
    }
  }
}
