import Foundation
import Testing

@testable import GSLBridge

/// The thread policy without changing the process-wide count (tests run in parallel in one
/// process): small operations and parallel sampling stay on one thread. Raising the count is
/// checked through the CLI (`ThreadDeterminismTests`), one process per run.
@Suite("BLASThreads: one thread unless a single large operation")
struct BLASThreadsTests {
  @Test("A small operation runs on one thread, without the operation lock")
  func small() {
    let seen = BLASThreads.run(flops: BLASThreads.largeOperationFlops / 2) { GSLRuntime.blasThreadCount }
    #expect(seen == 1)
  }

  @Test("Inside parallel sampling even a large operation runs on one thread")
  func withinParallelWork() {
    let seen = BLASThreads.$withinParallelWork.withValue(true) {
      BLASThreads.run(flops: BLASThreads.largeOperationFlops * 100) { GSLRuntime.blasThreadCount }
    }
    #expect(seen == 1)
  }

  @Test("After any operation OpenBLAS is back on one thread; the configured count is at least 1")
  func restored() {
    _ = BLASThreads.run(flops: BLASThreads.largeOperationFlops * 10) { 0 }
    #expect(GSLRuntime.blasThreadCount == 1)
    #expect(BLASThreads.largeOperationThreads >= 1)
    #expect(BLASThreads.availableCores >= 1)
  }
}
