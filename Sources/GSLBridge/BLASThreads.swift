import CGSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The thread policy of OpenBLAS, the one place that calls `openblas_set_num_threads`.
///
/// - OpenBLAS runs on **one thread** by default, always inside parallel sampling
///   (``withinParallelWork``: the sampler's workers, whatever their number) and for every
///   operation below ``largeOperationFlops``: the small products that dominate sampling get
///   nothing from threads, and a result that depends only on its inputs stays byte-identical
///   for any `--workers`.
/// - A **single large dense operation** (an eigendecomposition, QR, SVD, or a product of
///   at least ``largeOperationFlops``) outside parallel sampling runs on ``largeOperationThreads``
///   (the CLI's `--threads N`, default all cores; 1 for a library caller that sets nothing).
///
/// OpenBLAS's thread count is one process-wide C global, so a raised count is set and
/// restored under one lock (large operations run one at a time) and never while parallel
/// sampling runs (the task-local ``withinParallelWork``). A result computed with more than one
/// thread can differ from the one-thread result in its last bits (OpenBLAS splits reductions
/// such as `dsymv` inside `dsytrd` by thread; `BENCHMARKS.md`, "Threads"), but for a fixed
/// thread count it is reproducible.
public enum BLASThreads {
  /// Products and factorizations estimated below this many flops always run on one thread
  /// (10⁸: 2–3 ms on one AVX-512 core, 100 times OpenBLAS's cost of waking its threads; a dense
  /// eigendecomposition from d ≈ 225, a 1000 × 500 by 500 × 500 triangular product).
  public static let largeOperationFlops = 1e8

  /// A matrix–vector product that streams at least this many bytes of matrix (2²⁵ = 32 MiB,
  /// a dense d×d float64 matrix from d ≈ 2050) counts as large: `gemv` does 2 flops per 8 bytes
  /// read, so it is bound by memory bandwidth, not flops, and a matrix this size does not
  /// stay in cache between products; two cores stream it faster than one.
  public static let largeStreamBytes = 1 << 25

  /// True inside parallel sampling (set by the sampler around its workers): no operation
  /// raises OpenBLAS's thread count, whatever its size.
  @TaskLocal public static var withinParallelWork = false

  private static let state = ThreadState()

  /// The number of cores this process may use (`sysconf(_SC_NPROCESSORS_ONLN)`, at least 1).
  public static var availableCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  /// The thread count used for a large dense operation (default 1 until ``setLargeOperationThreads(_:)``).
  public static var largeOperationThreads: Int { state.locked { $0.count } }

  /// Sets the thread count of large dense operations (the CLI's `--threads N`); values
  /// below 1 are taken as 1. Cost: none until the next large operation.
  public static func setLargeOperationThreads(_ count: Int) {
    state.locked { $0.count = max(1, count) }
  }

  /// Runs `body`, a single dense operation of about `flops` flops, on ``largeOperationThreads``
  /// threads when it is large (≥ ``largeOperationFlops``) and not inside parallel sampling;
  /// otherwise on one thread, without locking.
  public static func run<T, E: Error>(flops: Double, _ body: () throws(E) -> T) throws(E) -> T {
    GSLRuntime.ensureConfigured()
    guard flops >= largeOperationFlops, !withinParallelWork else { return try body() }
    return try state.exclusive { (count) throws(E) -> T in
      guard count > 1 else { return try body() }
      openblas_set_num_threads(Int32(count))
      defer { openblas_set_num_threads(1) }
      return try body()
    }
  }
}

extension BLASThreads {
  /// Runs `body`, a bandwidth-bound operation (a `gemv`) that reads `bytes` bytes of matrix,
  /// as a large operation (``run(flops:_:)``) from ``largeStreamBytes`` on; otherwise on one thread.
  public static func run<T, E: Error>(streaming bytes: Int, _ body: () throws(E) -> T) throws(E) -> T {
    try run(flops: 0, streaming: bytes, body)
  }

  /// Runs `body`, a product of `flops` flops that streams an operand of `bytes` bytes, as a large
  /// operation when either is large (a `gemm` of a big matrix by a few columns is bound by the
  /// pass over the matrix, like a `gemv`).
  public static func run<T, E: Error>(flops: Double, streaming bytes: Int, _ body: () throws(E) -> T) throws(E) -> T {
    try run(flops: bytes >= largeStreamBytes ? max(flops, largeOperationFlops) : flops, body)
  }
}

/// The configured count behind a POSIX mutex (traceable by ThreadSanitizer), and a second
/// mutex held for the whole of a large operation.
private final class ThreadState: @unchecked Sendable {
  struct Value { var count = 1 }
  private var value = Value()
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let operation = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  init() {
    mutex.initialize(to: pthread_mutex_t())
    operation.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
    pthread_mutex_init(operation, nil)
  }

  func locked<R>(_ body: (inout Value) -> R) -> R {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return body(&value)
  }

  /// Runs `body` with the configured count while holding the operation mutex.
  func exclusive<R, E: Error>(_ body: (Int) throws(E) -> R) throws(E) -> R {
    pthread_mutex_lock(operation)
    defer { pthread_mutex_unlock(operation) }
    return try body(locked { $0.count })
  }
}
