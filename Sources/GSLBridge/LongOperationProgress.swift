import Dispatch
import Foundation

/// Start and elapsed-time messages for a single dense operation that can run for seconds
/// with no other sign of life (a dense eigendecomposition at d = 3000), and a count of the
/// dense eigendecompositions done (for tests that check a path does none).
///
/// Both are task-local, so a caller sets them for one run (the CLI's ``withinParallelWork``
/// neighbour: one place, its budget options) and they reach the operation however deep it
/// is, while parallel tests in the same process see none of each other's.
public enum LongOperationProgress {
  /// Receives one-line messages: a start line, an elapsed line every second, and a last line
  /// when done. `nil` (the default): silent.
  @TaskLocal public static var reporter: (@Sendable (String) -> Void)?

  /// Called with d for every dense symmetric eigendecomposition (``SymmetricEigen``), before it runs.
  @TaskLocal public static var eigendecompositionObserver: (@Sendable (Int) -> Void)?

  /// The reporter of the whole process, used where no task-local ``reporter`` is set: the CLI sets
  /// it once per run (pushing a task-local closure from the command's top-level task crashed the
  /// optimized build in `swift_task_localValuePush`).
  public static var processReporter: (@Sendable (String) -> Void)? {
    get { processBox.lock.lock(); defer { processBox.lock.unlock() }; return processBox.value }
    set { processBox.lock.lock(); defer { processBox.lock.unlock() }; processBox.value = newValue }
  }

  private final class ReporterBox: @unchecked Sendable {
    let lock = NSLock()
    var value: (@Sendable (String) -> Void)?
  }

  private static let processBox = ReporterBox()

  /// Operations estimated below this many seconds are not announced.
  public static let announceAfterSeconds = 2.0

  /// The estimated seconds of a dense symmetric eigendecomposition of order `n` on `threads`
  /// threads: (4/3)·n³ flops for values (Householder tridiagonalisation, half of it memory-bound
  /// level-2 work) or 9·n³ with vectors, at 5·10⁹ flop/s per thread (a conservative rate of the
  /// reference machine's OpenBLAS `dsyevd`).
  public static func eigendecompositionSeconds(order n: Int, vectors: Bool, threads: Int) -> Double {
    let cube = Double(n) * Double(n) * Double(n)
    return (vectors ? 9 : 4.0 / 3.0) * cube / (5e9 * Double(max(threads, 1)))
  }

  /// Runs `body`, announcing it as `label` when `estimatedSeconds` exceeds ``announceAfterSeconds``
  /// and a ``reporter`` is set: "LABEL: started (about N s)", then "LABEL: N s" each second from a
  /// timer, then "LABEL: done in N s". Cost: none when not announced.
  public static func run<T, E: Error>(
    _ label: String, estimatedSeconds: Double, _ body: () throws(E) -> T
  ) throws(E) -> T {
    guard estimatedSeconds > announceAfterSeconds, let report = reporter ?? processReporter else { return try body() }
    let start = DispatchTime.now()
    let elapsed: @Sendable () -> Int = { Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000_000) }
    report("\(label): started (about \(Int(estimatedSeconds.rounded())) s)")
    let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
    timer.schedule(deadline: .now() + 1, repeating: 1)
    timer.setEventHandler { report("\(label): \(elapsed()) s elapsed") }
    timer.resume()
    defer {
      timer.cancel()
      report("\(label): done in \(elapsed()) s")
    }
    return try body()
  }
}
