import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore

/// The float32 loss: point and value rounded, within the stated first-order bound, counted like the exact loss.
@Suite("Float32 loss oracle")
struct Float32LossOracleTests {
  /// L(w) = 1 + ½·Σ wᵢ² (the offset makes the value's rounding visible): ∇L = w.
  static let exact = ClosureLossOracle(center: [0, 0, 0, 0]) { p in
    (0..<p.rows).map { r in 1 + 0.5 * (0..<p.columns).reduce(0.0) { $0 + p[r, $1] * p[r, $1] } }
  }

  @Test("values are float32 numbers within u·Σ|∂ᵢL·wᵢ| + u·|L| (+ second order) of the exact loss")
  func bound() throws {
    var rng = SeededGenerator(seed: 5)
    let p = Matrix(rows: 200, columns: 4, elements: rng.normals(800))
    let got = try Float32LossOracle(Self.exact).losses(at: p)
    let want = try Self.exact.losses(at: p)
    let u = Double(Float.ulpOfOne) / 2
    var sawRounding = false
    for r in 0..<200 {
      #expect(Double(Float(got[r])) == got[r])
      let w = (0..<4).map { p[r, $0] }
      // ∂ᵢL·wᵢ = wᵢ²; the second-order term ½Σ(u·wᵢ)² is below u²·‖w‖², covered by the factor 2.
      let bound = 2 * (u * w.reduce(0) { $0 + $1 * $1 } + u * abs(want[r]))
      #expect(abs(got[r] - want[r]) <= bound)
      if got[r] != want[r] { sawRounding = true }
    }
    #expect(sawRounding)  // power: the model really rounds
  }

  @Test("the parsed models build the oracles they name")
  func models() throws {
    #expect(try LossErrorModel(parsing: "exact") == .exact)
    #expect(try LossErrorModel(parsing: "float32") == .float32)
    #expect(try LossErrorModel(parsing: "noise:0.5") == .noise(sigma: 0.5))
    for bad in ["", "noise", "noise:", "noise:0", "noise:-1", "noise:nan", "noise:inf", "float16"] {
      #expect(throws: InputError.self) { try LossErrorModel(parsing: bad) }
    }
    #expect(LossErrorModel.float32.oracle(Self.exact, seed: 0) is Float32LossOracle)
    #expect((LossErrorModel.noise(sigma: 2).oracle(Self.exact, seed: 7) as? NoisyLossOracle)?.seed == 7)
    #expect(LossErrorModel.noise(sigma: 2).argument == "noise:2.0")
    #expect(LossErrorModel.noiseSeed(forRun: 1) != LossErrorModel.noiseSeed(forRun: 2))
  }
}
