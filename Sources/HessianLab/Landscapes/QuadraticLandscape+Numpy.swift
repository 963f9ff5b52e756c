import Foundation

extension QuadraticLandscape {
  /// The quadratic ½wᵀHw with H read from a 2-D `.npy` file.
  ///
  /// H must be square, finite, symmetric (max|H − Hᵀ| ≤ 8·d·ε·max|H|, the
  /// rounding of a symmetric product) and positive semidefinite (smallest
  /// eigenvalue ≥ −τ with τ = max|λ|·d·ε of the file's precision, the numerical
  /// rank threshold of ``NumericalRank``). The rank is counted with the same τ
  /// and has provenance `computed` (an exact dense method, not an estimator).
  ///
  /// Cost: one dense eigendecomposition, O(d³).
  ///
  /// - Throws: ``InputError`` naming the file and the problem.
  public static func fromNumpyHessian(path: String, name: String? = nil) throws(InputError) -> QuadraticLandscape {
    let loaded: (matrix: Matrix, dtype: NumpyDType)
    do {
      loaded = try NumpyArray.loadMatrix(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError(error.description)
    }
    let h = loaded.matrix
    guard h.isSquare else { throw InputError("\(path): the Hessian is \(h.rows)×\(h.columns), not square") }
    guard h.rows >= 1 else { throw InputError("\(path): the Hessian is empty") }
    if let bad = h.elements.firstIndex(where: { !$0.isFinite }) {
      throw InputError(
        "\(path): entry (\(bad / h.columns), \(bad % h.columns)) is \(h.elements[bad]); the Hessian must be finite")
    }
    let precision: Precision = loaded.dtype == .float32 ? .float32 : .float64
    let d = h.rows
    let scale = h.elements.map(abs).max() ?? 0
    var worst = (0.0, 0, 0)
    for i in 0..<d { for j in (i + 1)..<d where abs(h[i, j] - h[j, i]) > worst.0 { worst = (abs(h[i, j] - h[j, i]), i, j) } }
    guard worst.0 <= 8 * Double(d) * precision.epsilon * scale else {
      throw InputError(
        "\(path): the Hessian is not symmetric: |H[\(worst.1),\(worst.2)] − H[\(worst.2),\(worst.1)]| = \(worst.0)")
    }
    let values: [Double]
    do { values = try SymmetricEigen.values(of: h) } catch {
      throw InputError("\(path): eigendecomposition failed: \(error)")
    }
    let decision = NumericalRank.decide(eigenvalues: values, dimension: d, precision: precision)
    if let lowest = values.first, lowest < -decision.threshold {
      throw InputError(
        "\(path): the Hessian is not positive semidefinite: smallest eigenvalue \(lowest) < −\(decision.threshold)")
    }
    return QuadraticLandscape(name: name ?? path, storage: .dense(h), rank: decision.rank, rankProvenance: .computed)
  }
}
