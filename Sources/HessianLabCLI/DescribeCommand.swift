import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab describe LANDSCAPE [--json]`: the known answers of one landscape.
struct DescribeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "describe",
    abstract: "Print a landscape's known answers: d, rank, λ, m, provenance and the rank bounds on λ.")

  @Argument(help: "A zoo id, a fixture .json, a .npy Hessian, poly:EXPR, dln:W0-W1-…:rank=R, quad:… or sum:A|B.")
  var landscape: String

  @Flag(name: .long, help: "Print one JSON object.")
  var json = false

  func run() async throws {
    let l = try LandscapeSpec.resolve(landscape)
    let report = LandscapeReport(l)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      print(String(decoding: try encoder.encode(Versioned(base: report)), as: UTF8.self))
      return
    }
    func line(_ key: String, _ value: String, _ origin: LandscapeReport.Origin?) {
      let tail = origin.map { "  [\($0.provenance.rawValue): \($0.source)]" } ?? ""
      print("\(key.padding(toLength: 26, withPad: " ", startingAt: 0))\(value)\(tail)")
    }
    line("landscape", report.name, nil)
    if let p = l as? PolynomialLandscape { line("expanded", p.polynomial.description, nil) }
    line("dimension d", String(report.dimension), nil)
    line("rank H(w*)", report.rank.map(String.init) ?? "unknown", report.origins["rank"])
    line("learning coefficient", report.learningCoefficientExact ?? "unknown", report.origins["learningCoefficient"])
    line("multiplicity m", report.multiplicity.map(String.init) ?? "unknown", report.origins["multiplicity"])
    if let phrase = report.scope.phrase { line("λ and m are", phrase, nil) }
    if let lo = report.lowerBoundExact, let hi = report.upperBoundExact {
      line("bounds r/2 … r/2+(d−r)/4", "[\(lo), \(hi)]", nil)
    }
  }
}
