/// The quadratic L(w) = ½ (w − w*)ᵀ H (w − w*) with a prescribed Hessian.
///
/// H is stored in one of three forms so that large, low-rank cases need no d×d
/// memory:
/// - `.diagonal(h)`: H = diag(h) (axis-aligned), O(d) memory;
/// - `.factored(values, basisRows)`: H = Bᵀ diag(values) B with B (k×d) having
///   orthonormal rows, O(kd) memory;
/// - `.dense(H)`: a symmetric matrix (positive semidefinite at a minimum), O(d²) memory.
///
/// Known answers are exact by construction: the Hessian is H everywhere, its
/// rank is the number of nonzero prescribed eigenvalues, and λ_LLC = r/2 with
/// multiplicity 1 (a quadratic with r curved directions and d − r exactly flat
/// ones; Watanabe 2009, additivity over separated variables). A quadratic read
/// from a Hessian file (``fromNumpyHessian(path:name:check:)``) keeps the file's
/// ``precision``, and its λ is scoped to the quadratic (``AnswerScope/hessianQuadratic``).
public struct QuadraticLandscape: Landscape {
  /// How the Hessian is stored.
  public enum Storage: Sendable, Equatable {
    /// H = diag(h), one entry per coordinate (zeros are flat directions); O(d) memory.
    case diagonal([Double])
    /// H = Bᵀ diag(values) B with B = `basisRows` (k×d) having orthonormal rows, one value per row; O(kd) memory.
    case factored(values: [Double], basisRows: Matrix)
    /// A d×d matrix H, assumed symmetric (only squareness is checked; a Hessian file is checked by
    /// ``QuadraticLandscape/fromNumpyHessian(path:name:check:)``); O(d²) memory.
    case dense(Matrix)
  }

  /// The label given at construction.
  public let name: String
  /// d, read from the storage (length of the diagonal, columns of B, or size of H).
  public let dimension: Int
  /// w*, the origin unless given.
  public let minimum: [Double]
  /// The Hessian H as given.
  public let storage: Storage
  /// The Hessian H; its rank r (given, or counted from the stored eigenvalues; unknown for `.dense` without one);
  /// λ = r/2 and m = 1 (λ unknown with the rank). For a Hessian file, see
  /// ``fromNumpyHessian(path:name:check:)``.
  public let knownAnswers: KnownAnswers
  /// The precision H is known to: that of the `.npy` file it was read from, float64 otherwise.
  public let precision: Precision
  /// `.dense` only: L with H = L·Lᵀ, for the batched loss, made on first use.
  let denseFactor = LazyCholeskyFactor()

  /// A quadratic with the given Hessian storage and minimum (default: the origin).
  ///
  /// - Parameters:
  ///   - rank: the exact rank when the caller knows it; otherwise it is counted
  ///     from the stored eigenvalues (`.diagonal`, `.factored`) or left unknown
  ///     (`.dense`).
  ///   - rankProvenance: where a given `rank` comes from (`.construction` for a
  ///     prescribed spectrum, `.computed` for a rank counted from a file).
  ///   - precision: the precision the entries of H are known to (float32 for a
  ///     matrix stored in single precision).
  public init(
    name: String, storage: Storage, minimum: [Double]? = nil, rank: Int? = nil,
    rankProvenance: Provenance = .construction, precision: Precision = .float64
  ) {
    let d: Int
    let hessian: KnownHessian
    var countedRank: Int? = rank
    switch storage {
    case let .diagonal(h):
      d = h.count
      var indices: [Int] = [], values: [Double] = []
      h.withUnsafeBufferPointer { p in
        for i in 0..<d where p[i] != 0 {
          indices.append(i)
          values.append(p[i])
        }
      }
      var b = Matrix(rows: indices.count, columns: d)
      for (r, i) in indices.enumerated() { b[r, i] = 1 }
      hessian = .factored(values: values, basisRows: b)
      countedRank = countedRank ?? indices.count
    case let .factored(values, b):
      precondition(values.count == b.rows, "one eigenvalue per basis row")
      d = b.columns
      hessian = .factored(values: values, basisRows: b)
      countedRank = countedRank ?? values.filter { $0 != 0 }.count
    case let .dense(h):
      precondition(h.isSquare, "a dense Hessian must be square")
      d = h.rows
      hessian = .dense(h)
    }
    self.name = name
    self.dimension = d
    self.storage = storage
    self.precision = precision
    self.minimum = minimum ?? [Double](repeating: 0, count: d)
    precondition(self.minimum.count == d, "minimum has the wrong dimension")
    let source = "quadratic with a prescribed Hessian: λ = r/2, m = 1"
    if let r = countedRank {
      knownAnswers = KnownAnswers(
        rank: rank != nil && rankProvenance == .computed
          ? Known(r, provenance: .computed, source: "counted by a dense eigendecomposition at the file's precision threshold")
          : Known(r, provenance: .construction, source: "prescribed spectrum"),
        learningCoefficient: Known(Rational(r, 2), provenance: .theorem, source: source),
        multiplicity: Known(1, provenance: .theorem, source: source),
        hessian: hessian)
    } else {
      knownAnswers = KnownAnswers(
        rank: .unknown("dense Hessian given without its rank; compute it with `rank --method dense`"),
        learningCoefficient: .unknown("depends on the rank"),
        multiplicity: Known(1, provenance: .theorem, source: source),
        hessian: hessian)
    }
  }

