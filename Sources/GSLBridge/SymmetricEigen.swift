import CGSL

/// Which dense symmetric eigensolver to use.
public enum EigenSolver: Sendable, CaseIterable {
  /// GSL below ``SymmetricEigen/crossoverDimension``, LAPACK at or above it.
  case automatic
  /// GSL's `gsl_eigen_symm` / `gsl_eigen_symmv` (implicit symmetric QR).
  case gsl
  /// LAPACK's `dsyevd` (divide and conquer) from OpenBLAS.
  case lapack
}

/// A failure of a dense linear-algebra routine.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The matrix is not square.
  case notSquare(rows: Int, columns: Int)
  /// The matrix has a NaN or infinite entry.
  case notFinite
  /// GSL reported a failure.
  case gsl(GSLError)
  /// LAPACK returned a nonzero `info`.
  case lapack(routine: String, info: Int)

  public var description: String {
    switch self {
    case let .notSquare(r, c): "matrix is \(r)×\(c), not square"
    case .notFinite: "matrix has a NaN or infinite entry"
    case let .gsl(e): e.description
    case let .lapack(routine, info): "\(routine) failed (info = \(info))"
    }
  }
}

/// Eigenvalues in ascending order and, optionally, orthonormal eigenvectors.
public struct SymmetricEigendecomposition: Sendable {
  /// The eigenvalues, ascending.
  public let values: [Double]
  /// Column k is a unit eigenvector for `values[k]`.
  public let vectors: Matrix
}

/// Dense eigendecomposition of a real symmetric matrix.
///
/// The input is symmetrised, (A + Aᵀ)/2, before it is handed to either solver,
/// so both paths see the same matrix. Cost: O(n³) flops, O(n²) memory. LAPACK runs on
/// ``BLASThreads/largeOperationThreads`` from 9n³ ≥ ``BLASThreads/largeOperationFlops``
/// (d ≳ 225), and a run estimated above 2 s is announced through ``LongOperationProgress``.
///
/// The crossover between GSL and LAPACK was measured on the reference machine
/// (2-core AVX-512, GSL 2.7.1, OpenBLAS 0.3.21 on one thread) with
/// `Benchmarks/eigen-crossover.c`: GSL is faster up to n = 32 (GSL/LAPACK time
/// ratio 0.6–0.93), LAPACK from n = 48 on (1.2× at 48, 3.3× at 128).
public enum SymmetricEigen {
  /// Below this dimension ``EigenSolver/automatic`` uses GSL, at or above it LAPACK.
  public static let crossoverDimension = 40

  /// Eigenvalues only, ascending.
  public static func values(of a: Matrix, solver: EigenSolver = .automatic) throws(LinearAlgebraError) -> [Double] {
    try validate(a)
    switch resolve(solver, a.rows) {
    case .gsl: return try gslDecompose(SymmetricPart.elements(of: a), n: a.rows, vectors: false).values
    default: return try lapackDecompose(SymmetricPart.lapackLowerTriangle(of: a), n: a.rows, vectors: false).values
    }
  }

  /// Eigenvalues (ascending) and eigenvectors.
  public static func decomposition(
    of a: Matrix, solver: EigenSolver = .automatic
  ) throws(LinearAlgebraError) -> SymmetricEigendecomposition {
    try validate(a)
    switch resolve(solver, a.rows) {
    case .gsl: return try gslDecompose(SymmetricPart.elements(of: a), n: a.rows, vectors: true)
    default: return try lapackDecompose(SymmetricPart.lapackLowerTriangle(of: a), n: a.rows, vectors: true)
    }
  }

  static func resolve(_ solver: EigenSolver, _ n: Int) -> EigenSolver {
    solver == .automatic ? (n < crossoverDimension ? .gsl : .lapack) : solver
  }

  static func validate(_ a: Matrix) throws(LinearAlgebraError) {
    guard a.isSquare else { throw .notSquare(rows: a.rows, columns: a.columns) }
    guard a.isFinite else { throw .notFinite }
  }

  /// GSL path. `rows`/`columns`/`workspace` are separate so tests can provoke
  /// GSL's own shape errors (`GSL_ENOTSQR`, `GSL_EBADLEN`).
  static func gslDecompose(
    _ elements: [Double], n: Int, vectors: Bool
  ) throws(LinearAlgebraError) -> SymmetricEigendecomposition {
    if n == 0 { return SymmetricEigendecomposition(values: [], vectors: Matrix(rows: 0, columns: 0)) }
    LongOperationProgress.eigendecompositionObserver?(n)
    do {
      if vectors {
        let (vals, vecs) = try gslSymmv(elements, n: n)
        return SymmetricEigendecomposition(values: vals, vectors: Matrix(rows: n, columns: n, elements: vecs))
      }
      let vals = try gslSymm(elements, rows: n, columns: n, workspace: n)
      return SymmetricEigendecomposition(values: vals, vectors: Matrix(rows: 0, columns: 0))
    } catch {
      throw .gsl(error)
    }
  }

