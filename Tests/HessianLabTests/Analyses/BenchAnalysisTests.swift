import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

@Suite("Bench kernels")
struct BenchAnalysisTests {
  static func folder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hessianlab-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test("dgemm: one time per repetition, the flop count 2n³, a finite checksum")
  func dgemm() async throws {
    let report = try await BenchAnalysis.run(.dgemm, inputs: ".", repetitions: 2)
    #expect(report.case == "dgemm")
    #expect(report.seconds.count == 2 && report.seconds.allSatisfy { $0 > 0 })
    #expect(report.flops == 2e9)
    #expect(report.checksum.isFinite)
  }

  /// diag(3, 2, 0, 0) written as H.npy: the dense rank is 2, computed independently
  /// of the file's name or the bench.
  @Test("dense-rank on a written H.npy: the checksum is its rank")
  func denseRank() async throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var h = Matrix(rows: 4, columns: 4)
    h[0, 0] = 3
    h[1, 1] = 2
    try NumpyArray(matrix: h).write(to: dir.appendingPathComponent("H.npy"))
    let report = try await BenchAnalysis.run(.denseRank, inputs: dir.path, repetitions: 1)
    #expect(report.checksum == 2)
    #expect(report.flops == nil && report.values == nil)
    let counted = try await BenchAnalysis.run(.inertiaRank, inputs: dir.path, repetitions: 1)
    #expect(counted.checksum == 2)
  }

  @Test("a missing input file is an InputError naming it")
  func missingInput() async throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    do {
      _ = try await BenchAnalysis.run(.batchedLoss, inputs: dir.path, repetitions: 1)
      Issue.record("expected an error")
    } catch let error as InputError {
      #expect(error.description.contains("H.npy"), "\(error.description)")
    }
  }

  @Test("case names are the command-line spellings")
  func caseNames() {
    #expect(BenchCase.allCases.map(\.rawValue) == ["batched-loss", "dense-rank", "inertia-rank", "top-eigenvalues", "block-rank", "covariance", "dgemm", "dln-rank", "normals"])
  }
}
