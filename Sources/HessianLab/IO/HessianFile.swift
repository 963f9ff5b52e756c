import Foundation

/// A symmetric matrix read from a `.npy` file, checked for use as a Hessian.
public struct HessianFile: Sendable {
  /// The matrix, row-major.
  public let matrix: Matrix
  /// The precision the file stores (float32 files are judged with float32's ε).
  public let precision: Precision
  /// The file name used in messages.
  public let source: String

  /// Reads `path` and checks that it holds a square, finite, symmetric matrix.
  ///
  /// Symmetry is checked to the file's precision: max|aᵢⱼ − aⱼᵢ| must not
  /// exceed 16·ε·max|aᵢⱼ| (ε of the stored dtype), which admits a matrix that
  /// was symmetrised and then rounded, and rejects a genuinely asymmetric one.
  ///
  /// - Throws: ``InputError`` with one line naming the file and the problem.
  public init(path: String) throws(InputError) {
    let name = (path as NSString).lastPathComponent
    guard FileManager.default.fileExists(atPath: path) else {
      throw InputError("\(path): no such file")
    }
    let loaded: (matrix: Matrix, dtype: NumpyDType)
    do {
      loaded = try NumpyArray.loadMatrix(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError(error.description)
    }
    let m = loaded.matrix
    let precision: Precision = loaded.dtype == .float32 ? .float32 : .float64
    guard m.isSquare else {
      throw InputError("\(name): a Hessian must be square, got a \(m.rows)×\(m.columns) matrix")
    }
    guard m.rows > 0 else { throw InputError("\(name): empty matrix (d = 0)") }
    if let bad = m.elements.firstIndex(where: { !$0.isFinite }) {
      throw InputError(
        "\(name): entry (\(bad / m.columns), \(bad % m.columns)) is \(m.elements[bad]); a Hessian must be finite")
    }
    let scale = m.elements.reduce(0) { max($0, abs($1)) }
    let tolerance = 16 * precision.epsilon * scale
    var worst = (0.0, 0, 0)
    for i in 0..<m.rows {
      for j in (i + 1)..<max(i + 1, m.columns) {
        let gap = abs(m[i, j] - m[j, i])
        if gap > worst.0 { worst = (gap, i, j) }
      }
    }
    if worst.0 > tolerance {
      throw InputError(
        "\(name): not symmetric: entries (\(worst.1), \(worst.2)) and (\(worst.2), \(worst.1)) differ by \(String(format: "%.3g", worst.0)) (allowed \(String(format: "%.3g", tolerance)) at \(precision.rawValue) precision)")
    }
    self.matrix = m
    self.precision = precision
    self.source = name
  }
}
