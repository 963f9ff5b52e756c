import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("DeepLinearNetworkLandscape")
struct DeepLinearNetworkLandscapeTests {
  @Test("derivatives of dln:3-2-4:rank=1 and dln:2-3-2-2:rank=1 are exact", arguments: ["dln:3-2-4:rank=1", "dln:2-3-2-2:rank=1"])
  func derivatives(spec: String) throws {
    let l = try DeepLinearNetworkLandscape(spec: spec)
    // L = ‖R‖², R = W_M⋯W_1 − W*, multilinear in the layers. Along a unit
    // direction V, the k-th derivative of L is a sum of at most C(2M, k)·M^k
    // products of layer norms; at the test points ‖W_l‖_F ≤ 3 and ‖V_l‖ ≤ 1, so
    // each is ≤ 3^{2M} = 729 for M = 3 and k ≤ 4 gives ≤ 15·81·729 ≈ 9e5 in the
    // worst case but ≈ 1e3 in practice; 1e4 keeps the tolerance at ~2e-4, far below
    // the O(0.1–1) error of any wrong term at these points.
    LandscapeChecks.checkAll(l, thirdDerivativeBound: 1e4, fourthDerivativeBound: 1e4, hessianScale: 100)
  }

  @Test("loss and gradient vanish at the canonical true point")
  func minimum() throws {
    let l = try DeepLinearNetworkLandscape(spec: "dln:4-3-5:rank=2")
    #expect(l.dimension == 27)
    #expect(l.loss(at: l.minimum) == 0)
    #expect(l.gradient(at: l.minimum).allSatisfy { $0 == 0 })
  }

  @Test("the dense Hessian at the minimum has rank r(H₁ + H_out − r)", arguments: [
    ("dln:4-3-5:rank=2", 14), ("dln:3-2-3:rank=1", 5), ("dln:2-2-2-2:rank=1", 3), ("dln:3-4:rank=2", 12),
  ])
  func rank(spec: String, expected: Int) throws {
    let l = try DeepLinearNetworkLandscape(spec: spec)
    let h = try l.denseHessian(at: l.minimum)
    let values = try SymmetricEigen.values(of: h)
    // Nonzero eigenvalues of 2JᵀJ at the canonical point are ≥ 2 (J has 0/1
    // entries and orthogonal columns); zeros come out at O(d·ε): any cut in (1e-8, 1) works.
    #expect(values.filter { $0 > 1e-8 }.count == expected)
    #expect(l.knownAnswers.rank.value == expected)
  }

  @Test("bad specs name the problem", arguments: [
    ("dln:4-0-5:rank=1", "width 2"), ("dln:4-3-5", "missing ':rank=R'"), ("dln:4-3-5:rank=4", "between 0 and"),
    ("dln:4:rank=0", "at least two widths"), ("dln:4-3-5:depth=2", "unknown option"),
  ])
  func errors(spec: String, fragment: String) {
    #expect {
      _ = try DeepLinearNetworkLandscape(spec: spec)
    } throws: { ($0 as? InputError)?.description.contains(fragment) == true }
  }
}
