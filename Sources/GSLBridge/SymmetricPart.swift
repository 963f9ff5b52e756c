/// The symmetric part of a square matrix:
///
/// ```
/// S = (A + Aᵀ)/2,   Sᵢⱼ = Sⱼᵢ = ½(Aᵢⱼ + Aⱼᵢ)
/// ```
///
/// formed by square tiles of ``tile`` so the reads down columns stay in cache (a plain double
/// loop reads Aⱼᵢ a row apart for every j). The same bits as that plain loop: each entry is the
/// same one sum and one halving. Cost: one pass over the n² entries.
public enum SymmetricPart {
  /// The tile edge: two 64 × 64 tiles of doubles (64 KiB) fit in L2.
  static let tile = 64

  /// (A + Aᵀ)/2 of the square `a`.
  public static func of(_ a: Matrix) -> Matrix {
    Matrix(rows: a.rows, columns: a.columns, elements: elements(of: a))
  }

  /// The row-major elements of (A + Aᵀ)/2 of the square `a`.
  public static func elements(of a: Matrix) -> [Double] { tiled(a, bothTriangles: true) }

  /// The triangle of (A + Aᵀ)/2 that LAPACK's `uplo = "L"` reads, laid out for LAPACK: row-major
  /// entries (i, j ≥ i), which are the lower triangle of the same storage read column-major. The
  /// other triangle is left uninitialised (LAPACK's symmetric routines with `"L"` never read it;
  /// `dsyevd` writes eigenvectors over the whole array). Same tiles and the same bits per entry as
  /// ``elements(of:)``, for half the writes and, on a fresh allocation, about half the page faults.
  ///
  /// - Complexity: reads n² entries, writes n(n + 1)/2.
  public static func lapackLowerTriangle(of a: Matrix) -> [Double] { tiled(a, bothTriangles: false) }

  /// The tiled pass behind both: entries (i, j ≥ i) always, their mirror images (j, i) when
  /// `bothTriangles`, into uninitialised storage (a copy of `a` first would touch, and on a fresh
  /// allocation page-fault, every page twice).
  static func tiled(_ a: Matrix, bothTriangles: Bool) -> [Double] {
    precondition(a.isSquare, "the symmetric part needs a square matrix")
    let n = a.rows
    return a.elements.withUnsafeBufferPointer { src in
      [Double](unsafeUninitializedCapacity: n * n) { dst, initialized in
        guard let p = src.baseAddress, let q = dst.baseAddress else { return initialized = 0 }
        for i0 in stride(from: 0, to: n, by: tile) {
          for j0 in stride(from: i0, to: n, by: tile) {
            for i in i0..<min(i0 + tile, n) {
              if j0 == i0 { q[i * n + i] = p[i * n + i] }
              for j in max(j0, i + 1)..<max(max(j0, i + 1), min(j0 + tile, n)) {
                let v = 0.5 * (p[i * n + j] + p[j * n + i])
                q[i * n + j] = v
                if bothTriangles { q[j * n + i] = v }
              }
            }
          }
        }
        initialized = n * n
      }
    }
  }
}
