import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// `mlp:…:train=STEPS`: the trained reference point, its statement (gradient norm, loss, steps) and the
/// not-converged warning.
@Suite("NetworkTraining")
struct NetworkTrainingTests {
  /// The zoo fixture mlp-tanh-trained.
  static let fixture = "mlp:2-2-1:act=tanh:data=20:seed=1:teacher=2-2-1:train=500"

  @Test("training reduces the loss and reaches the gradient tolerance on the fixture")
  func converges() throws {
    let l = try MultilayerPerceptronLandscape(spec: Self.fixture)
    let t = try #require(l.training)
    #expect(t.result.converged && t.result.stopReason == .gradientTolerance)
    #expect(t.result.gradientNorm <= NetworkTraining.gradientTolerance)
    #expect(t.result.iterations <= t.steps)
    #expect(t.result.loss < t.result.initialLoss)
    // The reference point is the trained one, and its gradient, recomputed independently of the optimizer's
    // bookkeeping, is the one reported.
    #expect(l.minimum == t.result.point && l.minimum != t.start)
    let g = l.gradient(at: l.minimum)
    #expect(g.reduce(0) { $0 + $1 * $1 }.squareRoot() == t.result.gradientNorm)
    #expect(l.referencePointWarnings.isEmpty)
    // The start is child stream 2 of the seed, N(0, 1/fan-in) in layout order.
    var stream = SeededGenerator(seed: 1).child(2)
    #expect(t.start[0] == stream.nextNormal() / 2.0.squareRoot())
  }

  @Test("the same spec gives the same trained point bit for bit, built alone or from 4 concurrent tasks")
  func deterministic() async throws {
    let alone = try MultilayerPerceptronLandscape(spec: Self.fixture).minimum
    let parallel = try await withThrowingTaskGroup(of: [Double].self) { group in
      for _ in 0..<4 { group.addTask { try MultilayerPerceptronLandscape(spec: Self.fixture).minimum } }
      var out: [[Double]] = []
      for try await m in group { out.append(m) }
      return out
    }
    for m in parallel { #expect(m.map(\.bitPattern) == alone.map(\.bitPattern)) }
    // Another seed trains elsewhere (the comparison can fail).
    let other = try MultilayerPerceptronLandscape(spec: "mlp:2-2-1:act=tanh:data=20:seed=2:teacher=2-2-1:train=500").minimum
    #expect(other != alone)
  }

  @Test("too few steps: not converged, and the warning reaches the landscape, rank, spectrum and llc")
  func notConverged() throws {
    let l = try MultilayerPerceptronLandscape(spec: "mlp:2-2-1:act=tanh:data=20:seed=1:teacher=2-2-1:train=3")
    let t = try #require(l.training)
    #expect(!t.result.converged && t.result.iterations == 3 && t.result.stopReason == .iterationLimit)
    #expect(t.result.gradientNorm > NetworkTraining.gradientTolerance)
    #expect(l.referencePointWarnings.map(\.code) == [.trainingNotConverged])
    let rank = try RankAnalysis.run(l, options: .init(method: .dense))
    #expect(rank.result.warnings.first?.code == .trainingNotConverged)
    #expect(rank.training?.converged == false)
    let spectrum = try SpectrumAnalysis.run(l, options: .init(mode: .extremes(.top, count: 2), seed: 1))
    #expect(spectrum.warnings.first?.code == .trainingNotConverged)
    var llcOptions = LLCAnalysis.Options(seed: 1)
    llcOptions.method = .bounds
    #expect(try LLCAnalysis.run(l, options: llcOptions).warnings.first?.code == .trainingNotConverged)
    let summary = try #require(DescribeAnalysis.run(l).answers.training)
    #expect(summary.gradientNorm == t.result.gradientNorm && summary.steps == 3 && !summary.converged)
  }

  @Test("an overparameterised trained point: converged, yet no spectral gap near τ (noSpectralGap), the count above rank J")
  func noGapAtTrainedPoint() throws {
    // d = 40 weights, N·n_L = 20 residuals: rank J ≤ 20, while the residual term spreads the other eigenvalues
    // continuously through τ, so the count at τ is a property of τ (seeds 1–8 of this spec: 6 show no gap
    // ratio above 5 near τ; seeds 1 and 6 happen to leave a ratio of 17 and 43 there).
    let l = try MultilayerPerceptronLandscape(spec: "mlp:3-8-2:act=tanh:data=10:seed=2:train=5000")
    #expect(l.training?.result.converged == true)
    let report = try RankAnalysis.run(l, options: .init(method: .dense))
    #expect(report.result.warnings.map(\.code).contains(.noSpectralGap))
    #expect(report.result.spectralGap.map { $0.ratio < NumericalRank.fragileGapRatio } == true)
    let rankJ = try #require(l.knownAnswers.rank.value)
    #expect(rankJ <= 20 && report.result.rank > rankJ)
  }

  @Test("the known answers at a trained point: rank computed (J by SVD), λ and m unknown")
  func knownAnswers() throws {
    let l = try MultilayerPerceptronLandscape(spec: Self.fixture)
    #expect(l.knownAnswers.rank.provenance == .computed && l.knownAnswers.rank.value == 6)
    #expect(l.knownAnswers.rank.source.contains("trained point"))
    #expect(l.knownAnswers.learningCoefficient.value == nil && l.knownAnswers.multiplicity.value == nil)
    // Independently: the dense Hessian at the trained point (d exact HVPs) has rank 6 with a clear gap.
    let decision = NumericalRank.decide(eigenvalues: try SymmetricEigen.values(of: try l.denseHessian(at: l.minimum)), dimension: 6)
    #expect(decision.rank == 6 && decision.warnings.isEmpty)
  }

  @Test("train= values outside 1…100,000 are refused naming the spec", arguments: ["0", "-1", "100001", "9223372036854775807", "nan", "inf", "", "2.5"])
  func refused(_ value: String) {
    let spec = "mlp:2-2-1:act=tanh:data=20:seed=1:train=\(value)"
    #expect { _ = try MultilayerPerceptronLandscape(spec: spec) } throws: { error in
      let text = (error as? InputError)?.description ?? ""
      return text.contains(spec) && (text.contains("train=") || text.contains("empty"))
    }
  }

  @Test("training work above the flop ceiling is refused before any work")
  func budget() {
    let spec = "mlp:200-200-10:act=tanh:data=20000:seed=1:train=100000"
    #expect { _ = try MultilayerPerceptronLandscape(spec: spec) } throws: { error in
      (error as? InputError)?.description.contains("train=100000 L-BFGS steps") == true
    }
  }
}
