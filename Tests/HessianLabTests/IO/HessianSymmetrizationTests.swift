import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianZoo

/// ``HessianSymmetrization``: the relative asymmetry and the symmetric part against closed
/// forms, and ``HessianFile`` under each choice.
@Suite("Symmetrizing an asymmetric Hessian file")
struct HessianSymmetrizationTests {
  /// [[2, 1], [0, 3]]: ‖H − Hᵀ‖_F/‖H‖_F = √(2/14); symmetric part [[2, ½], [½, 3]].
  static let h = Matrix(rows: 2, columns: 2, elements: [2, 1, 0, 3])

  @Test("closed forms; a symmetric matrix has asymmetry 0 and is its own symmetric part")
  func closedForms() {
    #expect(HessianSymmetrization.relativeAsymmetry(Self.h) == (2.0 / 14).squareRoot())
    #expect(HessianSymmetrization.symmetricPart(Self.h).elements == [2, 0.5, 0.5, 3])
    let s = Matrix(rows: 2, columns: 2, elements: [1, 2, 2, 5])
    #expect(HessianSymmetrization.relativeAsymmetry(s) == 0 && HessianSymmetrization.symmetricPart(s) == s)
    #expect(HessianSymmetrization.relativeAsymmetry(Matrix(rows: 2, columns: 2)) == 0)
  }

  @Test("a file: refused without a choice, refused with the suggestion, symmetrized and recorded")
  func file() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hl-sym-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("A.npy").path
    try NumpyArray(matrix: Self.h).data().write(to: URL(fileURLWithPath: path))
    do throws(InputError) {
      _ = try HessianFile(path: path)
      Issue.record("accepted an asymmetric matrix")
    } catch {
      #expect(!error.pieces.contains(.parameter(.symmetrize)))
    }
    HessianSymmetrization.$current.withValue(.refuse) {
      do throws(InputError) {
        _ = try HessianFile(path: path)
        Issue.record("accepted an asymmetric matrix")
      } catch {
        #expect(error.pieces.contains(.parameter(.symmetrize)), "\(error)")
      }
    }
    let record = HessianSymmetrization.Record()
    #expect(record.largest == nil)
    let file = try HessianSymmetrization.$current.withValue(.symmetrize(record)) { try HessianFile(path: path) }
    #expect(file.matrix.elements == [2, 0.5, 0.5, 3])
    #expect(record.largest == (2.0 / 14).squareRoot())
  }
}
