import Foundation
import Testing

@testable import hessian_lab

/// A report field that JSON cannot represent is refused with a message naming the
/// field, never Foundation's `EncodingError` text.
@Suite("JSONOutput: encoding failures name the field")
struct JSONOutputTests {
  struct Inner: Encodable { var threshold: Double }
  struct Report: Encodable {
    var rank = 2
    var result: Inner
    var values: [Double]
  }

  @Test("Non-finite numbers in any field", arguments: [Double.infinity, -Double.infinity, Double.nan])
  func nonFinite(value: Double) throws {
    let cases: [(Report, String)] = [
      (Report(result: Inner(threshold: value), values: [1]), "result.threshold"),
      (Report(result: Inner(threshold: 1), values: [1, 2, value]), "values[2]"),
    ]
    for (report, field) in cases {
      do {
        _ = try JSONOutput.string(report)
        Issue.record("encoded \(value) without an error")
      } catch {
        #expect(error.message.hasPrefix("--json: the report's field \(field) is "), "\(error.message)")
        #expect(!error.message.contains("EncodingError") && !error.message.contains("\n"))
      }
    }
    // The deliberate encoding some reports choose: strings for non-finite values.
    let text = try JSONOutput.string(
      Report(result: Inner(threshold: value), values: []),
      nonFinite: .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"))
    #expect(text.contains("\"threshold\" : \"") )
  }
}