  /// A dense quadratic with answers established by the caller (the Hessian-file loader).
  init(name: String, dense h: Matrix, precision: Precision, knownAnswers: KnownAnswers) {
    precondition(h.isSquare, "a dense Hessian must be square")
    self.name = name
    self.dimension = h.rows
    self.storage = .dense(h)
    self.minimum = [Double](repeating: 0, count: h.rows)
    self.precision = precision
    self.knownAnswers = knownAnswers
  }

  /// The Hessian applied to a displacement u (the HVP, which is the same at every point).
  public func applyHessian(_ u: [Double], into out: inout [Double]) {
    switch storage {
    case let .diagonal(h):
      for i in 0..<dimension { out[i] = h[i] * u[i] }
    case let .factored(values, b):
      var c = BLAS.multiply(b, .none, u)
      for j in c.indices { c[j] *= values[j] }
      BLAS.gemv(b, .transpose, c, into: &out)
    case let .dense(h):
      BLAS.gemv(h, .none, u, into: &out)
    }
  }

  /// ½ (w − w*)ᵀ H (w − w*). Cost: one application of H (O(d), O(kd) or O(d²)).
  public func loss(at w: [Double]) -> Double {
    let u = displacement(w)
    var hu = [Double](repeating: 0, count: dimension)
    applyHessian(u, into: &hu)
    return 0.5 * BLAS.dot(u, hu)
  }

  /// Writes H(w − w*) into `g`. Cost: one application of H.
  public func gradient(at w: [Double], into g: inout [Double]) {
    applyHessian(displacement(w), into: &g)
  }

