import Testing
import HessianLab
@testable import HessianCore
@testable import HessianZoo

/// The symmetry count: ReLU rescaling tangents lie in the numerical null space of H; padding coordinates are
/// flat; the count's bound equals the computed rank on the fixtures' networks.
@Suite("NetworkSymmetryCount")
struct NetworkSymmetryCountTests {
  @Test("ReLU rescaling directions: ‖H v‖ ≤ 100·d·ε·‖H‖ (numerical null space), one per live hidden unit")
  func reluRescalings() throws {
    let l = try MultilayerPerceptronLandscape(spec: "mlp:3-6-4-2:act=relu:data=25:seed=3")
    let tangents = l.symmetries.rescalingTangents(network: l.network, at: l.minimum)
    #expect(tangents.count == l.symmetries.liveHiddenUnits)
    #expect(tangents.count == 5)  // default teacher 3-3-2-2, no dead unit on these data
    let h = try l.denseHessian(at: l.minimum)
    let hNorm = try SymmetricEigen.values(of: h).map(abs).max() ?? 0
    let bound = 100 * Double(l.dimension) * Double.ulpOfOne * hNorm
    for v in tangents {
      let hv = l.hessianVectorProduct(at: l.minimum, v)
      #expect(CentralDifference.norm(hv) <= bound * CentralDifference.norm(v), "‖Hv‖ = \(CentralDifference.norm(hv))")
    }
    // A direction that is not a rescaling (the incoming part only) is not in the null space.
    var half = tangents[0]  // a unit of layer 1: incoming weights in W_1, outgoing in W_2
    for i in l.network.offset(ofLayer: 1)..<half.count { half[i] = 0 }
    #expect(CentralDifference.norm(l.hessianVectorProduct(at: l.minimum, half)) > 1e3 * bound)
  }

  @Test("padding units: every weight touching one is flat; tanh has no continuous symmetry")
  func padding() throws {
    let l = try MultilayerPerceptronLandscape(spec: "mlp:3-4-2:act=tanh:data=20:seed=1")
    // Teacher 3-2-2 inside 3-4-2: 2 padding units with 3 incoming and 2 outgoing weights each.
    #expect(l.symmetries.flatCoordinates == 10)
    #expect(l.symmetries.rescalingDirections == 0)
    #expect(l.symmetries.rankBound == 10)
    let j = try JacobianRank(of: l.network.jacobian(l.minimum, inputs: l.inputs))
    #expect(j.rank == 10)
  }

  @Test("ReLU units active on every sample mix linearly: |S|² directions, not |S| (the mlp-relu-2-4-4-2 fixture)")
  func reluMixing() throws {
    let l = try MultilayerPerceptronLandscape(spec: "mlp:2-4-4-2:act=relu:data=20:seed=5")
    #expect(l.symmetries.liveHiddenUnits == 4 && l.symmetries.linearMixings == 2)
    #expect(l.symmetries.rankBound == 6)
    #expect(try JacobianRank(of: l.network.jacobian(l.minimum, inputs: l.inputs)).rank == 6)
    let other = try MultilayerPerceptronLandscape(spec: "mlp:2-4-4-2:act=relu:data=40:seed=7")
    #expect(other.symmetries.linearMixings == 0 && other.symmetries.rankBound == 8)
    #expect(other.knownAnswers.rank.value == 8)
  }

  @Test("the count is an upper bound: a ReLU coincidence it does not name leaves rank J below it")
  func upperBoundOnly() throws {
    let l = try MultilayerPerceptronLandscape(spec: "mlp:2-4-4-2:act=relu:data=40:seed=27")
    #expect(l.symmetries.rankBound == 8)
    #expect(l.knownAnswers.rank.value == 6)
    #expect(l.knownAnswers.rank.source.contains("is below the symmetry bound 8"))
  }

  @Test("a linear network: the DLN bound r(n₀ + n_L − r)")
  func linear() throws {
    let l = try MultilayerPerceptronLandscape(spec: "mlp:5-3-5:act=linear:data=30:seed=2:teacher=5-1-5")
    #expect(l.symmetries.rankBound == 9)
    #expect(l.knownAnswers.rank.value == 9)
  }
}
