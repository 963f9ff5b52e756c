import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// A dense operator that records the column count of every block it is asked for, so a test
/// can tell one block product from a loop of single vectors.
final class BlockCallRecorder: Sendable {
  let calls = Locked<[Int]>([])
  let matrix: Matrix

  init(_ matrix: Matrix) { self.matrix = matrix }

  /// The counted operator whose source records each call.
  func counted() -> HessianOperator {
    let m = matrix
    return HessianOperator(ClosureOperator(dimension: m.rows) { [calls] block in
      calls.withLock { $0.append(block.columns) }
      return BLAS.multiply(m, .none, block, .none)
    })
  }

  /// The column count of each call, in order.
  var columnsPerCall: [Int] { calls.withLock { $0 } }
}
