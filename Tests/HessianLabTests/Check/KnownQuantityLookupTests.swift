import Foundation
import HessianLab
import Testing

@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// The known values `check` judges against, from the landscapes' known answers (theory §5.2–§5.5)
/// and from spectra computed here by hand or by NumPy.
@Suite("KnownQuantityLookup: a landscape's known value of a quantity, with provenance")
struct KnownQuantityLookupTests {
  @Test("llc on dln:4-3-5:rank=2: λ = 8 by Aoyagi's theorem, with the rank bounds [7, 41/4] beside it")
  func llcKnown() throws {
    let known = try KnownQuantityLookup.llc(of: LandscapeSpec.resolve("dln:4-3-5:rank=2"))
    #expect(known.values == [8])
    #expect(known.exact == "8")
    #expect(known.provenance == .theorem)
    // r = 14, d = 27: r/2 = 7, r/2 + (d − r)/4 = 7 + 13/4 = 41/4.
    #expect(known.bounds == KnownBounds(lower: 7, upper: 10.25, lowerExact: "7", upperExact: "41/4"))
    #expect(known.source.contains("Aoyagi"))
  }

  @Test("llc on poly-degenerate: λ unknown, so only the bounds r/2 = 1/2 ≤ λ ≤ 1/2 + 1/4 = 3/4 (r = 1, d = 2)")
  func llcBoundsOnly() throws {
    let known = try KnownQuantityLookup.llc(of: LandscapeSpec.resolve("poly-degenerate"))
    #expect(known.isBoundsOnly)
    #expect(known.value == nil)
    #expect(known.bounds?.lower == 0.5 && known.bounds?.upper == 0.75)
    #expect(known.provenance == .theorem)
    #expect(known.source.contains("r = 1"))
  }

  @Test("llc at a saddle point is refused, naming the landscape")
  func saddle() throws {
    let land = try LandscapeSpec.resolve("fixtures/hessians/saddle-d6.npy", hessianCheck: .saddleAllowed)
    #expect(throws: InputError.self) { try KnownQuantityLookup.llc(of: land) }
  }

  @Test("rank: the constructed rank 5 of quad-rank-deficient, exactly")
  func rank() throws {
    let known = try KnownQuantityLookup.rank(of: LandscapeSpec.resolve("quad-rank-deficient"))
    #expect(known.values == [5] && known.exact == "5" && known.provenance == .construction)
  }

  @Test("top eigenvalues of a dense .npy Hessian: 5, 2, 1 (NumPy eigvalsh of rank3-d6.npy), computed")
  func topEigenvaluesDense() throws {
    let known = try KnownQuantityLookup.topEigenvalues(3, of: LandscapeSpec.resolve("fixtures/hessians/rank3-d6.npy"))
    #expect(known.provenance == .computed)
    // numpy.linalg.eigvalsh(np.load("fixtures/hessians/rank3-d6.npy"))[::-1][:3] = [5, 2, 1] (to 1e-15).
    for (x, y) in zip(known.values, [5.0, 2, 1]) { #expect(abs(x - y) <= 1e-12) }
  }

  @Test("top eigenvalues of a polynomial's quadratic part: 3 ± √5 (by hand)")
  func topEigenvaluesPolynomial() throws {
    // L = x0² + x1⁴ + (x2 − x0)²: H(0) = [[4, 0, −2], [0, 0, 0], [−2, 0, 2]], eigenvalues 3 ± √5 and 0.
    let known = try KnownQuantityLookup.topEigenvalues(2, of: LandscapeSpec.resolve("poly:x0^2+x1^4+(x2-x0)^2"))
    #expect(known.source.contains("known 3×3 Hessian"))
    #expect(abs(known.values[0] - (3 + 5.0.squareRoot())) <= 1e-12)
    #expect(abs(known.values[1] - (3 - 5.0.squareRoot())) <= 1e-12)
  }

  @Test("a DLN stores no Hessian: its spectrum comes from d exact HVPs, equal to one built here column by column")
  func topEigenvaluesFromProducts() throws {
    let land = try LandscapeSpec.resolve("dln-3-2-3")
    let known = try KnownQuantityLookup.topEigenvalues(5, of: land)
    #expect(known.source.contains("12 exact Hessian-vector products") && known.provenance == .computed)
    var h = Matrix(rows: 12, columns: 12)
    for j in 0..<12 {
      var e = [Double](repeating: 0, count: 12)
      e[j] = 1
      let column = land.hessianVectorProduct(at: land.minimum, e)
      for i in 0..<12 { h[i, j] = column[i] }
    }
    let reference = try SymmetricEigen.values(of: h).sorted(by: >).prefix(5)
    for (x, y) in zip(known.values, reference) { #expect(abs(x - y) <= 1e-12 * max(1, abs(y))) }
  }

  @Test("top eigenvalues of a factored Hessian are free, by construction, at d = 10⁴")
  func topEigenvaluesFactored() throws {
    let known = try KnownQuantityLookup.topEigenvalues(4, of: LandscapeSpec.resolve("quad-large-low-rank"))
    #expect(known.provenance == .construction)
    #expect(known.values.count == 4 && known.values[3] == 0)
  }

  @Test("k outside 1…d is refused on the estimate")
  func tooManyEigenvalues() throws {
    let land = try LandscapeSpec.resolve("nc-x2")
    #expect(throws: InputError.parameter(.estimate, value: "2 values", problem: "k = 2 eigenvalue estimates but nc-x2 has dimension d = 1")) {
      try KnownQuantityLookup.topEigenvalues(2, of: land)
    }
  }

  @Test("covariance scale for H = 2I: c = σ²·h/λ exactly (E[min of λ χ²₂] = 2/λ), also on the range of a singular H")
  func covarianceScaleIsotropic() throws {
    // For H = h·I in d = 2, C = σ² κ H⁻¹ with κ = h·E[min of λ χ²₂]/2 = h/λ exactly (notes §1.3 table, d = 2):
    // h = 2, λ = 10, σ = 0.5: c = 0.25 · 2/10 = 0.05. A singular H = diag(2, 2, 0, 0, 0) selects on its
    // range only (notes §2.1), so r = 2 gives the same c.
    let selection = CovarianceSelection(population: 10, sigma: 0.5)
    for spec in ["quad:2,2:d=2", "quad:2,2:d=5"] {
      let known = try KnownQuantityLookup.covarianceScale(of: LandscapeSpec.resolve(spec), selection: selection)
      let c = try #require(known.value)
      #expect(abs(c - 0.05) <= 1e-8 * 0.05, "\(spec): \(c)")
      #expect(known.provenance == .computed)
      #expect(known.caveat == nil, "a quadratic needs no σ → 0 caveat")
    }
    let singular = try KnownQuantityLookup.covarianceScale(of: LandscapeSpec.resolve("quad:2,2:d=5"), selection: selection)
    #expect(singular.source.contains("κ(λ, r) with pdet H"))
  }

  @Test("covariance scale needs a selection, and a Hessian with a positive eigenvalue")
  func covarianceRefusals() throws {
    let land = try LandscapeSpec.resolve("quad-full-rank")
    #expect(throws: InputError.self) { try KnownQuantityLookup.value(of: .covarianceScale, for: land) }
    #expect(throws: InputError.self) {
      try KnownQuantityLookup.covarianceScale(of: LandscapeSpec.resolve("quad-zero"), selection: CovarianceSelection(population: 10, sigma: 1))
    }
    #expect(throws: InputError.self) {
      try KnownQuantityLookup.covarianceScale(of: land, selection: CovarianceSelection(population: 1, sigma: 1))
    }
  }
}
