import Foundation

extension CalibrationReport {
  /// The human report: the settings and the statistics used, one row per landscape, a verdict line.
  public var text: String {
    var lines = [
      "external estimator: \(command)",
      "quantity: \(quantity.phrase); \(seeds) runs per landscape, seeds from master seed \(seed)",
      String(format: "overall false-failure probability P = %.3g, split (Bonferroni) over ", falseFailureProbability)
        + "\(landscapes.count) landscape\(landscapes.count == 1 ? "" : "s") × \(testsPerLandscape) test\(testsPerLandscape == 1 ? "" : "s"): "
        + String(format: "p = %.3g per test", perTestFalseFailureProbability),
    ]
    lines += statisticsLines
    lines.append("")
    lines += quantity == .llc ? llcTable : rankTable
    lines.append("")
    lines.append(
      passed
        ? "verdict: pass on all \(landscapes.count) landscape\(landscapes.count == 1 ? "" : "s")"
        : "verdict: FAIL on \(failures) of \(landscapes.count) landscape\(landscapes.count == 1 ? "" : "s") (exit status 1)")
    return lines.joined(separator: "\n")
  }

  /// What the tests are, in two or three lines.
  var statisticsLines: [String] {
    switch quantity {
    case .llc:
      [
        "bias: d̄ = mean(value − λ), se = sd/√n, pass when |d̄/se| ≤ t_{n−1}(1 − p/2) (two-sided t-test)",
        "coverage: runs with |value − λ| ≤ 1.96·SE, pass when the two-sided Clopper–Pearson interval at p contains 0.95",
      ]
    case .rank:
      [
        String(
          format: "exactness: runs returning the known rank; pass unless the Clopper–Pearson upper bound on P(exact) at p is below c = %.3g",
          confidence ?? 0),
        "(established: the lower bound at p is ≥ c, as compare reports it)",
      ]
    }
  }

  private var width: Int { max(20, landscapes.map(\.landscape.count).max() ?? 0) }

  private func padded(_ s: String, _ w: Int) -> String { s.padding(toLength: max(w, s.count), withPad: " ", startingAt: 0) }

  private var llcTable: [String] {
    var rows = [
      padded("landscape", width) + "  " + padded("λ", 6) + "  " + padded("bias ± se", 20) + "  " + padded("|t| ≤ crit", 16)
        + "  " + padded("coverage", 9) + "  " + padded("Clopper–Pearson", 16) + "  verdict"
    ]
    for l in landscapes {
      guard let b = l.bias, let c = l.coverage else { continue }
      let t = abs(b.t) >= .greatestFiniteMagnitude ? "inf" : String(format: "%.2f", abs(b.t))
      rows.append(
        padded(l.landscape, width) + "  " + padded(l.truth.exact, 6) + "  "
          + padded(String(format: "%+.4f ± %.4f", b.mean, b.standardError), 20) + "  "
          + padded("\(t) \(b.passed ? "≤" : ">") \(String(format: "%.2f", b.critical))", 16) + "  "
          + padded("\(c.covered)/\(c.runs)", 9) + "  " + padded(String(format: "[%.3f, %.3f]", c.lower, c.upper), 16) + "  "
          + (l.passed ? "pass" : "FAIL (\(l.failedTests.joined(separator: ", ")))"))
    }
    return rows
  }

  private var rankTable: [String] {
    var rows = [
      padded("landscape", width) + "  " + padded("rank", 6) + "  " + padded("exact", 9) + "  " + padded("Clopper–Pearson", 16)
        + "  " + padded("established", 11) + "  verdict"
    ]
    for l in landscapes {
      guard let e = l.exactness else { continue }
      rows.append(
        padded(l.landscape, width) + "  " + padded(l.truth.exact, 6) + "  " + padded("\(e.exact)/\(e.runs)", 9) + "  "
          + padded(String(format: "[%.3f, %.3f]", e.lower, e.upper), 16) + "  " + padded(e.established ? "yes" : "no", 11) + "  "
          + (l.passed ? "pass" : "FAIL (exactness)"))
    }
    return rows
  }
}
