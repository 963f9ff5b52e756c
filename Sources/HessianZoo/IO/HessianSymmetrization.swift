import Foundation

/// Whether an asymmetric `.npy` Hessian is refused or replaced by its symmetric part
/// (H + Hᵀ)/2, for the task that reads it (``HessianFile/init(path:)``).
///
/// A front end that offers the choice sets ``current`` for the run: `.refuse` makes the
/// asymmetry error name the ``InputError/Parameter/symmetrize`` setting, `.symmetrize`
/// symmetrizes and records ‖H − Hᵀ‖_F/‖H‖_F in ``Record`` so the report can state it. Without
/// a choice (`nil`, the default) an asymmetric file is refused without a suggestion.
///
/// Cost: one pass over the d² entries (the asymmetry norm), and one more to symmetrize.
public enum HessianSymmetrization: Sendable {
  /// Refuse an asymmetric matrix, suggesting the symmetrize setting.
  case refuse
  /// Use (H + Hᵀ)/2 and record the relative asymmetry in `record`.
  case symmetrize(Record)

  /// The relative asymmetries ‖H − Hᵀ‖_F/‖H‖_F of the files symmetrized in a run.
  public final class Record: Sendable {
    private let values = Locked<[Double]>([])

    /// An empty record.
    public init() {}

    /// Adds one file's relative asymmetry.
    func append(_ value: Double) { values.withLock { $0.append(value) } }

    /// The largest relative asymmetry of the files symmetrized; nil when none was.
    public var largest: Double? { values.withLock { $0.max() } }
  }

  /// The choice of the current task; nil when the front end offers none.
  @TaskLocal public static var current: HessianSymmetrization?

  /// ‖H − Hᵀ‖_F/‖H‖_F of the square `m` (0 for the zero matrix).
  public static func relativeAsymmetry(_ m: Matrix) -> Double {
    var difference = 0.0
    var norm = 0.0
    for i in 0..<m.rows {
      for j in 0..<m.columns {
        let a = m[i, j]
        norm += a * a
        if j > i {
          let e = a - m[j, i]
          difference += 2 * e * e
        }
      }
    }
    return norm > 0 ? (difference / norm).squareRoot() : 0
  }

  /// (H + Hᵀ)/2 of the square `m` (``SymmetricPart``, the same matrix the eigensolvers use).
  public static func symmetricPart(_ m: Matrix) -> Matrix { SymmetricPart.of(m) }
}
