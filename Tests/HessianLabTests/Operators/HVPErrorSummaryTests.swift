import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore

/// The summary a report carries: absent for exact products, the model's fields otherwise.
@Suite("HVP error summary")
struct HVPErrorSummaryTests {
  @Test("exact: nil; float32: native or emulated; finite differences: step, counts and accuracies")
  func summaries() throws {
    let h = MatrixOperator(Matrix(rowArrays: [[2, 0], [0, 1]]))
    #expect(HVPErrorSummary(of: h) == nil)
    #expect(HVPErrorSummary(of: Float32Hessian(h))?.nativeSinglePrecision == true)
    #expect(HVPErrorSummary(of: Float32Hessian(ClosureOperator(dimension: 2) { try h.apply($0) }))?.nativeSinglePrecision == false)
    let oracle = ClosureLossOracle(
      center: [0, 0], losses: { p in (0..<p.rows).map { r in p[r, 0] * p[r, 0] + 0.5 * p[r, 1] * p[r, 1] } },
      gradients: { p in
        var g = p
        for r in 0..<p.rows { g[r, 0] = 2 * p[r, 0] }
        return g
      })
    let fd = FiniteDifferenceHessian(oracle, scheme: .forward, step: 1e-3)
    _ = try fd.apply(Matrix(rowArrays: [[1], [1]]))
    let s = try #require(HVPErrorSummary(of: fd))
    #expect(s.model == "finite-difference" && s.scheme == .forward && s.step == 1e-3)
    #expect(s.gradientEvaluations == 3 && s.accuracy == fd.accuracy)
    #expect(s.line.contains("forward"))
  }
}
