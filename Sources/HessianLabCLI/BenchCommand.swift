import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab bench CASE`: times one of HessianLab's kernels on inputs written
/// by `scripts/bench` (which times the NumPy/SciPy twin on the same files, in
/// the same run, alternating with this command). Only the kernel is timed: file
/// loading and process start-up are excluded on both sides.
struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time a kernel on inputs prepared by scripts/bench (see BENCHMARKS.md).")

  enum Case: String, ExpressibleByArgument, CaseIterable {
    case batchedLoss = "batched-loss"
    case denseRank = "dense-rank"
    case topEigenvalues = "top-eigenvalues"
    case blockRank = "block-rank"
    case covariance
    case dgemm
  }

  @Argument(help: "The case: \(Case.allCases.map(\.rawValue).joined(separator: ", ")).")
  var benchCase: Case

  @Option(help: "Folder holding the case's input .npy files.")
  var inputs: String = "."

  @Option(name: .customLong("repeat"), help: "Timed repetitions (after one untimed warm-up).")
  var repetitions: Int = 5

  @Option(help: "covariance: concurrent workers.")
  var workers: Int = 1

  func validate() throws {
    guard workers >= 1 else { throw UsageError("--workers must be at least 1, got \(workers)") }
    guard repetitions >= 1 else { throw UsageError("--repeat must be at least 1, got \(repetitions)") }
  }

  func run() async throws {
    let report: BenchReport
    switch benchCase {
    case .batchedLoss:
      let landscape = try QuadraticLandscape.fromNumpyHessian(path: path("H.npy"), name: "bench", check: .symmetryOnly)
      let x = try loadMatrix("X.npy")
      let d = landscape.dimension
      var checksum = 0.0
      let times = time(repetitions) { checksum = landscape.losses(at: x).reduce(0, +) }
      let flops = 2.0 * Double(x.rows) * Double(d) * Double(d) + 2.0 * Double(x.rows * d)
      report = BenchReport(case: benchCase.rawValue, seconds: times, flops: flops, checksum: checksum)
    case .denseRank:
      let file = try HessianFile(path: path("H.npy"))
      let h = file.matrix
      var rank = 0
      let times = time(repetitions) {
        let values = (try? SymmetricEigen.values(of: h)) ?? []
        rank = NumericalRank.decide(eigenvalues: values, dimension: h.rows, precision: file.precision).rank
      }
      report = BenchReport(case: benchCase.rawValue, seconds: times, flops: nil, checksum: Double(rank))
    case .topEigenvalues:
      let h = try HessianFile(path: path("H.npy")).matrix
      let op = HessianOperator(matrix: h)
      var values: [Double] = []
      var hvps = 0
      let times = time(repetitions) {
        var rng = SeededGenerator(seed: 1)
        let before = op.applicationCount
        values = (try? ExtremeEigenvalues.compute(of: op, end: .top, count: 20, using: &rng).values) ?? []
        hvps = op.applicationCount - before
      }
      report = BenchReport(
        case: benchCase.rawValue, seconds: times, flops: nil, checksum: values.reduce(0, +), values: values,
        hessianVectorProducts: hvps)
    case .blockRank:
      let basis = try loadMatrix("B.npy")
      let values = try NumpyArray.loadVector(contentsOf: URL(fileURLWithPath: path("values.npy"))).vector
      let landscape = QuadraticLandscape(name: "bench", storage: .factored(values: values, basisRows: basis))
      let op = HessianOperator(landscape: landscape)
      var rank = 0
      var hvps = 0
      let times = time(repetitions) {
        var rng = SeededGenerator(seed: 1)
        let before = op.applicationCount
        rank = (try? BlockKrylovRank.rank(of: op, using: &rng).rank) ?? -1
        hvps = op.applicationCount - before
      }
      report = BenchReport(
        case: benchCase.rawValue, seconds: times, flops: nil, checksum: Double(rank), hessianVectorProducts: hvps)
    case .covariance:
      let landscape = try QuadraticLandscape.fromNumpyHessian(path: path("H.npy"), name: "bench", check: .symmetryOnly)
      let sampler = try SelectionSampler(population: 100, sigma: 1)
      var checksum = 0.0
      var times: [Double] = []
      for run in 0...repetitions {
        let clock = ContinuousClock()
        let start = clock.now
        let sample = try await sampler.sample(landscape, kept: 5000, seed: 7, workers: workers)
        let d = start.duration(to: clock.now)
        checksum = sample.moments.secondMoment.trace
        if run > 0 { times.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18) }
      }
      report = BenchReport(case: benchCase.rawValue, seconds: times, flops: nil, checksum: checksum)
    case .dgemm:
      let n = 1000
      var rng = SeededGenerator(seed: 1)
      let a = Matrix(rows: n, columns: n, elements: rng.normals(n * n))
      var c = Matrix(rows: n, columns: n)
      let times = time(repetitions) { BLAS.gemm(a, .none, a, .none, into: &c) }
      report = BenchReport(case: benchCase.rawValue, seconds: times, flops: 2.0 * Double(n * n * n), checksum: c[0, 0])
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try encoder.encode(report), as: UTF8.self))
  }

  private func path(_ name: String) -> String { (inputs as NSString).appendingPathComponent(name) }

  private func loadMatrix(_ name: String) throws -> Matrix {
    do {
      return try NumpyArray.loadMatrix(contentsOf: URL(fileURLWithPath: path(name))).matrix
    } catch {
      throw UsageError(error.description)
    }
  }

  /// Runs `body` once untimed, then `count` timed times; seconds per run.
  private func time(_ count: Int, _ body: () -> Void) -> [Double] {
    body()
    let clock = ContinuousClock()
    return (0..<count).map { _ in
      let start = clock.now
      body()
      let d = start.duration(to: clock.now)
      return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
  }
}

/// What `bench` prints: one JSON object per invocation.
struct BenchReport: Codable {
  var `case`: String
  var seconds: [Double]
  /// Floating-point operations of one run, when meaningful.
  var flops: Double?
  /// A value derived from the result, so the work cannot be optimised away and
  /// the twin's answer can be compared.
  var checksum: Double
  /// Computed values, for comparing accuracy with the twin.
  var values: [Double]? = nil
  var hessianVectorProducts: Int? = nil
}
