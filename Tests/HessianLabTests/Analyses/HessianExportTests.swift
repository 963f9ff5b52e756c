import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// `hessian-lab hessian`: the matrix written is the Hessian, checked against closed forms (the
/// prescribed spectrum of a quadratic; the second derivatives of a polynomial written out by
/// hand), and the reported asymmetry against matrices built with a known one.
@Suite("HessianExport")
struct HessianExportTests {
  func subject(_ spec: String) throws -> AnalysisSubject {
    try SubjectSpec.resolve(spec)
  }

  @Test("a quadratic's matrix has the spectrum of its spec (1, 2, 4, 8, 16 and 15 zeros)")
  func quadraticSpectrum() throws {
    let (h, report) = try HessianExport.run(try subject("quad-rank-deficient"))
    #expect(report.dimension == 20 && report.source == .knownMatrix && report.hessianVectorProducts == 0)
    let values = try SymmetricEigen.values(of: h).sorted()
    let expected = [Double](repeating: 0, count: 15) + [1, 2, 4, 8, 16]
    for (v, e) in zip(values, expected) { #expect(abs(v - e) <= 1e-12 * 16, "\(values)") }
    #expect(report.asymmetry <= 1e-15)
  }

  @Test("at a point: x0² + x1⁴ (newton-edge) has Hessian diag(2, 12·w1²)")
  func polynomialAtPoint() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("w.npy").path
    try NumpyArray(vector: [0.3, -0.7]).write(to: URL(fileURLWithPath: path))
    let (h, report) = try HessianExport.run(try subject("newton-edge"), at: .file(path))
    #expect(report.point == path && report.source == .hessianVectorProducts && report.hessianVectorProducts == 2)
    #expect(abs(h[0, 0] - 2) <= 1e-12 && abs(h[0, 1]) <= 1e-12 && abs(h[1, 0]) <= 1e-12)
    #expect(abs(h[1, 1] - 12 * 0.49) <= 1e-12)
  }

  @Test("a point file of the wrong length or with a non-finite entry is refused naming it")
  func badPoints() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, values) in [("short.npy", [1.0]), ("nan.npy", [1.0, .nan]), ("inf.npy", [.infinity, 0])] {
      let path = folder.appendingPathComponent(name).path
      try NumpyArray(vector: values).write(to: URL(fileURLWithPath: path))
      #expect(throws: InputError.self) { try HessianExport.run(try subject("newton-edge"), at: .file(path)) }
      do { _ = try HessianExport.run(try subject("newton-edge"), at: .file(path)) } catch let e as InputError {
        #expect(e.description.contains(name), "\(e.description)")
      }
    }
  }

  @Test("the asymmetry is ‖H − Hᵀ‖_F/‖H‖_F")
  func asymmetry() {
    // [[1, 1], [0, 1]]: H − Hᵀ has two entries ±1, so ‖·‖_F = √2; ‖H‖_F = √3.
    let h = Matrix(rows: 2, columns: 2, elements: [1, 1, 0, 1])
    #expect(abs(HessianExport.relativeAsymmetry(h) - (2.0 / 3).squareRoot()) <= 1e-15)
    #expect(HessianExport.relativeAsymmetry(Matrix(rows: 2, columns: 2)) == 0)
    #expect(HessianExport.relativeAsymmetry(Matrix(rows: 2, columns: 2, elements: [1, 2, 2, 5])) == 0)
  }

  @Test("a d too large for the memory budget is refused before any allocation")
  func memoryBudget() throws {
    #expect(throws: InputError.self) { try HessianExport.run(try subject("quad:1:d=1000000")) }
  }
}
