import Foundation

/// The floating-point precision an operator is known to.
public enum Precision: String, Sendable, Codable, CaseIterable {
  /// IEEE double precision (NumPy `<f8`), ε = 2⁻⁵².
  case float64
  /// IEEE single precision (NumPy `<f4`), ε = 2⁻²³.
  case float32

  /// Machine epsilon ε, the spacing of floats at 1 (2⁻⁵² for float64, 2⁻²³ for float32); the unit roundoff is ε/2.
  public var epsilon: Double {
    switch self {
    case .float64: Double.ulpOfOne
    case .float32: Double(Float.ulpOfOne)
    }
  }
}

/// How an eigenvalue is judged zero when counting a numerical rank.
///
/// The default follows NumPy's `matrix_rank` and MATLAB's `rank`
/// (τ = max|λ|·d·ε), with ε of the *input's* precision: a float32 Hessian is
/// only known to ~10⁻⁷ relative, and judging it with float64's ε would count
/// rounding noise as curvature (theory §2.2).
public enum ThresholdPolicy: Sendable, Equatable {
  /// τ = max|λ|·d·ε(precision). The default.
  case precisionRelative
  /// τ = factor·max|λ|.
  case relative(Double)
  /// τ = the given value.
  case absolute(Double)
  /// τ in the largest ratio gap between consecutive |λ| (sorted descending),
  /// at the geometric mean of the two eigenvalues around it. Values below the
  /// precision floor max|λ|·d·ε are treated as zero.
  case largestGap
}

/// A numerical rank and the evidence behind it.
public struct RankDecision: Sendable, Equatable {
  /// The number of eigenvalues with |λ| > ``threshold``.
  public let rank: Int
  /// The threshold τ used.
  public let threshold: Double
  /// The smallest |λ| counted (just above τ), if any.
  public let smallestCounted: Double?
  /// The largest |λ| not counted (just below τ), if any.
  public let largestUncounted: Double?
  /// smallestCounted / largestUncounted; `nil` when one side is empty, +∞ when
  /// the largest uncounted value is exactly 0.
  public let gapRatio: Double?
  /// Typed warnings about the spectrum and the threshold
  /// (``WarningCode/fragileGap``, ``WarningCode/noSpectralGap``, ``WarningCode/negativeEigenvalue``,
  /// ``WarningCode/zeroMatrix``).
  public let warnings: [Warning]
  /// The largest gap between consecutive |λ| near τ (``SpectralGap``); nil when no pair is near τ.
  public var spectralGap: SpectralGap? = nil
}

/// Counting eigenvalues above a threshold, with the threshold policy made explicit.
public enum NumericalRank {
  /// A gap ratio below this is reported as fragile.
  public static let fragileGapRatio = 10.0

  /// Decides the numerical rank of a symmetric matrix from (some of) its
  /// eigenvalues.
  ///
  /// - Parameters:
  ///   - eigenvalues: the computed eigenvalues (any order). Eigenvalues that were
  ///     not computed are taken to be below the threshold.
  ///   - dimension: d, used by ``ThresholdPolicy/precisionRelative``.
  ///   - scale: max|λ| of the operator when known better than from
  ///     `eigenvalues` (for example from a norm estimate); default max|eigenvalues|.
  ///   - precision: the precision the operator is known to.
  ///   - policy: how τ is chosen.
  ///   - expectPositiveSemidefinite: warn about eigenvalues < −τ (a Hessian at a minimum).
  public static func decide(
    eigenvalues: [Double], dimension: Int, scale: Double? = nil, precision: Precision = .float64,
    policy: ThresholdPolicy = .precisionRelative, expectPositiveSemidefinite: Bool = true
  ) -> RankDecision {
    decide(
      eigenvalues: eigenvalues, dimension: dimension, scale: scale, accuracy: precision.epsilon, policy: policy,
      expectPositiveSemidefinite: expectPositiveSemidefinite)
  }

