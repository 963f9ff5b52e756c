/// Where a known answer comes from.
public enum Provenance: String, Sendable, Codable, CaseIterable {
  /// The landscape was built to have it (a prescribed spectrum, for example).
  case construction
  /// Computed from the given data by an independent exact method: the rank of a
  /// Hessian read from a file, counted by a dense eigendecomposition with the
  /// precision threshold of ``NumericalRank`` (never by an estimator under test).
  case computed
  /// A closed-form theorem gives it (Newton polyhedron, Aoyagi's formula, ...).
  case theorem
  /// Not known.
  case unknown
}

/// One known answer with its provenance and a human-readable source.
public struct Known<Value: Sendable & Equatable>: Sendable, Equatable {
  /// The value, or `nil` when unknown.
  public var value: Value?
  /// Where the value comes from.
  public var provenance: Provenance
  /// A citation or a short reason (why it is unknown, for example).
  public var source: String

  /// An answer with its provenance and source; the provenance becomes `.unknown` when `value` is `nil`.
  public init(_ value: Value?, provenance: Provenance, source: String) {
    self.value = value
    self.provenance = value == nil ? .unknown : provenance
    self.source = source
  }

  /// An unknown answer with the reason.
  public static func unknown(_ reason: String) -> Known { Known(nil, provenance: .unknown, source: reason) }
}

/// The Hessian at the minimum, as a landscape knows it.
public enum KnownHessian: Sendable, Equatable {
  /// A dense symmetric matrix.
  case dense(Matrix)
  /// H = Bᵀ diag(values) B, where the rows of `basisRows` (k×d) are orthonormal;
  /// every other eigenvalue is 0. No d×d memory.
  case factored(values: [Double], basisRows: Matrix)

  /// The dense d×d matrix. Cost: O(d²k) for the factored form.
  public func dense(dimension d: Int) -> Matrix {
    switch self {
    case let .dense(m): return m
    case let .factored(values, b):
      var scaled = b
      for r in 0..<b.rows { for c in 0..<b.columns { scaled[r, c] *= values[r] } }
      return BLAS.multiply(b, .transpose, scaled)
    }
  }

  /// The full spectrum in ascending order, zeros included.
  /// Cost: free for the factored form, one dense eigendecomposition otherwise.
  public func spectrum(dimension d: Int) throws -> [Double] {
    switch self {
    case let .dense(m): return try SymmetricEigen.values(of: m)
    case let .factored(values, _):
      return (values + [Double](repeating: 0, count: d - values.count)).sorted()
    }
  }
}

/// Whom a landscape's learning coefficient and multiplicity describe.
public enum AnswerScope: String, Sendable, Codable, CaseIterable {
  /// The landscape itself: its loss is the model (zoo ids, `poly:`, `dln:`, `quad:`, fixtures).
  case landscape
  /// The quadratic ½(w − w*)ᵀH(w − w*) built from a Hessian H read from a file. λ = r/2 and
  /// m = 1 are that quadratic's, not those of the model H came from: for that model only
  /// the rank bounds r/2 ≤ λ ≤ r/2 + (d − r)/4 apply (when w* is a minimum of it).
  case hessianQuadratic

  /// The words that go next to a reported λ or m: `nil` for ``landscape``; for
  /// ``hessianQuadratic``, that they are the quadratic's and not the model's.
  public var phrase: String? {
    switch self {
    case .landscape: nil
    case .hessianQuadratic:
      "for the quadratic ½wᵀHw built from the Hessian file, not for the model H came from (for that model only the rank bounds apply)"
    }
  }
}

/// Evidence that w* is not a minimum: the Hessian there has eigenvalues below −τ.
public struct NegativeCurvature: Sendable, Equatable {
  /// The most negative eigenvalue of ∇²L(w*).
  public var eigenvalue: Double
  /// How many eigenvalues lie below −τ.
  public var count: Int
  /// τ = max|λ|·d·ε with ε of the landscape's precision (``NumericalRank``).
  public var threshold: Double

  /// The evidence: the most negative eigenvalue, how many lie below −τ, and τ.
  public init(eigenvalue: Double, count: Int, threshold: Double) {
    self.eigenvalue = eigenvalue
    self.count = count
    self.threshold = threshold
  }

  /// One sentence for reports: w* is a saddle, with the numbers.
  public var warning: String {
    let n = count == 1 ? "1 eigenvalue" : "\(count) eigenvalues"
    return "not a minimum: the Hessian has \(n) below −τ = \(String(format: "%.4g", -threshold)) (most negative \(String(format: "%.4g", eigenvalue))), so w* is a saddle point; the learning coefficient and its rank bounds do not apply there"
  }
}

/// The answers a landscape knows independently of any estimator.
public struct KnownAnswers: Sendable, Equatable {
  /// rank ∇²L(w*).
  public var rank: Known<Int>
  /// The local learning coefficient λ_LLC at w*.
  public var learningCoefficient: Known<Rational>
  /// Its multiplicity m.
  public var multiplicity: Known<Int>
  /// The Hessian at the minimum, when it is known in closed form.
  public var hessian: KnownHessian?
  /// Whom ``learningCoefficient`` and ``multiplicity`` describe: the landscape itself, or the
  /// quadratic built from a Hessian file (``AnswerScope/hessianQuadratic``).
  public var scope: AnswerScope
  /// Set when w* is known not to be a minimum (an indefinite Hessian read from a file with
  /// ``HessianFileCheck/saddleAllowed``); `nil` for a minimum or when not examined.
  public var negativeCurvature: NegativeCurvature?

  /// The answers as given (no consistency checks).
  public init(
    rank: Known<Int>, learningCoefficient: Known<Rational>, multiplicity: Known<Int>,
    hessian: KnownHessian?, scope: AnswerScope = .landscape, negativeCurvature: NegativeCurvature? = nil
  ) {
    self.rank = rank
    self.learningCoefficient = learningCoefficient
    self.multiplicity = multiplicity
    self.hessian = hessian
    self.scope = scope
    self.negativeCurvature = negativeCurvature
  }
}
