import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab rank`: the numerical rank of a Hessian, with the threshold,
/// the eigenvalues on either side of it and the gap ratio always shown.
struct RankCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rank",
    abstract: "Numerical rank of a symmetric matrix (a Hessian at a minimum).",
    discussion: """
      The rank is the number of eigenvalues with |λ| > τ. By default \
      τ = max|λ|·d·ε with ε of the input's precision (2^-52 for float64, \
      2^-23 for float32 files). Other policies: --threshold gap | rel:F | abs:T.
      """
  )

  enum Method: String, ExpressibleByArgument, CaseIterable {
    case dense
  }

  @Argument(help: "A .npy file holding a symmetric matrix (float64 or float32).")
  var input: String

  @Option(help: "Rank method.")
  var method: Method = .dense

  @Option(help: "Threshold policy: precision, gap, rel:F or abs:T.")
  var threshold: ThresholdOption = ThresholdOption(policy: .precisionRelative)

  @Flag(help: "Print one JSON object instead of the human report.")
  var json = false

  func run() async throws {
    let clock = ContinuousClock()
    let start = clock.now
    let file = try HessianFile(path: input)
    let eigenvalues: [Double]
    do {
      eigenvalues = try SymmetricEigen.values(of: file.matrix)
    } catch {
      throw InputError("\(file.source): eigendecomposition failed: \(error)")
    }
    let decision = NumericalRank.decide(
      eigenvalues: eigenvalues, dimension: file.matrix.rows, precision: file.precision,
      policy: threshold.policy)
    let elapsed = start.duration(to: clock.now)
    let report = RankReport(
      rank: decision.rank, dimension: file.matrix.rows, method: method.rawValue,
      threshold: decision.threshold, thresholdPolicy: threshold.policy.summary,
      precision: file.precision.rawValue, eigenvalues: eigenvalues,
      smallestCounted: decision.smallestCounted, largestUncounted: decision.largestUncounted,
      gapRatio: decision.gapRatio.flatMap { $0.isFinite ? $0 : nil },
      hessianVectorProducts: 0, converged: true, warnings: decision.warnings, seed: nil,
      seconds: Double(elapsed.components.attoseconds) * 1e-18 + Double(elapsed.components.seconds))
    if json {
      print(try report.jsonString())
    } else {
      print(report.humanText(source: file.source))
    }
  }
}

/// The result of `rank`, as printed with `--json`.
struct RankReport: Codable {
  var rank: Int
  var dimension: Int
  var method: String
  var threshold: Double
  var thresholdPolicy: String
  var precision: String
  var eigenvalues: [Double]
  var smallestCounted: Double?
  var largestUncounted: Double?
  /// null when the uncounted eigenvalues are exactly zero (an unbounded gap) or absent.
  var gapRatio: Double?
  var hessianVectorProducts: Int
  var converged: Bool
  var warnings: [String]
  var seed: UInt64?
  var seconds: Double

  func jsonString() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  func humanText(source: String) -> String {
    func g(_ x: Double?) -> String { x.map { String(format: "%.4g", $0) } ?? "—" }
    var lines = [
      "\(source): rank \(rank) of d = \(dimension)  (method \(method), \(precision) input)",
      "threshold τ = \(g(threshold))  [\(thresholdPolicy)]",
      "smallest counted |λ| = \(g(smallestCounted)), largest uncounted |λ| = \(g(largestUncounted)), gap ratio \(gapRatio.map { String(format: "%.3g", $0) } ?? (largestUncounted == 0 ? "∞" : "—"))",
    ]
    let shown = eigenvalues.count <= 12 ? eigenvalues : Array(eigenvalues.suffix(12))
    lines.append(
      (eigenvalues.count <= 12 ? "eigenvalues (ascending): " : "largest 12 eigenvalues (ascending): ")
        + shown.map { String(format: "%.4g", $0) }.joined(separator: " "))
    lines += warnings.map { "warning: \($0)" }
    return lines.joined(separator: "\n")
  }
}
