import Foundation
import HessianLab
import Testing
import TestSupport

/// What `--threads` may change (BENCHMARKS.md, "Threads"): sampling, Krylov methods and small
/// dense work run on one BLAS thread whatever `--threads` is, so their JSON is byte-identical;
/// a large dense eigendecomposition (here d = 600, 9d³ ≈ 2·10⁹ flops, above
/// ``BLASThreads/largeOperationFlops``) runs on N threads, and OpenBLAS's threaded reductions may
/// change its last bits: the rank and every decision agree, every eigenvalue agrees within
/// τ = max|λ|·d·ε, and the uncounted eigenvalues (|λ| ≤ τ, rounding noise) and the gap ratio
/// that divides by one of them may differ in every digit.
@Suite("--threads: byte-identical sampling and Krylov output, dense eigenvalues within τ")
struct ThreadDeterminismTests {
  /// Q·diag(values)·Qᵀ, d = 600, rank 300 (values in [0.5, 2]), Q seeded orthonormal columns.
  static let file: String = {
    let d = 600, r = 300
    var rng = SeededGenerator(seed: 23)
    let q = try! Factorizations.orthonormalColumns(of: Matrix(rows: d, columns: r, elements: rng.normals(d * r)))
    var scaled = q
    for i in 0..<d { for k in 0..<r { scaled[i, k] *= 0.5 + 1.5 * Double(k) / Double(r) } }
    var h = BLAS.multiply(scaled, .none, q, .transpose)
    for i in 0..<d { for j in 0..<i { let v = (h[i, j] + h[j, i]) / 2; h[i, j] = v; h[j, i] = v } }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-threads-\(getpid()).npy")
    try! NumpyArray(matrix: h).write(to: url)
    return url.path
  }()

  func run(_ arguments: [String], threads: Int) throws -> String {
    let result = try CommandRunner.run(arguments + ["--threads", "\(threads)"])
    #expect(result.status == 0, "\(arguments) --threads \(threads): \(result.standardError)")
    return CommandRunner.withoutTiming(result.standardOutput)
  }

  @Test("spectrum (Lanczos), covariance (sampling, 1 and 2 workers), describe and rank --method inertia: the same bytes for 1 and 2 threads")
  func byteIdentical() throws {
    let cases: [[String]] = [
      ["spectrum", Self.file, "--top", "5", "--seed", "7", "--json"],
      ["covariance", "quad-rank-deficient", "--population", "20", "--kept", "200", "--seed", "7", "--workers", "1", "--json"],
      ["covariance", "quad-rank-deficient", "--population", "20", "--kept", "200", "--seed", "7", "--workers", "2", "--json"],
      ["describe", Self.file, "--json"],
      // Counted by inertia: at d = 600 each factorization (d³/3 flops) and the Lanczos products
      // stay below the thread thresholds, so the window and its bounds are the same bits.
      ["rank", Self.file, "--method", "inertia", "--seed", "7", "--json"],
    ]
    for arguments in cases {
      #expect(try run(arguments, threads: 1) == run(arguments, threads: 2), "\(arguments)")
    }
  }

  @Test("rank --method dense at d = 600: the same rank and decisions, eigenvalues within τ")
  func denseWithinThreshold() throws {
    let arguments = ["rank", Self.file, "--method", "dense", "--json"]
    let one = try JSONSerialization.jsonObject(with: Data(try run(arguments, threads: 1).utf8)) as? [String: Any] ?? [:]
    let two = try JSONSerialization.jsonObject(with: Data(try run(arguments, threads: 2).utf8)) as? [String: Any] ?? [:]
    #expect(one["rank"] as? Int == 300 && two["rank"] as? Int == 300)
    for key in ["dimension", "method", "thresholdPolicy", "precision", "converged", "warnings"] {
      #expect(String(describing: one[key] ?? "absent") == String(describing: two[key] ?? "absent"), "\(key)")
    }
    let tau = try #require(one["threshold"] as? Double)
    let tau2 = try #require(two["threshold"] as? Double)
    #expect(abs(tau - tau2) <= 1e-3 * tau)  // τ = max|λ|·d·ε: max|λ| agrees to ~d·ε
    let a = try #require(one["eigenvalues"] as? [Double]), b = try #require(two["eigenvalues"] as? [Double])
    #expect(a.count == 600 && b.count == 600)
    let worst = zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
    #expect(worst <= tau, "largest eigenvalue difference \(worst) > τ = \(tau)")
  }
}
