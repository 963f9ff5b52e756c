import Foundation
import HessianLab
import Testing
import TestSupport

/// `spectrum --save-vectors`: the saved d×K columns are unit eigenvectors of H belonging to the
/// reported eigenvalues, in the reported order — checked against an independent dense
/// eigendecomposition of the same matrix (written by `hessian --save`).
@Suite("spectrum --save-vectors")
struct SpectrumVectorsTests {
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hl-vec-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// ‖H v − λ v‖ for column `j` of `v`.
  static func residual(_ h: Matrix, _ v: Matrix, column j: Int, value: Double) -> Double {
    let x = (0..<v.rows).map { v[$0, j] }
    var r = 0.0
    for i in 0..<h.rows {
      var hx = 0.0
      for k in 0..<h.columns { hx += h[i, k] * x[k] }
      r += (hx - value * x[i]) * (hx - value * x[i])
    }
    return r.squareRoot()
  }

  // A triple eigenvalue (5, 5, 5, 3, …): the locked restarts must return three orthonormal
  // vectors of the 3-dimensional eigenspace, not one vector three times.
  @Test("top and bottom: ‖Hv − λv‖ small for the dense λ, VᵀV = I, order of the reported values", arguments: ["top", "bottom"])
  func vectorsAreEigenvectors(_ end: String) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let spec = "quad:5,5,5,3,1,0.5:d=8:seed=2"
    #expect(try CommandRunner.run(["hessian", spec, "--save", "H.npy"], in: folder).status == 0)
    let r = try CommandRunner.run(
      ["spectrum", "H.npy", "--\(end)", "4", "--seed", "1", "--save-vectors", "V.npy", "--save", "L.npy", "--json"], in: folder)
    #expect(r.status == 0, "\(r.standardError)")
    let h = try NumpyArray(contentsOf: folder.appendingPathComponent("H.npy")).matrix()
    let v = try NumpyArray(contentsOf: folder.appendingPathComponent("V.npy")).matrix()
    let reported = try NumpyArray(contentsOf: folder.appendingPathComponent("L.npy")).vector()
    #expect(v.rows == 8 && v.columns == 4)
    // Independent answer: the dense eigendecomposition (ascending), read from the reported end.
    let dense = try SymmetricEigen.values(of: h)
    let expected = end == "top" ? Array(dense.reversed().prefix(4)) : Array(dense.prefix(4))
    let norm = dense.map(abs).max() ?? 1
    // Bound: each reported value converged, residual ‖Hy − θy‖ ≤ 1e-8·max|θ| (the flag's
    // tolerance), and |θ − λ| ≤ that residual (Bauer–Fike for symmetric H), so
    // ‖Hy − λy‖ ≤ 2e-8·‖H‖; 1e-7·‖H‖ leaves room for rounding in the products.
    for j in 0..<4 {
      #expect(abs(reported[j] - expected[j]) <= 1e-7 * norm, "value \(j)")
      #expect(Self.residual(h, v, column: j, value: expected[j]) <= 1e-7 * norm, "column \(j)")
    }
    // Power: the 4th column (eigenvalue 3 or 0.5 … ) paired with the first value would fail.
    #expect(Self.residual(h, v, column: 3, value: expected[0]) > 1e-3 * norm)
    // Orthonormal columns: locked vectors are projected against the earlier ones and normalised.
    for a in 0..<4 {
      for b in 0..<4 {
        let dot = (0..<8).reduce(0.0) { $0 + v[$1, a] * v[$1, b] }
        #expect(abs(dot - (a == b ? 1 : 0)) <= 1e-10, "(\(a), \(b))")
      }
    }
  }

  @Test("refused: --density, the same path as --save, a non-.npy name; nothing written")
  func refusals() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for arguments in [
      ["spectrum", "quad-full-rank", "--density", "--save-vectors", "V.npy"],
      ["spectrum", "quad-full-rank", "--top", "2", "--save", "V.npy", "--save-vectors", "V.npy"],
      ["spectrum", "quad-full-rank", "--top", "2", "--save-vectors", "V.txt"],
    ] {
      let r = try CommandRunner.run(arguments, in: folder)
      #expect(r.status == 2, "\(arguments): \(r.standardError)")
      #expect(r.standardError.contains("--save-vectors"), "\(r.standardError)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
  }
}
