import Foundation
import HessianLab
import Testing
import TestSupport

/// One generated bad value for one flag of one command.
struct BadValue: Sendable, CustomTestStringConvertible {
  let command: [String]
  let flag: String
  let value: String
  var arguments: [String] { command + ["\(flag)=\(value)"] }
  var testDescription: String { arguments.joined(separator: " ") }
}

@Suite("Generated bad values: exit 2 and one line naming the flag")
struct GeneratedBadValueTests {
  /// A bad-value generator: a command, a flag, and draws from the values the flag refuses.
  struct Family: Sendable {
    let command: [String]
    let flag: String
    let draw: @Sendable (inout SeededGenerator) -> String
  }

  static func integer(_ range: ClosedRange<Int>) -> @Sendable (inout SeededGenerator) -> String {
    { rng in "\(Int.random(in: range, using: &rng))" }
  }

  /// Outside (0, 1): at or below 0, at or above 1, or not finite.
  static func outsideUnitInterval(_ rng: inout SeededGenerator) -> String {
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: "\(-rng.nextUniform() * 10)"
    case 1: "\(1 + rng.nextUniform() * 10)"
    case 2: ["0", "1", "-0"][Int.random(in: 0..<3, using: &rng)]
    default: ["nan", "inf"][Int.random(in: 0..<2, using: &rng)]
    }
  }

  /// Not positive and finite.
  static func notPositive(_ rng: inout SeededGenerator) -> String {
    Int.random(in: 0..<3, using: &rng) == 0 ? ["0", "nan", "inf", "-inf"][Int.random(in: 0..<4, using: &rng)] : "\(-rng.nextUniform() * 100)"
  }

  static let covariance = ["covariance", "nc-x2", "--seed", "1"]
  static let families: [Family] = [
    Family(command: covariance + ["--kept", "10"], flag: "--population", draw: integer(-1000...1)),
    Family(command: covariance + ["--population", "10"], flag: "--kept", draw: integer(-1000...0)),
    Family(command: covariance + ["--population", "10", "--kept", "10"], flag: "--sigma", draw: notPositive),
    Family(command: covariance + ["--population", "10", "--kept", "10"], flag: "--workers", draw: integer(-64...0)),
    Family(command: covariance + ["--population", "10", "--kept", "10"], flag: "--mu", draw: integer(11...10_000)),
    Family(command: ["llc", "nc-x2", "--seed", "1"], flag: "--particles", draw: integer(-100...3)),
    Family(command: ["llc", "nc-x2", "--seed", "1"], flag: "--replicates", draw: integer(-100...0)),
    Family(command: ["llc", "nc-x2", "--seed", "1"], flag: "--epsilon-min", draw: outsideUnitInterval),
    Family(command: ["compare", "nc-x2", "--seed", "1"], flag: "--confidence", draw: outsideUnitInterval),
    Family(command: ["compare", "nc-x2", "--seed", "1"], flag: "--risk", draw: outsideUnitInterval),
    Family(command: ["compare", "nc-x2", "--seed", "1"], flag: "--sigma", draw: notPositive),
    Family(command: ["verify"], flag: "--budget", draw: outsideUnitInterval),
    Family(command: ["check", "nc-x2", "--quantity", "llc", "--value", "0.5", "--standard-error", "0.1"], flag: "--alpha", draw: outsideUnitInterval),
    Family(command: ["check", "nc-x2", "--quantity", "llc", "--value", "0.5"], flag: "--standard-error", draw: notPositive),
    Family(command: ["check", "nc-x2", "--quantity", "covariance-scale", "--value", "0.1", "--population", "10"], flag: "--sigma", draw: notPositive),
  ]

  /// Four seeded draws per family.
  static let cases: [BadValue] = {
    var rng = SeededGenerator(seed: 16)
    return families.flatMap { f in (0..<4).map { _ in BadValue(command: f.command, flag: f.flag, value: f.draw(&rng)) } }
  }()

  @Test("Refused with status 2, nothing on stdout, one line starting with the flag", arguments: cases)
  func refused(_ c: BadValue) throws {
    let r = try CommandRunner.run(c.arguments)
    #expect(r.status == 2, "\(r.standardError)")
    #expect(r.standardOutput.isEmpty)
    let lines = r.standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 1, "\(r.standardError)")
    #expect(r.standardError.hasPrefix("hessian-lab: error: \(c.flag)"), "\(r.standardError)")
  }
}
