/// Test tolerances, each derived rather than guessed.
///
/// Backward-stable dense eigensolvers (LAPACK `dsyevd`, GSL's symmetric QR)
/// return eigenpairs with residual ‖Av − λv‖ ≤ c·n·ε·‖A‖ and eigenvectors
/// orthonormal to c·n·ε (Golub & Van Loan, *Matrix Computations*, §8.3). The
/// constant c is modest; 10 is used throughout, so a tolerance of
/// `10 · n · ε · scale` fails for any real defect (a wrong eigenvalue is off by
/// O(1)·scale) while passing rounding.
public enum Tolerance {
  /// The constant c in c·n·ε bounds.
  public static let backwardStableConstant = 10.0

  /// c·n·ε·scale for an n×n dense computation.
  public static func dense(n: Int, scale: Double) -> Double {
    backwardStableConstant * Double(max(n, 1)) * Double.ulpOfOne * max(scale, Double.leastNormalMagnitude)
  }

  /// Central-difference tolerance for a derivative with step h of a function
  /// with third derivative bounded by `thirdDerivativeBound` and values of size
  /// `valueScale`: truncation h²M/6 plus rounding ε·|f|/h, times a safety 10.
  public static func centralDifference(step h: Double, thirdDerivativeBound: Double, valueScale: Double) -> Double {
    10 * (h * h * thirdDerivativeBound / 6 + Double.ulpOfOne * max(valueScale, 1) / h)
  }
}
