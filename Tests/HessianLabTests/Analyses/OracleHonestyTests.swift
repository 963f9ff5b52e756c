import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo
import TestSupport

/// Nothing about a model behind an oracle is known in advance, so no report on one may say
/// "exact" or "theorem" (in its text or its JSON, keys included): every number is an estimate.
@Suite("Oracle honesty: no report on an oracle claims an exact or theorem answer")
struct OracleHonestyTests {
  static let forbidden = ["exact", "theorem"]

  /// The text and the JSON of every command's report on `oracle`.
  static func outputs(_ oracle: InProcessModelOracle) async throws -> [(String, String)] {
    let subject = AnalysisSubject(oracle: oracle)
    let encoder = JSONEncoder()
    func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
    var out: [(String, String)] = []
    for method in [RankMethod.dense, .block, .lanczos, .power, .slq] {
      // slq with 3 probes of at most 2 steps: both of its warnings that say "exact" on a landscape.
      let r = try RankAnalysis.run(subject, options: .init(method: method, seed: 1, steps: method == .slq ? 2 : nil, probes: 3))
      out.append(("rank \(method)", r.text + "\n" + (try json(r))))
    }
    for mode in [SpectrumAnalysis.Mode.extremes(.top, count: 2), .extremes(.bottom, count: 2), .density] {
      let s = try SpectrumAnalysis.run(subject, options: .init(mode: mode, probes: 4, seed: 1))
      out.append(("spectrum \(mode)", s.text + "\n" + (try json(s))))
    }
    let c = try await CovarianceAnalysis.run(
      subject, options: .init(population: 6, kept: 40, diagnosticKept: 20, hessianComparison: .knownOrExactProducts, seed: 1))
    out.append(("covariance", c.humanText() + "\n" + (try json(c))))
    let p = try await CovarianceAnalysis.plan(subject, options: .init(population: 6, kept: 20, seed: 1))
    out.append(("covariance --plan", p.humanText() + "\n" + (try json(p))))
    var llc = LLCAnalysis.Options(seed: 1)
    llc.volume.splitting.particles = 16
    llc.volume.replicates = 2
    llc.volume.epsilonMin = 1e-4
    llc.sgld.chains = 2
    llc.sgld.steps = 200
    llc.sgld.burnIn = 50
    let l = try LLCAnalysis.run(subject, options: llc)
    out.append(("llc", l.text + "\n" + (try json(l))))
    var compare = CompareAnalysis.Options()
    compare.configuration.confidence = 0.8
    compare.configuration.risk = 0.2
    compare.configuration.keptCapFactor = 8
    compare.configuration.population = 8
    compare.configuration.slqProbeCap = 4
    let m = try await CompareAnalysis.run(subjects: [subject], options: compare)
    out.append(("compare", m.text + "\n" + (try json(m))))
    let d = try DescribeAnalysis.run(subject)
    out.append(("describe", d.text + "\n" + (try json(d))))
    return out
  }

  @Test("every command on an in-process oracle: no 'exact', no 'theorem'", arguments: [Precision.float64, .float32])
  func noExactOrTheorem(_ precision: Precision) async throws {
    let oracle = OracleFixtures.quadratic(precision: precision)
    for (command, output) in try await Self.outputs(oracle) {
      for word in Self.forbidden {
        #expect(!output.lowercased().contains(word), "\(command) says '\(word)':\n\(output)")
      }
      #expect(output.contains("trustChecks") && output.contains("\"provenance\":\"unknown\""), "\(command)")
    }
  }

  @Test("the same commands on the landscape itself do say 'exact' somewhere (the test can fail)")
  func landscapeSaysExact() throws {
    let land = try KrylovFixtures.quadratic("q", [4, 2, 0.5], d: 8)
    var options = LLCAnalysis.Options(seed: 1)
    options.method = .bounds
    let text = try LLCAnalysis.run(land, options: options).text
    #expect(text.contains("exact"))
  }
}
