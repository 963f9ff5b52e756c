#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A value guarded by a POSIX mutex.
///
/// Used instead of the standard library's `Synchronization.Mutex` because that
/// one locks with futex system calls inside the uninstrumented standard library:
/// ThreadSanitizer cannot see its happens-before edges and reports every guarded
/// access as a race. `pthread_mutex_lock` is intercepted by the sanitizer, so a
/// report under `scripts/sanitize thread` means a real race. The mutex lives in
/// its own allocation (never an inout-addressed stored property, whose address
/// Swift does not guarantee stable).
package final class Locked<Value>: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private var value: Value

  /// Guards `value` behind a new, unlocked mutex.
  package init(_ value: Value) {
    self.value = value
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deinitialize(count: 1)
    mutex.deallocate()
  }

  /// Runs `body` with exclusive access to the value.
  package func withLock<Result, Failure: Error>(
    _ body: (inout Value) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body(&value)
  }
}
