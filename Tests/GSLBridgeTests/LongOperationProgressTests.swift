import Foundation
import Testing

@testable import GSLBridge

@Suite("LongOperationProgress: start and end lines for a long operation only")
struct LongOperationProgressTests {
  final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ s: String) { lock.withLock { lines.append(s) } }
    var all: [String] { lock.withLock { lines } }
  }

  @Test("An operation estimated above 2 s is announced when it starts and when it ends")
  func announced() {
    let lines = Lines()
    let value = LongOperationProgress.$reporter.withValue({ lines.add($0) }) {
      LongOperationProgress.run("dense eigendecomposition, d = 3000", estimatedSeconds: 3.2) { 42 }
    }
    #expect(value == 42)
    #expect(lines.all.first == "dense eigendecomposition, d = 3000: started (about 3 s)")
    #expect(lines.all.contains("dense eigendecomposition, d = 3000: done in 0 s"))
  }

  @Test("A short operation, or no reporter, is silent")
  func silent() {
    let lines = Lines()
    LongOperationProgress.$reporter.withValue({ lines.add($0) }) {
      LongOperationProgress.run("short", estimatedSeconds: 1.9) {}
    }
    LongOperationProgress.run("unreported", estimatedSeconds: 100) {}
    #expect(lines.all.isEmpty)
  }

  @Test("The estimate: d = 3000 values on one thread exceeds 2 s, d = 500 does not")
  func estimate() {
    #expect(LongOperationProgress.eigendecompositionSeconds(order: 3000, vectors: false, threads: 1) > 2)
    #expect(LongOperationProgress.eigendecompositionSeconds(order: 500, vectors: true, threads: 1) < 2)
  }
}
