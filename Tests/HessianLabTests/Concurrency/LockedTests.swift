import Foundation
import HessianLab
import Testing

@Suite("Locked: a value behind a POSIX mutex")
struct LockedTests {
  /// 8 threads × 20 000 read-modify-write increments: without mutual exclusion
  /// increments are lost (and ThreadSanitizer reports the race).
  @Test("concurrent increments are all counted")
  func increments() async {
    let counter = Locked(0)
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask {
          for _ in 0..<20_000 { counter.withLock { $0 += 1 } }
        }
      }
    }
    #expect(counter.withLock { $0 } == 160_000)
  }

  @Test("errors thrown inside the critical section propagate and release the lock")
  func throwing() {
    struct Boom: Error {}
    let box = Locked([1, 2])
    #expect(throws: Boom.self) { try box.withLock { _ throws(Boom) in throw Boom() } }
    box.withLock { $0.append(3) }  // would deadlock if the lock were still held
    #expect(box.withLock { $0 } == [1, 2, 3])
  }
}
