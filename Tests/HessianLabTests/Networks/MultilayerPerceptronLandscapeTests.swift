import Testing
import HessianLab
@testable import HessianCore
@testable import HessianZoo

/// A linear `mlp:` against the corresponding `dln:`, and the parameter layout.
@Suite("MultilayerPerceptronLandscape")
struct MultilayerPerceptronLandscapeTests {
  static let pairs: [(mlp: String, dln: String)] = [
    ("mlp:3-2-3:act=linear:data=20:seed=4:teacher=3-1-3", "dln:3-2-3:rank=1"),
    ("mlp:5-3-5:act=linear:data=30:seed=2:teacher=5-1-5", "dln:5-3-5:rank=1"),
    ("mlp:4-4-4-4:act=linear:data=20:seed=8:teacher=4-1-1-4", "dln:4-4-4-4:rank=1"),
    ("mlp:3-10-3:act=linear:data=10:seed=6:teacher=3-2-3", "dln:3-10-3:rank=2"),
  ]

  @Test("a linear mlp: has the dln:'s rank, λ and m", arguments: pairs.map(\.mlp))
  func linearAgreesWithDLN(_ spec: String) throws {
    let dlnSpec = try #require(Self.pairs.first { $0.mlp == spec }?.dln)
    let m = try MultilayerPerceptronLandscape(spec: spec), d = try DeepLinearNetworkLandscape(spec: dlnSpec)
    #expect(m.dimension == d.dimension)
    #expect(m.knownAnswers.rank.value == d.knownAnswers.rank.value)
    #expect(m.knownAnswers.learningCoefficient.value == d.knownAnswers.learningCoefficient.value)
    #expect(m.knownAnswers.learningCoefficient.provenance == .theorem)
    #expect(m.knownAnswers.multiplicity.value == d.knownAnswers.multiplicity.value)
  }

  @Test("a linear mlp:'s loss is the DLN loss on the data: ½ tr(R Σ̂ Rᵀ), R = W_L⋯W_1 − P*, Σ̂ = XXᵀ/N")
  func linearLoss() throws {
    let m = try MultilayerPerceptronLandscape(spec: "mlp:3-2-3:act=linear:data=20:seed=4:teacher=3-1-3")
    let dln = try DeepLinearNetworkLandscape(spec: "dln:3-2-3:rank=1")
    var rng = SeededGenerator(seed: 3)
    let star = dln.layers(m.minimum)  // same widths, same layout
    let target = BLAS.multiply(star[1], .none, star[0], .none)
    var sigma = BLAS.multiply(m.inputs, .none, m.inputs, .transpose)
    for i in sigma.elements.indices { sigma.elements[i] /= Double(m.inputs.columns) }
    for _ in 0..<3 {
      let w = rng.normals(m.dimension)
      let ws = dln.layers(w)
      let r = BLAS.multiply(ws[1], .none, ws[0], .none) - target
      let rs = BLAS.multiply(BLAS.multiply(r, .none, sigma, .none), .none, r, .transpose)
      let expected = 0.5 * (0..<rs.rows).reduce(0) { $0 + rs[$1, $1] }
      #expect(abs(m.loss(at: w) - expected) <= 1e-12 * max(expected, 1))
    }
    // With whitened data (Σ̂ = I) this is ½‖R‖²_F, dln:'s loss up to the factor ½ and the target.
  }

  @Test("parameter layout: entry (i, j) of W_l is w[o_l + i·n_{l−1} + j]")
  func layout() throws {
    let net = MultilayerPerceptron(widths: [3, 4, 2], activation: .tanh)
    #expect(net.parameterCount == 20 && net.offset(ofLayer: 1) == 12)
    let w = (0..<20).map(Double.init)
    let ws = net.layers(w)
    #expect(ws[0][1, 2] == 5 && ws[1][1, 3] == 19)
    #expect(net.flatten(ws) == w)
  }

  @Test("the nonlinear λ is unknown and says the bounds apply; the rank source names the symmetry count")
  func provenance() throws {
    let l = try MultilayerPerceptronLandscape(spec: "mlp:3-6-2:act=relu:data=30:seed=2")
    #expect(l.knownAnswers.learningCoefficient.provenance == .unknown)
    #expect(l.knownAnswers.learningCoefficient.source.contains("rank bounds"))
    #expect(l.knownAnswers.rank.source.contains("ReLU rescalings"))
    #expect(!l.knownAnswers.rank.source.contains("theorem"))
  }
}
