import TestSupport
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Every deterministic-answer method against the dense reference on the
/// prescribed-spectrum cases (exact multiplets, tiny eigenvalues).
@Suite("Krylov rank methods vs the dense reference")
struct RankMethodTests {
  @Test("dense and block give the exact rank on every case", arguments: KrylovFixtures.rankCases.indices)
  func exactRank(_ index: Int) throws {
    let (name, spectrum, d) = KrylovFixtures.rankCases[index]
    let landscape = try KrylovFixtures.quadratic(name, spectrum, d: d)
    let r = spectrum.count
    let dense = try DenseRank.rank(of: HessianOperator(landscape: landscape))
    #expect(dense.rank == r, "\(name): dense")
    #expect(dense.hessianVectorProducts == 0, "known matrix: no HVPs")
    var rng = SeededGenerator(seed: 1)
    let block = try BlockKrylovRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(block.rank == r, "\(name): block \(block.summaryLines)")
    #expect(block.converged)
    // The cost bound of issue 4: r + 2p + 10 HVPs for final block size p (here p = r).
    #expect(block.hessianVectorProducts <= r + 2 * r + 10, "\(name): \(block.hessianVectorProducts) HVPs")
    // Eigenvalues agree with the prescribed spectrum, multiplicities included,
    // to backward-stable accuracy c·d·ε·λ_max: Q spans range(H) exactly here,
    // so Rayleigh–Ritz on it is a dense eigenproblem of M = QᵀHQ.
    let top = Array(block.eigenvalues.sorted(by: >).prefix(r))
    let expected = spectrum.sorted(by: >)
    let tolerance = Tolerance.dense(n: d, scale: expected[0])
    for (a, b) in zip(top, expected) {
      #expect(abs(a - b) <= tolerance, "\(name): \(a) vs \(b)")
    }
  }

  @Test("dense built from d HVPs agrees with the known matrix")
  func denseFromProducts() throws {
    let landscape = try KrylovFixtures.quadratic("q", [5, 4, 4, 1e-6], d: 30)
    let counter = KrylovFixtures.Counter()
    let op = KrylovFixtures.countedOperator(landscape, counter: counter)
    let result = try DenseRank.rank(of: op)
    #expect(result.rank == 4)
    #expect(result.hessianVectorProducts == 30)
    #expect(counter.count == 30)
  }

  @Test("Lanczos at full dimension is exact and silent when eigenvalues are distinct")
  func lanczosDistinct() throws {
    let landscape = try KrylovFixtures.quadratic("d", (1...20).map(Double.init), d: 200)
    var rng = SeededGenerator(seed: 2)
    let result = try LanczosRank.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(result.rank == 20)
    // Krylov dimension: 20 distinct nonzero eigenvalues + the zero eigenvalue
    // = 21 in exact arithmetic; in floating point β₂₁ ≈ 10⁻⁷ (not below the
    // 10⁻¹² breakdown tolerance) and the run stops at 22 (theory §3.2
    // table); then one step of the complement check (numerically null there).
    #expect((22...23).contains(result.hessianVectorProducts), "\(result.hessianVectorProducts)")
    // The count is right, so no warning: the old "multiplicities are invisible"
    // fired here although nothing was repeated.
    #expect(result.warnings.isEmpty, "\(result.warnings)")
    #expect(result.converged)
  }

  @Test("power iteration with deflation finds the rank of a well-separated spectrum, converged and silent")
  func powerRank() throws {
    // Ratios ≤ 1/2 between consecutive eigenvalues: power iteration converges.
    let landscape = try KrylovFixtures.quadratic("p", [64, 16, 4, 1], d: 40)
    var rng = SeededGenerator(seed: 3)
    let result = try PowerIteration.rank(of: HessianOperator(landscape: landscape), using: &rng)
    #expect(result.rank == 4, "\(result.summaryLines)")
    #expect(result.converged)
    #expect(result.warnings.isEmpty, "\(result.warnings)")
    // On a cluster it stops by PyHessian's relative-change rule with a large
    // residual — see `powerClusterIsFlagged`.
  }

  @Test("power iteration flags unconverged pairs in a cluster")
  func powerClusterIsFlagged() throws {
    let landscape = try KrylovFixtures.quadratic("c", [1.0, 0.999, 0.998, 0.997], d: 40)
    var rng = SeededGenerator(seed: 4)
    let result = try PowerIteration.rank(
      of: HessianOperator(landscape: landscape), maxIterations: 20, using: &rng)
    #expect(result.rank == 4)
    // Ratio 0.999 per iteration: 20 iterations cannot separate the cluster, so
    // the residuals stay far above τ and the result must say so.
    #expect(!result.converged)
    #expect(result.warnings.map(\.code).contains(.eigenpairsNotConverged), "\(result.warnings)")
    let pairs = try PowerIteration.eigenpairs(
      of: HessianOperator(landscape: landscape), count: 2, maxIterations: 20, using: &rng)
    #expect(pairs.contains { $0.residual > 1e-6 }, "a cluster cannot converge in 20 iterations")
  }

  @Test("the reported HVP count equals the applications made, for every method", arguments: RankMethod.allCases)
  func countsAreHonest(_ method: RankMethod) throws {
    let landscape = try KrylovFixtures.quadratic("q", [3, 2, 2, 1], d: 24)
    let counter = KrylovFixtures.Counter()
    let op = KrylovFixtures.countedOperator(landscape, counter: counter)
    var rng = SeededGenerator(seed: 5)
    let result = try RankComputation.rank(
      of: op, method: method, options: .init(probes: 8, maxEigenpairs: 6, powerIterations: 30), using: &rng)
    #expect(result.hessianVectorProducts == counter.count)
    #expect(op.applicationCount == counter.count)
    #expect(counter.count > 0)
  }
}
