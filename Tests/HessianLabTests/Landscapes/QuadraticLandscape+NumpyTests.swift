import Foundation
import Testing

@testable import HessianLab

@Suite("QuadraticLandscape+Numpy")
struct QuadraticLandscapeNumpyTests {
  func write(_ m: Matrix, _ file: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-zoo-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(file)
    try NumpyArray(matrix: m).write(to: url)
    return url.path
  }

  @Test("a PSD .npy Hessian resolves with its rank")
  func valid() throws {
    // [[1,1,0],[1,1,0],[0,0,3]] has eigenvalues 0, 2, 3: rank 2.
    let path = try write(Matrix(rowArrays: [[1, 1, 0], [1, 1, 0], [0, 0, 3]]), "psd.npy")
    let l = try LandscapeSpec.resolve(path)
    #expect(l.dimension == 3)
    #expect(l.knownAnswers.rank.value == 2)
    // Counted by a dense eigendecomposition, not prescribed: labelled as computed.
    #expect(l.knownAnswers.rank.provenance == .computed)
    #expect(l.knownAnswers.learningCoefficient.value == Rational(1))
    LandscapeChecks.checkAll(l, thirdDerivativeBound: 0, fourthDerivativeBound: 0, hessianScale: 3)
  }

  @Test("asymmetric, indefinite and non-square files are refused with the file named", arguments: [
    ([[1.0, 2], [0, 1]], "not symmetric"), ([[1.0, 0], [0, -1]], "not positive semidefinite"),
  ])
  func invalid(rows: [[Double]], fragment: String) throws {
    let path = try write(Matrix(rowArrays: rows), "bad-\(fragment.count).npy")
    #expect {
      _ = try LandscapeSpec.resolve(path)
    } throws: { ($0 as? InputError).map { $0.message.hasPrefix(path) && $0.message.contains(fragment) } == true }
  }

  @Test("a non-square Hessian is refused")
  func nonSquare() throws {
    let path = try write(Matrix(rows: 2, columns: 3), "rect.npy")
    #expect { _ = try LandscapeSpec.resolve(path) } throws: { ($0 as? InputError)?.message.contains("not square") == true }
  }
}