  /// Decides the numerical rank with the relative accuracy δ of the products in place of ε:
  /// τ = max|λ|·d·δ for ``ThresholdPolicy/precisionRelative`` (and δ sets the precision floor of
  /// the gap rule). δ is ``SymmetricOperator/accuracy``: ε of the precision for exact products,
  /// larger under an ``HVPErrorModel`` (a finite-difference product is accurate to ≈ ε^{2/3}, a
  /// float32 one to 2⁻²³), so that product error is not counted as curvature. By Weyl's
  /// inequality a symmetric perturbation E moves every eigenvalue by at most ‖E‖₂ ≤ √d·max‖E eⱼ‖,
  /// which d·δ·max|λ| covers (Golub & Van Loan, *Matrix Computations*, 4th ed., Thm. 8.1.5).
  ///
  /// - Parameters: as ``decide(eigenvalues:dimension:scale:precision:policy:expectPositiveSemidefinite:)``,
  ///   with `accuracy` δ > 0 in place of the precision.
  public static func decide(
    eigenvalues: [Double], dimension: Int, scale: Double? = nil, accuracy: Double,
    policy: ThresholdPolicy = .precisionRelative, expectPositiveSemidefinite: Bool = true
  ) -> RankDecision {
    let magnitudes = eigenvalues.map(abs).sorted(by: >)
    let maxAbs = scale ?? (magnitudes.first ?? 0)
    let floor = maxAbs * Double(max(dimension, 1)) * accuracy
    var warnings: [Warning] = []
    let tau: Double
    switch policy {
    case .precisionRelative: tau = floor
    case let .relative(f): tau = f * maxAbs
    case let .absolute(t): tau = t
    case .largestGap: tau = largestGapThreshold(magnitudes, floor: floor)
    }
    let counted = magnitudes.filter { $0 > tau }
    let uncounted = magnitudes.filter { $0 <= tau }
    let smallest = counted.last
    let largest = uncounted.first
    var gap: Double? = nil
    if let s = smallest, let l = largest { gap = l == 0 ? .infinity : s / l }
    if let g = gap, g < fragileGapRatio {
      warnings.append(Warning(
        .fragileGap,
        "gap ratio at the threshold is only \(format(g)) (< \(Int(fragileGapRatio))×): the rank is sensitive to the threshold"))
    }
    let spectralGap = SpectralGap(eigenvalues: magnitudes, threshold: tau)
    if let w = spectralGap?.warning { warnings.append(w) }
    if expectPositiveSemidefinite, let most = eigenvalues.min(), most < -tau {
      warnings.append(Warning(
        .negativeEigenvalue,
        "eigenvalue \(format(most)) is clearly negative (below −τ = \(format(-tau))): this is not a minimum, and |λ| was counted"))
    }
    if maxAbs == 0 { warnings.append(Warning(.zeroMatrix, "the matrix is zero: rank 0")) }
    return RankDecision(
      rank: counted.count, threshold: tau, smallestCounted: smallest, largestUncounted: largest,
      gapRatio: gap, warnings: warnings, spectralGap: spectralGap)
  }

  static func largestGapThreshold(_ descending: [Double], floor: Double) -> Double {
    guard let top = descending.first, top > 0 else { return 0 }
    let values = descending.map { $0 <= floor ? 0 : $0 }
    var best = -1.0
    var bestIndex = values.count - 1
    for i in 0..<(values.count - 1) where values[i] > 0 {
      let ratio = values[i + 1] == 0 ? Double.infinity : values[i] / values[i + 1]
      if ratio > best {
        best = ratio
        bestIndex = i
      }
    }
    if bestIndex >= values.count - 1 { return max(floor, 0) }
    let above = values[bestIndex], below = values[bestIndex + 1]
    return below == 0 ? max(floor, above * 0.5) : (above * below).squareRoot()
  }

  static func format(_ x: Double) -> String {
    x.isInfinite ? "∞" : String(format: "%.4g", x)
  }
}
