import Foundation

/// What the loader of a Hessian file establishes about H besides symmetry
/// (``QuadraticLandscape/fromNumpyHessian(path:name:check:)``).
public enum HessianFileCheck: Sendable, Equatable, CaseIterable {
  /// H must be positive semidefinite (w* = 0 a minimum): one dense eigendecomposition
  /// at load checks it and counts the rank. For every command that needs a minimum
  /// (`llc`, `describe`, `covariance`, `compare`, `verify`, lessons).
  case minimum
  /// An indefinite H is accepted as a saddle and recorded in ``KnownAnswers/negativeCurvature``
  /// (`spectrum`, which answers at a saddle and warns). No eigendecomposition when H passes
  /// a Cholesky test of H + s·I (``PositiveDefiniteTest``, n³/3 flops; s = max column norm·d·ε
  /// ≤ τ): rank, λ and m then stay unknown, as `spectrum` does not report them. Only when
  /// the test fails does one dense eigendecomposition decide and word the saddle warning.
  case saddleAllowed
  /// Symmetry only, no eigendecomposition at load: rank, λ and m stay unknown
  /// (`rank`, which computes the spectrum itself with the method asked for, so a
  /// Krylov method on a large file does not pay an O(d³) load).
  case symmetryOnly
}

extension QuadraticLandscape {
  /// The quadratic ½wᵀHw with H read from a 2-D `.npy` file: the one loader of
  /// Hessian files behind ``LandscapeSpec`` (and so every command).
  ///
  /// The file is read and checked by ``HessianFile`` (square, finite, symmetric to
  /// its precision). The landscape keeps the file's ``Precision``, so every
  /// ``HessianOperator`` built from it judges ranks with the file's ε. Unless
  /// `check` is ``HessianFileCheck/symmetryOnly``, one dense eigendecomposition
  /// counts the rank with τ = max|λ|·d·ε of the file's precision (``NumericalRank``;
  /// provenance `computed`: an exact dense method, not an estimator) and checks
  /// positive semidefiniteness (smallest eigenvalue ≥ −τ). The known λ = r/2 and
  /// m = 1 are those of the quadratic, not of the model the Hessian came from
  /// (``AnswerScope/hessianQuadratic``).
  ///
  /// Cost: reading d² entries, plus one dense eigendecomposition, O(d³), unless
  /// `check` is ``HessianFileCheck/symmetryOnly``.
  ///
  /// - Parameters:
  ///   - path: the `.npy` file.
  ///   - name: the landscape's name (default: `path`).
  ///   - check: what is established at load (default ``HessianFileCheck/minimum``).
  /// - Throws: ``InputError`` naming the file and the problem.
  public static func fromNumpyHessian(
    path: String, name: String? = nil, check: HessianFileCheck = .minimum
  ) throws(InputError) -> QuadraticLandscape {
    try QuadraticLandscape(file: try HessianFile(path: path), name: name ?? path, check: check)
  }

  /// The quadratic ½wᵀHw with H from `file` (see ``fromNumpyHessian(path:name:check:)``).
  ///
  /// - Throws: ``InputError`` naming the file when `check` is ``HessianFileCheck/minimum``
  ///   and H has an eigenvalue below −τ, or when the eigendecomposition fails.
  public init(file: HessianFile, name: String, check: HessianFileCheck = .minimum) throws(InputError) {
    let h = file.matrix
    let d = h.rows
    guard check != .symmetryOnly else {
      let why = "not computed when the file was read (symmetry checked only)"
      self.init(
        name: name, dense: h, precision: file.precision,
        knownAnswers: KnownAnswers(
          rank: .unknown("\(why); `rank` computes it with the method asked for"),
          learningCoefficient: .unknown("\(why): needs the rank and positive semidefiniteness"),
          multiplicity: .unknown("\(why): needs positive semidefiniteness"),
          hessian: .dense(h), scope: .hessianQuadratic))
      return
    }
    if check == .saddleAllowed, Self.passesMinimumCertificate(h, precision: file.precision) {
      let why = "not computed: `spectrum` does not report it and checked w* = 0 by a Cholesky test only"
      self.init(
        name: name, dense: h, precision: file.precision,
        knownAnswers: KnownAnswers(
          rank: .unknown("\(why); `rank` or `describe` compute it"),
          learningCoefficient: .unknown("\(why): needs the rank"),
          multiplicity: .unknown(why), hessian: .dense(h), scope: .hessianQuadratic))
      return
    }
    let values: [Double]
    do { values = try SymmetricEigen.values(of: h) } catch {
      throw InputError.file(path: file.source, problem: "eigendecomposition failed: \(error)")
    }
    let decision = NumericalRank.decide(
      eigenvalues: values, dimension: d, precision: file.precision, expectPositiveSemidefinite: false)
    let tau = decision.threshold
    let rank = Known(
      decision.rank, provenance: .computed,
      source: "counted by a dense eigendecomposition: |λ| > τ = max|λ|·d·ε with ε of the file's \(file.precision.rawValue) precision")
    let negatives = values.filter { $0 < -tau }
    if let lowest = negatives.first {
      guard check == .saddleAllowed else {
        throw InputError.file(
          path: file.source,
          problem:
            "the Hessian is not positive semidefinite: smallest eigenvalue \(String(format: "%.6g", lowest)) < −τ = \(String(format: "%.3g", -tau)), so w* = 0 is a saddle, not a minimum (rank and spectrum accept a saddle)")
      }
      let saddle = NegativeCurvature(eigenvalue: lowest, count: negatives.count, threshold: tau)
      let why = "w* = 0 is a saddle (smallest eigenvalue \(String(format: "%.4g", lowest)) < −τ): λ and m are defined at a minimum"
      self.init(
        name: name, dense: h, precision: file.precision,
        knownAnswers: KnownAnswers(
          rank: rank, learningCoefficient: .unknown(why), multiplicity: .unknown(why), hessian: .dense(h),
          scope: .hessianQuadratic, negativeCurvature: saddle))
      return
    }
    let source = "λ = r/2, m = 1 for the quadratic ½wᵀHw with this Hessian, r curved directions (Watanabe 2009)"
    self.init(
      name: name, dense: h, precision: file.precision,
      knownAnswers: KnownAnswers(
        rank: rank, learningCoefficient: Known(Rational(decision.rank, 2), provenance: .theorem, source: source),
        multiplicity: Known(1, provenance: .theorem, source: source), hessian: .dense(h), scope: .hessianQuadratic))
  }

  /// True when H + s·I has a Cholesky factor, s = (max column norm of H)·d·ε ≤ τ = max|λ|·d·ε
  /// (a column norm ‖He_j‖ never exceeds max|λ|): then no eigenvalue lies below −τ, up to the
  /// factorization's rounding, and w* = 0 is not a saddle. Cost: d²/2 + d³/3 flops.
  static func passesMinimumCertificate(_ h: Matrix, precision: Precision) -> Bool {
    let d = h.rows
    var norms = [Double](repeating: 0, count: d)
    h.elements.withUnsafeBufferPointer { p in
      norms.withUnsafeMutableBufferPointer { n in
        for i in 0..<d {
          let row = p.baseAddress! + i * d
          for j in 0..<d { n[j] += row[j] * row[j] }  // row by row: H streamed once, in order
        }
      }
    }
    let shift = (norms.max() ?? 0).squareRoot() * Double(d) * precision.epsilon
    return (try? PositiveDefiniteTest.holds(for: h, shift: shift)) ?? false
  }
}