  /// Writes H·v into `out`; `w` is ignored (the Hessian is constant). Cost: one application of H.
  public func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    applyHessian(v, into: &out)
  }

  /// H·V for a d×k block V; `w` is ignored (the Hessian is constant). Cost: k HVPs as one
  /// BLAS-3 call: H·V (dense, one gemm), Bᵀ·(diag(values)·(B·V)) (factored, two gemms), or
  /// diag(h)·V (diagonal, O(dk)). A single column (k = 1) is the gemv of
  /// ``hessianVectorProduct(at:_:into:)``, so one-vector methods round exactly as before.
  public func hessianProduct(at w: [Double], block v: Matrix) -> Matrix {
    precondition(v.rows == dimension, "block has \(v.rows) rows, landscape has d = \(dimension)")
    let d = dimension, k = v.columns
    if k == 1 {
      var out = [Double](repeating: 0, count: d)
      applyHessian(v.elements, into: &out)
      return Matrix(rows: d, columns: 1, elements: out)
    }
    switch storage {
    case let .diagonal(h):
      var out = v
      for i in 0..<d { for j in 0..<k { out.elements[i * k + j] *= h[i] } }
      return out
    case let .factored(values, b):
      var c = BLAS.multiply(b, .none, v, .none)  // r×k
      for i in 0..<c.rows { for j in 0..<k { c.elements[i * k + j] *= values[i] } }
      return BLAS.multiply(b, .transpose, c, .none)
    case let .dense(h):
      return BLAS.multiply(h, .none, v, .none)
    }
  }

  /// Whether ``losses(at:)`` goes through the Cholesky factor: a dense, numerically positive-definite
  /// H whose factor fits the memory budget beside it. Asking makes the factor, as the first
  /// batched loss would (d³/3 flops once).
  public var batchedLossIsFactored: Bool {
    guard case let .dense(h) = storage else { return false }
    return denseFactor.factor(of: h) != nil
  }

  /// Batched loss: one matrix–matrix product for all n points. A dense positive-definite H
  /// is used through its Cholesky factor, Lᵢ = ½‖Lᵀxᵢ‖² with H = L·Lᵀ (``CholeskyFactor``,
  /// made once per landscape): a triangular product of half the flops of X·H, and never
  /// negative; any other dense H takes ½ xᵢᵀ(H xᵢ) from one gemm.
  /// Cost: n·d² flops plus d³/3 once (dense positive definite), 2nd² (other dense),
  /// 2ndk (factored), 2nd (diagonal).
  public func losses(at points: Matrix) -> [Double] {
    precondition(points.columns == dimension, "points have \(points.columns) columns, landscape has d = \(dimension)")
    let n = points.rows, d = dimension
    var x = points
    if minimum.contains(where: { $0 != 0 }) {
      for i in 0..<n { for j in 0..<d { x[i, j] -= minimum[j] } }
    }
    var out = [Double](repeating: 0, count: n)
    switch storage {
    case let .diagonal(h):
      for i in 0..<n {
        var s = 0.0
        for j in 0..<d { let v = x.elements[i * d + j]; s += h[j] * v * v }
        out[i] = 0.5 * s
      }
    case let .factored(values, b):
      let z = BLAS.multiply(x, .none, b, .transpose)  // n×k
      let k = values.count
      for i in 0..<n {
        var s = 0.0
        for j in 0..<k { let v = z.elements[i * k + j]; s += values[j] * v * v }
        out[i] = 0.5 * s
      }
    case let .dense(h):
      if let factor = denseFactor.factor(of: h) {  // ½‖Lᵀxᵢ‖²: half the flops of X·H
        factor.multiplyOnRight(&x)  // row i is xᵢᵀL
        x.elements.withUnsafeBufferPointer { yp in
          guard let y0 = yp.baseAddress else { return }
          for i in 0..<n { out[i] = 0.5 * RowDot.dot(y0 + i * d, y0 + i * d, count: d) }
        }
        return out
      }
      let y = BLAS.multiply(x, .none, h, .none)  // n×d, y_i = H x_i (H symmetric)
      y.elements.withUnsafeBufferPointer { yp in
        x.elements.withUnsafeBufferPointer { xp in
          guard let y0 = yp.baseAddress, let x0 = xp.baseAddress else { return }
          for i in 0..<n { out[i] = 0.5 * RowDot.dot(y0 + i * d, x0 + i * d, count: d) }
        }
      }
    }
    return out
  }

  private func displacement(_ w: [Double]) -> [Double] {
    precondition(w.count == dimension, "point has \(w.count) coordinates, landscape has d = \(dimension)")
    return zip(w, minimum).map { $0 - $1 }
  }
}

extension QuadraticLandscape {
  /// How the eigenvectors of a prescribed spectrum are placed.
  public enum Basis: Sendable, Equatable {
    /// The coordinate axes: H is diagonal.
    case axisAligned
    /// A uniformly random orthonormal basis drawn from the given seed
    /// (Gaussian matrix, Householder QR).
    case randomOrthonormal(seed: UInt64)
  }

  /// A quadratic in d dimensions whose nonzero eigenvalues are `eigenvalues`
  /// (repeats give multiplicities; the remaining d − k eigenvalues are 0).
  ///
  /// - Precondition: every eigenvalue is positive and finite, k ≤ d.
  public static func withSpectrum(
    name: String, nonzeroEigenvalues eigenvalues: [Double], dimension d: Int, basis: Basis
  ) throws -> QuadraticLandscape {
    precondition(eigenvalues.count <= d, "more eigenvalues than dimensions")
    precondition(eigenvalues.allSatisfy { $0 > 0 && $0.isFinite }, "eigenvalues must be positive and finite")
    switch basis {
    case .axisAligned:
      var h = [Double](repeating: 0, count: d)
      for (i, v) in eigenvalues.enumerated() { h[i] = v }
      return QuadraticLandscape(name: name, storage: .diagonal(h), rank: eigenvalues.count)
    case let .randomOrthonormal(seed):
      var rng = SeededGenerator(seed: seed)
      let k = eigenvalues.count
      let g = Matrix(rows: d, columns: k, elements: rng.normals(d * k))
      let q = try Factorizations.orthonormalColumns(of: g)  // d×k
      return QuadraticLandscape(
        name: name, storage: .factored(values: eigenvalues, basisRows: q.transposed), rank: k)
    }
  }
}
