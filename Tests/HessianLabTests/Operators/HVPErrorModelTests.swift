import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore

/// The error models' parsing, the operators they build, and the test: a finite-difference
/// step too large for the loss is caught by the rank threshold, not counted as curvature.
@Suite("HVP error models")
struct HVPErrorModelTests {
  /// L(w) = w₀² + w₁⁴ at 0: H = diag(2, 0), rank 1. Central differences along e₁ give
  /// (4h³ − (−4h³))/(2h) = 4h², a spurious eigenvalue of the difference "Hessian" diag(2, 4h²).
  static let quartic = ClosureLossOracle(
    center: [0, 0],
    losses: { p in (0..<p.rows).map { r in pow(p[r, 0], 2) + pow(p[r, 1], 4) } },
    gradients: { p in
      var g = Matrix(rows: p.rows, columns: 2)
      for r in 0..<p.rows {
        g[r, 0] = 2 * p[r, 0]
        g[r, 1] = 4 * pow(p[r, 1], 3)
      }
      return g
    })

  @Test("parsing: every valid form, and its argument round trip")
  func parsing() throws {
    let cases: [(String, HVPErrorModel)] = [
      ("exact", .exact), ("float32", .float32),
      ("finite-difference", .finiteDifference(step: nil, scheme: .central)),
      ("finite-difference:h=0.001", .finiteDifference(step: 0.001, scheme: .central)),
      ("finite-difference:scheme=forward", .finiteDifference(step: nil, scheme: .forward)),
      ("finite-difference:h=1e-4:scheme=forward", .finiteDifference(step: 1e-4, scheme: .forward)),
      ("finite-difference:scheme=central:h=2", .finiteDifference(step: 2, scheme: .central)),
    ]
    for (text, model) in cases {
      #expect(try HVPErrorModel(parsing: text) == model, "\(text)")
      #expect(try HVPErrorModel(parsing: model.argument) == model)
    }
  }

  @Test("parsing refuses bad values in one line",
        arguments: ["", "exact:h=1", "fd", "finite-difference:h=0", "finite-difference:h=-1", "finite-difference:h=nan",
                    "finite-difference:h=inf", "finite-difference:h=", "finite-difference:h", "finite-difference:",
                    "finite-difference:scheme=backward", "finite-difference:h=1:h=2", "finite-difference:k=1",
                    "Float32"])
  func refusals(text: String) {
    #expect(throws: InputError.self) { try HVPErrorModel(parsing: text) }
  }

  @Test("the models build the operators they name; finite differences need gradients")
  func operators() throws {
    let exact = MatrixOperator(Matrix(rowArrays: [[2, 0], [0, 0]]))
    #expect(try HVPErrorModel.exact.hessian(of: exact, gradients: nil) is MatrixOperator)
    #expect(try HVPErrorModel.float32.hessian(of: exact, gradients: nil) is Float32Hessian)
    let fd = try HVPErrorModel.finiteDifference(step: 0.01, scheme: .forward).hessian(of: exact, gradients: Self.quartic)
    #expect((fd as? FiniteDifferenceHessian)?.step == 0.01)
    #expect(throws: InputError.self) { try HVPErrorModel.finiteDifference(step: nil, scheme: .central).hessian(of: exact, gradients: nil) }
  }

  @Test("a too-large step is detected: τ follows the measured error and the warning fires (dense and Lanczos)")
  func tooLargeStepDetected() throws {
    let h = 0.1
    let fd = FiniteDifferenceHessian(Self.quartic, scheme: .central, step: h)
    let op = HessianOperator(fd, name: "w0^2 + w1^4")
    var rng = SeededGenerator(seed: 7)
    let dense = try RankComputation.rank(of: op, method: .dense, using: &rng)
    // The difference "Hessian" has the eigenvalue 4h² = 0.04 in the flat direction: judged with
    // float64's ε (what the threshold did before the error model) it is counted as curvature.
    #expect(abs(dense.eigenvalues.map(abs).min()! - 4 * h * h) < 1e-12)
    #expect(NumericalRank.decide(eigenvalues: dense.eigenvalues, dimension: 2, precision: .float64).rank == 2)
    // With δ from the error model it is not: rank 1, and the warning names the cause.
    #expect(dense.rank == 1, "τ = \(dense.threshold)")
    #expect(dense.threshold > 4 * h * h)
    #expect(dense.warnings.map(\.code).contains(.finiteDifferenceInaccurate))

    let lanczosOp = HessianOperator(FiniteDifferenceHessian(Self.quartic, scheme: .central, step: h), name: "lanczos")
    var rng2 = SeededGenerator(seed: 7)
    let lanczos = try RankComputation.rank(of: lanczosOp, method: .lanczos, using: &rng2)
    #expect(lanczos.warnings.map(\.code).contains(.finiteDifferenceInaccurate))
  }

  @Test("at the balanced default step the same loss gives rank 1 with no warning")
  func defaultStepQuiet() throws {
    let op = HessianOperator(FiniteDifferenceHessian(Self.quartic), name: "default step")
    var rng = SeededGenerator(seed: 7)
    let dense = try RankComputation.rank(of: op, method: .dense, using: &rng)
    #expect(dense.rank == 1)
    #expect(!dense.warnings.map(\.code).contains(.finiteDifferenceInaccurate), "\(dense.warnings)")
  }

  @Test("a huge step on a quadratic costs nothing (its truncation is 0); a tiny one is warned about (rounding)")
  func stepExtremes() throws {
    let quadratic = ClosureLossOracle(
      center: [0, 0, 0], losses: { p in (0..<p.rows).map { r in p[r, 0] * p[r, 0] + 0.5 * p[r, 1] * p[r, 1] } },
      gradients: { p in
        var g = Matrix(rows: p.rows, columns: 3)
        for r in 0..<p.rows { g[r, 0] = 2 * p[r, 0]; g[r, 1] = p[r, 1] }
        return g
      })
    var rng = SeededGenerator(seed: 1)
    let huge = try RankComputation.rank(
      of: HessianOperator(FiniteDifferenceHessian(quadratic, step: 1e6), name: "huge"), method: .dense, using: &rng)
    #expect(huge.rank == 2 && huge.warnings.isEmpty, "\(huge.warnings)")
    // h = 1e-13: the rounding term ε/h ≈ 2·10⁻³ is far above the balanced 4·10⁻¹¹.
    let tinyOp = FiniteDifferenceHessian(Self.quartic, step: 1e-13)
    let tiny = try RankComputation.rank(of: HessianOperator(tinyOp, name: "tiny"), method: .dense, using: &rng)
    #expect(tiny.warnings.map(\.code).contains(.finiteDifferenceInaccurate))
    #expect(tinyOp.accuracy >= Double.ulpOfOne / 1e-13)
  }

  @Test("the exact model leaves the threshold at ε: accuracy is the precision's epsilon")
  func exactAccuracy() {
    #expect(MatrixOperator(Matrix(rowArrays: [[1]])).accuracy == Double.ulpOfOne)
    #expect(Float32Hessian(MatrixOperator(Matrix(rowArrays: [[1]]))).accuracy == Double(Float.ulpOfOne))
  }
}
