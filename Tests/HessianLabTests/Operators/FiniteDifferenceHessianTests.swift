import Foundation
import GSLBridge
import Testing

import HessianLab
@testable import HessianCore

/// Finite-difference products against the closed-form derivatives of a quartic (``QuarticTestLoss``):
/// the truncation term of each scheme exactly, the rounding term within ε·G/h, the Richardson error
/// estimate, the symmetry defect, and the too-large step caught by the rank threshold.
@Suite("Finite-difference Hessian-vector products")
struct FiniteDifferenceHessianTests {
  static let d = 6

  /// The rounding bound of one product: each gradient is a sum of at most d + 1 terms of size ≤ G,
  /// computed with error ≤ γ_{d+3}·G (Higham §3.1), and two of them are differenced and divided by
  /// (scheme-dependent) h; the factor 4 covers both gradients of both quotients in the Richardson pair.
  static func roundingBound(_ loss: QuarticTestLoss, step h: Double) -> Double {
    let u = Double.ulpOfOne / 2
    let gamma = Double(d + 3) * u / (1 - Double(d + 3) * u)
    return 4 * gamma * loss.gradientTermSize(step: h) / (h / 2)
  }

  static func unitVector(_ seed: UInt64) -> [Double] {
    var rng = SeededGenerator(seed: seed)
    let v = rng.normals(d)
    let n = BLAS.norm(v)
    return v.map { $0 / n }
  }

  @Test("central: D_h v = Hv + h²·a∘v³ exactly, up to rounding; the Richardson estimate is the truncation",
        arguments: [1e-2, 1e-3])
  func centralTruncation(step h: Double) throws {
    let loss = QuarticTestLoss(dimension: Self.d, seed: 11)
    let fd = FiniteDifferenceHessian(loss.oracle, scheme: .central, step: h)
    for seed in UInt64(1)...5 {
      let v = Self.unitVector(seed).map { 3 * $0 }  // ‖v‖ = 3: the step is taken along v̂
      let got = try fd.apply(Matrix(rows: Self.d, columns: 1, elements: v)).elements
      let hv = loss.hessianProduct(v)
      let truncation = (0..<Self.d).map { 3 * h * h * loss.quartic[$0] * pow(v[$0] / 3, 3) }
      let tol = 3 * Self.roundingBound(loss, step: h)
      let residual = (0..<Self.d).map { abs(got[$0] - hv[$0] - truncation[$0]) }.max()!
      #expect(residual <= tol, "h = \(h): residual \(residual) > \(tol)")
      // Power: leaving the truncation term out is caught at every step tried.
      #expect((0..<Self.d).map { abs(got[$0] - hv[$0]) }.max()! > tol)
    }
    #expect(fd.gradientEvaluations == 5 * 4)
    // The Richardson estimate (4/3)·‖D_h − D_{h/2}‖ of the quartic's truncation h²·‖a∘v̂³‖ is exact up to
    // rounding; relative to the largest ‖D_h v̂‖ it is the measured accuracy.
    #expect(fd.measuredAccuracy > 0)
    #expect(fd.accuracy == max(fd.measuredAccuracy, fd.roundingAccuracy))
  }

  @Test("forward: D_h v = Hv + 3h·a∘c∘v² + h²·a∘v³, up to rounding; ∇L(c) taken once")
  func forwardTruncation() throws {
    let loss = QuarticTestLoss(dimension: Self.d, seed: 12)
    let h = 1e-3
    let fd = FiniteDifferenceHessian(loss.oracle, scheme: .forward, step: h)
    for seed in UInt64(1)...4 {
      let v = Self.unitVector(seed)
      let got = try fd.apply(Matrix(rows: Self.d, columns: 1, elements: v)).elements
      let hv = loss.hessianProduct(v)
      let truncation = (0..<Self.d).map { i in
        loss.quartic[i] * (3 * h * loss.center[i] * v[i] * v[i] + h * h * pow(v[i], 3))
      }
      let tol = 2 * Self.roundingBound(loss, step: h)
      #expect((0..<Self.d).map { abs(got[$0] - hv[$0] - truncation[$0]) }.max()! <= tol)
      #expect((0..<Self.d).map { abs(got[$0] - hv[$0]) }.max()! > tol)
    }
    #expect(fd.gradientEvaluations == 1 + 4 * 2)
  }

