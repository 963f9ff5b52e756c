import HessianCore

/// The Cholesky factor of a dense quadratic's Hessian (``CholeskyFactor``), computed at most
/// once, when ``QuadraticLandscape/losses(at:)`` first needs it, and shared by every copy of the
/// landscape (a copy shares the storage it was made from).
///
/// Whether a batch takes the factored path depends on H alone (positive definite or not),
/// never on which call or worker came first, so every loss is the same bits for any number of
/// workers. Cost: d³/3 flops once, on one thread; nothing when no batched loss is asked for
/// (`spectrum`, `rank` and `describe` never pay it).
final class LazyCholeskyFactor: Sendable {
  private enum State {
    case notComputed
    case factored(CholeskyFactor)
    case notPositiveDefinite
  }

  private let state = Locked<State>(.notComputed)

  /// The factor of `h` (the matrix this cache belongs to), or nil when `h` is not numerically
  /// positive definite (or not finite).
  func factor(of h: Matrix) -> CholeskyFactor? {
    state.withLock { s in
      switch s {
      case let .factored(f): return f
      case .notPositiveDefinite: return nil
      case .notComputed:
        let f = (try? CholeskyFactor(of: h)) ?? nil
        s = f.map { .factored($0) } ?? .notPositiveDefinite
        return f
      }
    }
  }
}
