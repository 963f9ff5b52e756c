import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Hessian files")
struct HessianFileTests {
  func write(_ array: NumpyArray, name: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianfile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try array.write(to: url)
    return url.path
  }

  @Test("A symmetric matrix loads with its precision")
  func loads() throws {
    let f = try HessianFile(path: Repository.path("fixtures/hessians/rank4-d8-float32.npy"))
    #expect(f.precision == .float32)
    #expect(f.matrix.rows == 8)
  }

  @Test("Each bad matrix gets its own one-line error naming the file")
  func errors() throws {
    let cases: [(NumpyArray, String)] = [
      (try NumpyArray(shape: [2, 3], values: [1, 0, 0, 0, 1, 0]), "must be square"),
      (NumpyArray(matrix: Matrix(rowArrays: [[1, 2], [0, 1]])), "not symmetric"),
      (NumpyArray(matrix: Matrix(rowArrays: [[1, .nan], [.nan, 1]])), "must be finite"),
      (try NumpyArray(shape: [0, 0], values: []), "empty matrix"),
    ]
    for (array, expected) in cases {
      let path = try write(array, name: "bad.npy")
      do {
        _ = try HessianFile(path: path)
        Issue.record("expected an error containing '\(expected)'")
      } catch {
        #expect(error.description.contains(expected), "\(error.description)")
        #expect(error.description.hasPrefix("bad.npy"))
        #expect(!error.description.contains("\n"))
      }
    }
    #expect(throws: InputError.self) { try HessianFile(path: "no/such/file.npy") }
  }
}