  @Test("at the default step each scheme agrees with the exact product within its truncation plus rounding bound, with no warning",
        arguments: FiniteDifferenceScheme.allCases)
  func defaultStep(scheme: FiniteDifferenceScheme) throws {
    let loss = QuarticTestLoss(dimension: Self.d, seed: 13)
    let fd = FiniteDifferenceHessian(loss.oracle, scheme: scheme)
    let s = max(1, loss.center.map(abs).max()!)
    #expect(fd.step == scheme.defaultStep(scale: s))
    let aMax = loss.quartic.map(abs).max()!, cMax = loss.center.map(abs).max()!
    let h = fd.step
    // ‖truncation‖∞ ≤ h²·max|a| (central) or 3h·max|a|·max|c| + h²·max|a| (forward), |v̂ᵢ| ≤ 1.
    let truncationBound = scheme == .central ? h * h * aMax : 3 * h * aMax * cMax + h * h * aMax
    for seed in UInt64(1)...5 {
      let v = Self.unitVector(seed)
      let got = try fd.apply(Matrix(rows: Self.d, columns: 1, elements: v)).elements
      let hv = loss.hessianProduct(v)
      let err = (0..<Self.d).map { abs(got[$0] - hv[$0]) }.max()!
      #expect(err <= truncationBound + Self.roundingBound(loss, step: h), "\(scheme): \(err)")
    }
    #expect(fd.productWarnings.isEmpty, "\(fd.productWarnings)")
  }

  @Test("symmetry: ⟨u, D_h v⟩ − ⟨v, D_h u⟩ = h²·(⟨u, a∘v³⟩ − ⟨v, a∘u³⟩) (central), and 0 for the exact product")
  func symmetryDefect() throws {
    let loss = QuarticTestLoss(dimension: Self.d, seed: 14)
    let h = 1e-3
    let fd = FiniteDifferenceHessian(loss.oracle, scheme: .central, step: h)
    for seed in UInt64(1)...5 {
      let u = Self.unitVector(100 + seed), v = Self.unitVector(200 + seed)
      let du = try fd.apply(Matrix(rows: Self.d, columns: 1, elements: u)).elements
      let dv = try fd.apply(Matrix(rows: Self.d, columns: 1, elements: v)).elements
      let defect = BLAS.dot(u, dv) - BLAS.dot(v, du)
      var cubic = 0.0
      for i in 0..<Self.d {
        let uv3: Double = u[i] * pow(v[i], 3)
        let vu3: Double = v[i] * pow(u[i], 3)
        cubic += loss.quartic[i] * (uv3 - vu3)
      }
      let predicted = h * h * cubic
      // |⟨u, r⟩| ≤ √d·‖r‖∞ for each product's rounding r.
      let tol = 2 * Double(Self.d).squareRoot() * Self.roundingBound(loss, step: h)
      #expect(abs(defect - predicted) <= tol)
      #expect(abs(defect) <= 2 * h * h * loss.quartic.map(abs).max()! + tol)
      let exact = BLAS.dot(u, loss.hessianProduct(v)) - BLAS.dot(v, loss.hessianProduct(u))
      #expect(abs(exact) <= 1e-14)
    }
  }

  @Test("a zero column costs no gradient and gives zero")
  func zeroColumn() throws {
    let loss = QuarticTestLoss(dimension: Self.d, seed: 15)
    let fd = FiniteDifferenceHessian(loss.oracle)
    let out = try fd.apply(Matrix(rows: Self.d, columns: 2))
    #expect(out.elements.allSatisfy { $0 == 0 })
    #expect(fd.gradientEvaluations == 0 && fd.measuredAccuracy == 0)
  }
}
