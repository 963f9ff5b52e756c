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
  public static func elements(of a: Matrix) -> [Double] {
    precondition(a.isSquare, "the symmetric part needs a square matrix")
    let n = a.rows
    var s = a.elements
    a.elements.withUnsafeBufferPointer { src in
      s.withUnsafeMutableBufferPointer { dst in
        guard let p = src.baseAddress, let q = dst.baseAddress else { return }
        for i0 in stride(from: 0, to: n, by: tile) {
          for j0 in stride(from: i0, to: n, by: tile) {
            for i in i0..<min(i0 + tile, n) {
              for j in max(j0, i + 1)..<max(max(j0, i + 1), min(j0 + tile, n)) {
                let v = 0.5 * (p[i * n + j] + p[j * n + i])
                q[i * n + j] = v
                q[j * n + i] = v
              }
            }
          }
        }
      }
    }
    return s
  }
}
