import HessianCore

/// The Cholesky factor of a dense quadratic's Hessian (``CholeskyFactor``), computed at most
/// once, when ``QuadraticLandscape/losses(at:)`` first needs it, and shared by every copy of the
/// landscape (a copy shares the storage it was made from).
///
/// Whether a batch takes the factored path depends on H and the memory budget alone (positive
/// definite or not; H and L together within ``MemoryBudget/bytes``), never on which call or
/// worker came first, so every loss is the same bits for any number of workers. Cost: d³/3
/// flops once, on one thread, and d² doubles; nothing when no batched loss is asked for
/// (`spectrum`, `rank` and `describe` never pay it), and nothing over the budget (the gemm path
/// allocates no d × d matrix).
final class LazyCholeskyFactor: Sendable {
  private enum State {
    case notComputed
    case factored(CholeskyFactor)
    case notUsed
  }

  /// Whether H (order d) and its factor L fit `budget` bytes together: 2·d²·8, with checked
  /// arithmetic (an overflow does not fit).
  static func fits(order d: Int, budget: Int) -> Bool {
    guard let bytes = MemoryBudget.product(2, d, d, MemoryLayout<Double>.size) else { return false }
    return bytes <= budget
  }

  private let state = Locked<State>(.notComputed)

  /// The factor of `h` (the matrix this cache belongs to), or nil when `h` is not numerically
  /// positive definite (or not finite), or H and L would not fit the memory budget together.
  func factor(of h: Matrix) -> CholeskyFactor? {
    state.withLock { s in
      switch s {
      case let .factored(f): return f
      case .notUsed: return nil
      case .notComputed:
        let f = Self.fits(order: h.rows, budget: MemoryBudget.bytes) ? (try? CholeskyFactor(of: h)) ?? nil : nil
        s = f.map { .factored($0) } ?? .notUsed
        return f
      }
    }
  }
}
