import Foundation

/// A symmetric matrix read from a `.npy` file, checked for use as a Hessian.
///
/// This is the one reader of Hessian files: ``QuadraticLandscape/fromNumpyHessian(path:name:check:)``
/// (and so ``LandscapeSpec`` and every command) builds on it, so every path sees the same
/// checks, the same messages and the file's ``Precision``.
public struct HessianFile: Sendable {
  /// The matrix, row-major, widened to `Double`.
  public let matrix: Matrix
  /// The precision the file stores (float32 files are judged with float32's ε).
  public let precision: Precision
  /// The file name used in messages (its last path component).
  public let source: String

  /// Reads `path` (standard input when it is `-`, ``NumpyStandardInput``) and checks that it holds a square, non-empty, finite, symmetric matrix.
  ///
  /// Symmetry is checked to the file's precision: max|aᵢⱼ − aⱼᵢ| must not
  /// exceed 8·d·ε·max|aᵢⱼ| (ε of the stored dtype), the rounding of a product
  /// such as A·Aᵀ computed in that precision; a genuinely asymmetric matrix is
  /// refused, unless the task's ``HessianSymmetrization`` is `.symmetrize`: then the
  /// matrix is (H + Hᵀ)/2 and ‖H − Hᵀ‖_F/‖H‖_F is recorded. (The eigensolvers use (H + Hᵀ)/2.)
  ///
  /// Cost: one pass over the d² entries after reading them.
  ///
  /// - Throws: ``InputError`` with one line naming the file and the problem.
  public init(path: String) throws(InputError) {
    let stdin = NumpyStandardInput.isStandardInput(path)
    let name = stdin ? NumpyStandardInput.source : (path as NSString).lastPathComponent
    // The plain cause (no such file, a directory, a device, a link loop, …) from the
    // one helper every reader shares.
    if !stdin, let reason = ReadableFile.problem(at: path) { throw InputError.file(path: path, problem: "\(reason)") }
    let loaded: (matrix: Matrix, dtype: NumpyDType)
    do {
      let array = try NumpyArray.load(path: path)
      loaded = (try array.matrix(source: name), array.dtype)
    } catch {
      throw InputError.numpy(error)
    }
    var m = loaded.matrix
    let precision: Precision = loaded.dtype == .float32 ? .float32 : .float64
    guard m.isSquare else {
      throw InputError.file(path: name, problem: "a Hessian must be square, got a \(m.rows)×\(m.columns) matrix")
    }
    guard m.rows > 0 else { throw InputError.file(path: name, problem: "empty matrix (d = 0)") }
    let scan = SymmetryScan.scan(m)
    if !scan.finite, let bad = m.elements.firstIndex(where: { !$0.isFinite }) {
      throw InputError.file(
        path: name, problem: "entry (\(bad / m.columns), \(bad % m.columns)) is \(m.elements[bad]); a Hessian must be finite")
    }
    let tolerance = Self.symmetryTolerance(dimension: m.rows, precision: precision) * scan.scale
    let worst = scan.worst
    if worst.gap > tolerance {
      let detail =
        "entries (\(worst.i), \(worst.j)) and (\(worst.j), \(worst.i)) differ by \(String(format: "%.3g", worst.gap)) (allowed \(String(format: "%.3g", tolerance)) at \(precision.rawValue) precision)"
      switch HessianSymmetrization.current {
      case nil: throw InputError.file(path: name, problem: "not symmetric: \(detail)")
      case .refuse?:
        throw InputError.file(path: name, problem: "not symmetric: \(detail); to use its symmetric part (H + Hᵀ)/2, add \(.symmetrize)")
      case .symmetrize(let record)?:
        record.append(HessianSymmetrization.relativeAsymmetry(m))
        m = HessianSymmetrization.symmetricPart(m)
      }
    }
    self.matrix = m
    self.precision = precision
    self.source = name
  }

  /// 8·d·ε: the allowed max|aᵢⱼ − aⱼᵢ| relative to max|aᵢⱼ|.
  static func symmetryTolerance(dimension d: Int, precision: Precision) -> Double {
    8 * Double(max(d, 2)) * precision.epsilon
  }
}
