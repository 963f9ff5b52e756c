import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Top-k and bottom-k eigenvalues")
struct ExtremeEigenvaluesTests {
  @Test("top-k with a multiplet matches the dense reference, copies included")
  func topWithMultiplet() throws {
    let spectrum = [9.0, 5, 5, 5, 2, 1]
    let landscape = try KrylovFixtures.quadratic("t", spectrum, d: 50)
    var rng = SeededGenerator(seed: 31)
    let result = try ExtremeEigenvalues.compute(
      of: HessianOperator(landscape: landscape), end: .top, count: 4, using: &rng)
    let expected = [9.0, 5, 5, 5]
    #expect(result.values.count == 4)
    for (a, b) in zip(result.values, expected) { #expect(abs(a - b) <= 1e-8 * 9, "\(result.values)") }
    #expect(result.converged.allSatisfy { $0 })
  }

  @Test("bottom-k of an indefinite matrix matches the dense reference")
  func bottomIndefinite() throws {
    var rng0 = SeededGenerator(seed: 32)
    let d = 40
    let g = Matrix(rows: d, columns: d, elements: rng0.normals(d * d))
    var a = BLAS.multiply(g, .none, g, .transpose)
    for i in 0..<d { a[i, i] -= Double(d) }  // shift: some negative eigenvalues
    let dense = try SymmetricEigen.values(of: a)
    var rng = SeededGenerator(seed: 33)
    let result = try ExtremeEigenvalues.compute(of: HessianOperator(matrix: a), end: .bottom, count: 3, using: &rng)
    let scale = dense.map(abs).max() ?? 1
    for (a, b) in zip(result.values, dense.prefix(3)) { #expect(abs(a - b) <= 1e-7 * scale) }
    #expect(result.converged.allSatisfy { $0 })
  }

  @Test("too few steps are flagged as unconverged (the flag can fail)")
  func unconvergedFlag() throws {
    let landscape = try KrylovFixtures.quadratic("u", (1...60).map { 1 + Double($0) / 60 }, d: 80)
    var rng = SeededGenerator(seed: 34)
    let result = try ExtremeEigenvalues.compute(
      of: HessianOperator(landscape: landscape), end: .top, count: 3, steps: 4, using: &rng)
    #expect(result.converged.contains(false))
    #expect(result.warnings.map(\.code) == [.eigenvaluesNotConverged], "\(result.warnings)")
    // The same request with d = 80 steps (the whole Krylov space) converges and warns of nothing.
    var again = SeededGenerator(seed: 34)
    let enough = try ExtremeEigenvalues.compute(
      of: HessianOperator(landscape: landscape), end: .top, count: 3, steps: 80, using: &again)
    #expect(enough.converged.allSatisfy { $0 } && enough.warnings.isEmpty, "\(enough.warnings)")
  }

  /// One Lanczos step per run: the single Ritz value (a Rayleigh quotient) has a large
  /// residual, so nothing is locked, the first restart adds nothing and only 1 of 3
  /// values is returned: both causes, each with its own code.
  @Test("fewer values than asked for are eigenvaluesMissing")
  func missingValues() throws {
    let landscape = try KrylovFixtures.quadratic("m", [1, 2, 3, 4, 5], d: 8)
    var rng = SeededGenerator(seed: 35)
    let result = try ExtremeEigenvalues.compute(
      of: HessianOperator(landscape: landscape), end: .top, count: 3, steps: 1, using: &rng)
    #expect(result.values.count < 3)
    #expect(result.warnings.map(\.code) == [.eigenvaluesNotConverged, .eigenvaluesMissing], "\(result.warnings)")
  }

  @Test("Extreme spectra (subnormal, 10³⁰⁶) are found like moderate ones, by products only",
    arguments: [[1e-315, 2e-315], [Double.leastNonzeroMagnitude, .leastNonzeroMagnitude], [1e306, 3e306], [1e-300, 4e-300]])
  func scaleInvariant(_ values: [Double]) throws {
    let land = try QuadraticLandscape.withSpectrum(
      name: "extreme", nonzeroEigenvalues: values, dimension: 4, basis: .randomOrthonormal(seed: 5))
    // Products only: no known matrix to read the scale from.
    let op = HessianOperator(productsOnlyOf: land)
    var rng = SeededGenerator(seed: 33)
    let top = try ExtremeEigenvalues.compute(of: op, end: .top, count: 2, using: &rng)
    let expected = values.sorted(by: >)
    for (a, b) in zip(top.values, expected) {
      // Subnormal inputs carry fewer significant bits (5e-324 has one): compare to that resolution.
      let resolution = max(1e-8 * b, 4 * Double.leastNonzeroMagnitude)
      #expect(abs(a - b) <= resolution, "\(top.values) vs \(expected)")
    }
    var rng2 = SeededGenerator(seed: 34)
    let density = try StochasticLanczosQuadrature.density(of: op, probes: 4, steps: 4, using: &rng2)
    let top2 = density.pooled.map(\.node).max() ?? 0
    #expect(abs(top2 - expected[0]) <= max(1e-6 * expected[0], 4 * Double.leastNonzeroMagnitude), "\(top2)")
    #expect(density.hessianVectorProducts == op.applicationCount - top.hessianVectorProducts)
  }
}
