/// The one orthogonalization routine of HessianLab: projecting a vector out of (or onto) the
/// span of an orthonormal basis, and Gram–Schmidt on a block.
///
/// ```
/// x ← (I − QQᵀ)x, repeated `passes` times ("twice is enough": after two passes x ⊥ Q to O(ε))
/// x ↦ QQᵀx                                (the projection onto span(Q))
/// ```
///
/// Used by Lanczos (locked vectors and full reorthogonalization), the block range finder,
/// Hutch++, deflated power iteration, the restarted extreme-eigenvalue solver and the
/// localisation diagnostic. The vector form is modified Gram–Schmidt (x is updated after each
/// basis vector); the packed form ``projectOut(_:rows:of:coefficients:)`` is classical
/// Gram–Schmidt as two gemv calls on a row-major basis. Giraud, Langou & Rozložník,
/// "The loss of orthogonality in the Gram–Schmidt orthogonalization process", Comput. Math.
/// Appl. 50:1069–1075 (2005), for "twice is enough".
///
/// - Complexity: O(d·k) flops per pass for a basis of k vectors of length d; no HVPs.
public enum Orthogonalization {
  /// x ← (I − QQᵀ)x, `passes` times (modified Gram–Schmidt: one axpy per basis vector).
  ///
  /// - Parameters:
  ///   - x: the vector, overwritten with its component orthogonal to the basis.
  ///   - basis: orthonormal vectors of the same length as `x`.
  ///   - passes: 2 (default) for orthogonality to O(ε); 1 for a single deflation sweep.
  public static func project(_ x: inout [Double], against basis: [[Double]], passes: Int = 2) {
    for _ in 0..<passes { for u in basis { BLAS.axpy(-BLAS.dot(u, x), u, &x) } }
  }

  /// QQᵀx: the orthogonal projection of `x` onto the span of the orthonormal `basis`.
  public static func projection(of x: [Double], onto basis: [[Double]]) -> [Double] {
    var out = [Double](repeating: 0, count: x.count)
    for u in basis { BLAS.axpy(BLAS.dot(u, x), u, &out) }
    return out
  }

  /// Gram–Schmidt on a block, column by column in order: each column is projected out of the
  /// basis twice and, when its norm is positive, normalized and appended to `basis`.
  ///
  /// - Returns: the norm of each column after projection (0 for a column that added nothing).
  @discardableResult
  public static func extend(_ basis: inout [[Double]], withColumnsOf block: Matrix) -> [Double] {
    (0..<block.columns).map { j in
      var y = block.column(j)
      project(&y, against: basis)
      let n = BLAS.norm(y)
      if n > 0 {
        BLAS.scale(1 / n, &y)
        basis.append(y)
      }
      return n
    }
  }

  /// One pass of classical Gram–Schmidt against the first `rows` rows of a row-major basis
  /// (`stack`, rows of length `w.count`): c = S·w, w ← w − Sᵀc. `coefficients` is a workspace of
  /// at least `rows` entries that receives c (so a caller can read the coefficient of a row).
  public static func projectOut(
    _ w: inout [Double], rows: Int, of stack: [Double], coefficients: inout [Double]
  ) {
    let d = w.count
    precondition(stack.count >= rows * d && coefficients.count >= rows, "projectOut: workspace too small")
    stack.withUnsafeBufferPointer { s in
      w.withUnsafeMutableBufferPointer { wp in
        coefficients.withUnsafeMutableBufferPointer { c in
          BLAS.gemv(rows: rows, columns: d, s.baseAddress!, lda: d, .none, wp.baseAddress!, into: c.baseAddress!)
          BLAS.gemv(
            rows: rows, columns: d, s.baseAddress!, lda: d, .transpose, c.baseAddress!, alpha: -1, beta: 1,
            into: wp.baseAddress!)
        }
      }
    }
  }
}
