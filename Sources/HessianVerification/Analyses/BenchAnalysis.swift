import Foundation

/// Times one of HessianLab's kernels (``BenchCase``) on the inputs `scripts/bench`
/// wrote: untimed warm-up runs (``warmUpSeconds``), then the timed runs. Only the kernel is timed;
/// file loading is excluded, as on the NumPy/SciPy side.
public enum BenchAnalysis {
  /// Runs `benchCase` on the `.npy` files in folder `inputs`, `repetitions` timed
  /// times (covariance: with `workers` concurrent workers).
  ///
  /// - Throws: ``InputError`` naming the input file that cannot be read or whose shape does not
  ///   fit the case (`X.npy` not n × d, `B.npy` not r × d for the r values of `values.npy`).
  public static func run(_ benchCase: BenchCase, inputs: String, repetitions: Int, workers: Int = 1) async throws -> BenchReport {
    func path(_ name: String) -> String { (inputs as NSString).appendingPathComponent(name) }
    func loadMatrix(_ name: String) throws -> Matrix {
      do {
        return try NumpyArray.loadMatrix(contentsOf: URL(fileURLWithPath: path(name))).matrix
      } catch {
        throw InputError.numpy(error)
      }
    }
    let name = benchCase.rawValue
    switch benchCase {
    case .batchedLoss:
      let landscape = try QuadraticLandscape.fromNumpyHessian(path: path("H.npy"), name: "bench", check: .symmetryOnly)
      let x = try loadMatrix("X.npy")
      let d = landscape.dimension
      guard x.columns == d else {
        throw InputError.file(path: path("X.npy"), problem: "points of \(x.columns) coordinates for a Hessian of d = \(d) (X must be n × d)")
      }
      var checksum = 0.0
      let h = try loadMatrix("H.npy")
      var product = Matrix(rows: x.rows, columns: d)
      // Alternate the kernel and its bare gemm, so both see the same machine state.
      var gemmTimes: [Double] = []
      let times = time(repetitions) { checksum = landscape.losses(at: x).reduce(0, +) } between: {
        gemmTimes.append(time(1) { BLAS.gemm(x, .none, h, .none, into: &product) }[0])
      }
      // The flops the kernel executes: X·L (n·d², triangular) when H is positive definite, X·H (2n·d²) otherwise.
      let flops = (landscape.batchedLossIsFactored ? 1.0 : 2.0) * Double(x.rows) * Double(d) * Double(d) + 2.0 * Double(x.rows * d)
      var report = BenchReport(case: name, seconds: times, flops: flops, checksum: checksum)
      report.gemmSeconds = gemmTimes
      return report
    case .denseRank:
      let file = try HessianFile(path: path("H.npy"))
      let h = file.matrix
      var rank = 0
      let times = time(repetitions) {
        let values = (try? SymmetricEigen.values(of: h)) ?? []
        rank = NumericalRank.decide(eigenvalues: values, dimension: h.rows, precision: file.precision).rank
      }
      return BenchReport(case: name, seconds: times, flops: nil, checksum: Double(rank))
    case .inertiaRank:
      let file = try HessianFile(path: path("H.npy"))
      let op = HessianOperator(matrix: file.matrix, precision: file.precision)
      var rank = -1
      let times = time(repetitions) {
        var rng = SeededGenerator(seed: 1)
        rank = (try? InertiaRank.rank(of: op, using: &rng))?.rank ?? -1
      }
      return BenchReport(case: name, seconds: times, flops: nil, checksum: Double(rank))
    case .topEigenvalues:
      let op = HessianOperator(matrix: try HessianFile(path: path("H.npy")).matrix)
      var values: [Double] = []
      var hvps = 0
      let times = time(repetitions) {
        var rng = SeededGenerator(seed: 1)
        let before = op.applicationCount
        values = (try? ExtremeEigenvalues.compute(of: op, end: .top, count: 20, using: &rng).values) ?? []
        hvps = op.applicationCount - before
      }
      return BenchReport(
        case: name, seconds: times, flops: nil, checksum: values.reduce(0, +), values: values, hessianVectorProducts: hvps)
    case .blockRank:
      let basis = try loadMatrix("B.npy")
      let values: [Double]
      do {
        values = try NumpyArray.loadVector(contentsOf: URL(fileURLWithPath: path("values.npy"))).vector
      } catch {
        throw InputError.numpy(error)
      }
      guard basis.rows == values.count, basis.rows <= basis.columns else {
        throw InputError.file(
          path: path("B.npy"),
          problem: "a basis of \(basis.rows) × \(basis.columns) for \(values.count) eigenvalues (B must be r × d, r = the length of values.npy, r ≤ d)")
      }
      guard values.allSatisfy(\.isFinite), basis.elements.allSatisfy(\.isFinite) else {
        throw InputError.file(path: path("values.npy"), problem: "a value of B.npy or values.npy is not finite")
      }
      let op = HessianOperator(landscape: QuadraticLandscape(name: "bench", storage: .factored(values: values, basisRows: basis)))
      var rank = 0
      var hvps = 0
      let times = time(repetitions) {
        var rng = SeededGenerator(seed: 1)
        let before = op.applicationCount
        rank = (try? BlockKrylovRank.rank(of: op, using: &rng).rank) ?? -1
        hvps = op.applicationCount - before
      }
      return BenchReport(case: name, seconds: times, flops: nil, checksum: Double(rank), hessianVectorProducts: hvps)
    case .covariance:
      let landscape = try QuadraticLandscape.fromNumpyHessian(path: path("H.npy"), name: "bench", check: .symmetryOnly)
      let sampler = try SelectionSampler(population: 100, sigma: 1)
      var checksum = 0.0
      var times: [Double] = []
      for run in 0...repetitions {
        let clock = ContinuousClock()
        let start = clock.now
        let sample = try await sampler.sample(landscape, kept: 5000, seed: 7, workers: workers)
        let elapsed = seconds(start.duration(to: clock.now))
        checksum = sample.moments.secondMoment.trace
        if run > 0 { times.append(elapsed) }
      }
      return BenchReport(case: name, seconds: times, flops: nil, checksum: checksum)
    case .dlnRank:
      return try networkRank(specFile: path("dln.txt"), repetitions: repetitions)
    case .dgemm:
      let n = 1000
      var rng = SeededGenerator(seed: 1)
      let a = Matrix(rows: n, columns: n, elements: rng.normals(n * n))
      var c = Matrix(rows: n, columns: n)
      let times = time(repetitions) { BLAS.gemm(a, .none, a, .none, into: &c) }
      return BenchReport(case: name, seconds: times, flops: 2.0 * Double(n * n * n), checksum: c[0, 0])
    case .normals:
      var draws: [Double] = []
      let times = time(repetitions) {
        var rng = SeededGenerator(seed: 1, normalStream: .zigguratV2)
        draws = rng.normals(10_000_000)
      }
      return BenchReport(case: name, seconds: times, flops: nil, checksum: draws.reduce(0, +))
    }
  }

  /// Untimed warm-up: `body` runs at least once and until this many seconds have passed, so a
  /// fresh process (OpenBLAS's threads, the allocator's pages, the CPU clock) is in the steady
  /// state the twin's long-running Python process is in; `scripts/bench` warms the twin alike.
  static let warmUpSeconds = 0.05

  /// Runs `body` untimed for ``warmUpSeconds`` (at least once), then `count` timed times (with
  /// `between` run untimed after each); seconds per run.
  static func time(_ count: Int, _ body: () -> Void, between: () -> Void = {}) -> [Double] {
    let clock = ContinuousClock()
    let warm = clock.now
    repeat { body() } while seconds(warm.duration(to: clock.now)) < warmUpSeconds
    return (0..<count).map { _ in
      let start = clock.now
      body()
      let elapsed = seconds(start.duration(to: clock.now))
      between()
      return elapsed
    }
  }

  /// A duration in seconds.
  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }
}
