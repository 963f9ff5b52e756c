import Dispatch

/// Monotonic time for the oracle's deadlines (`DispatchTime`, not the wall clock).
enum OracleClock {
  /// A moment `seconds` after its creation; ``remainingMilliseconds`` counts down to it.
  struct Deadline: Sendable {
    /// The timeout it was made with, for messages.
    let seconds: Double
    private let nanoseconds: UInt64

    /// A deadline `seconds` from now (an infinite or huge timeout saturates; never overflows).
    init(seconds: Double) {
      self.seconds = seconds
      let now = DispatchTime.now().uptimeNanoseconds
      let span = seconds * 1e9
      nanoseconds = span.isNaN || span <= 0 ? now : span >= Double(UInt64.max - now) ? .max : now + UInt64(span)
    }

    /// Milliseconds left, rounded up, at most `Int32.max` (a `poll` argument); 0 once passed.
    var remainingMilliseconds: Int32 {
      let now = DispatchTime.now().uptimeNanoseconds
      guard nanoseconds > now else { return 0 }
      let milliseconds = (nanoseconds - now + 999_999) / 1_000_000
      return milliseconds > UInt64(Int32.max) ? .max : Int32(milliseconds)
    }
  }
}