  static func gslSymm(_ elements: [Double], rows: Int, columns: Int, workspace: Int) throws(GSLError) -> [Double] {
    GSLRuntime.ensureConfigured()
    var a = elements
    var w = [Double](repeating: 0, count: rows)
    guard let ws = gsl_eigen_symm_alloc(workspace) else { throw GSLError(code: Int(GSL_ENOMEM), function: "gsl_eigen_symm_alloc") }
    defer { gsl_eigen_symm_free(ws) }
    let status: Int32 = a.withUnsafeMutableBufferPointer { ap in
      w.withUnsafeMutableBufferPointer { wp in
        var mv = gsl_matrix_view_array(ap.baseAddress, rows, columns)
        var vv = gsl_vector_view_array(wp.baseAddress, rows)
        return gsl_eigen_symm(&mv.matrix, &vv.vector, ws)
      }
    }
    try gslCheck(status, "gsl_eigen_symm")
    return w.sorted()
  }

  static func gslSymmv(_ elements: [Double], n rows: Int) throws(GSLError) -> ([Double], [Double]) {
    GSLRuntime.ensureConfigured()
    var a = elements
    var w = [Double](repeating: 0, count: rows)
    var z = [Double](repeating: 0, count: rows * rows)
    guard let ws = gsl_eigen_symmv_alloc(rows) else { throw GSLError(code: Int(GSL_ENOMEM), function: "gsl_eigen_symmv_alloc") }
    defer { gsl_eigen_symmv_free(ws) }
    let status: Int32 = a.withUnsafeMutableBufferPointer { ap in
      w.withUnsafeMutableBufferPointer { wp in
        z.withUnsafeMutableBufferPointer { zp in
          var mv = gsl_matrix_view_array(ap.baseAddress, rows, rows)
          var vv = gsl_vector_view_array(wp.baseAddress, rows)
          var zv = gsl_matrix_view_array(zp.baseAddress, rows, rows)
          let s = gsl_eigen_symmv(&mv.matrix, &vv.vector, &zv.matrix, ws)
          if s != cgsl_success() { return s }
          return gsl_eigen_symmv_sort(&vv.vector, &zv.matrix, GSL_EIGEN_SORT_VAL_ASC)
        }
      }
    }
    try gslCheck(status, "gsl_eigen_symmv")
    return (w, z)
  }

  /// LAPACK `dsyevd` path. The symmetric input reads the same in row- and
  /// column-major order; the eigenvectors come back column-major (column k
  /// contiguous) and are transposed into the row-major result.
  static func lapackDecompose(
    _ elements: consuming [Double], n: Int, vectors: Bool
  ) throws(LinearAlgebraError) -> SymmetricEigendecomposition {
    GSLRuntime.ensureConfigured()
    if n == 0 { return SymmetricEigendecomposition(values: [], vectors: Matrix(rows: 0, columns: 0)) }
    var a = consume elements  // owned: dsyevd overwrites it without a second d×d copy
    var w = [Double](repeating: 0, count: n)
    var jobz: CChar = vectors ? 86 : 78  // "V" or "N"
    var uplo: CChar = 76  // "L"
    var nn = Int32(n), lda = Int32(n), info: Int32 = 0
    var lwork: Int32 = -1, liwork: Int32 = -1
    var workQuery = 0.0
    var iworkQuery: Int32 = 0
    dsyevd_(&jobz, &uplo, &nn, &a, &lda, &w, &workQuery, &lwork, &iworkQuery, &liwork, &info)
    guard info == 0 else { throw .lapack(routine: "dsyevd", info: Int(info)) }
    lwork = Int32(workQuery.rounded(.up))
    liwork = max(iworkQuery, 1)
    var work = [Double](repeating: 0, count: Int(lwork))
    var iwork = [Int32](repeating: 0, count: Int(liwork))
    let cube = Double(n) * Double(n) * Double(n)
    let threads = cube * 9 >= BLASThreads.largeOperationFlops && !BLASThreads.withinParallelWork ? BLASThreads.largeOperationThreads : 1
    LongOperationProgress.eigendecompositionObserver?(n)
    LongOperationProgress.run(
      "dense eigendecomposition, d = \(n)\(threads > 1 ? ", \(threads) threads" : "")",
      estimatedSeconds: LongOperationProgress.eigendecompositionSeconds(order: n, vectors: vectors, threads: threads)
    ) {
      BLASThreads.run(flops: 9 * cube) {
        dsyevd_(&jobz, &uplo, &nn, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info)
      }
    }
    guard info == 0 else { throw .lapack(routine: "dsyevd", info: Int(info)) }
    guard vectors else { return SymmetricEigendecomposition(values: w, vectors: Matrix(rows: 0, columns: 0)) }
    var v = Matrix(rows: n, columns: n)
    for k in 0..<n { for i in 0..<n { v[i, k] = a[k * n + i] } }
    return SymmetricEigendecomposition(values: w, vectors: v)
  }
}
