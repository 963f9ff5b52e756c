import Foundation

/// `hessian-lab hessian LANDSCAPE --save H.npy [--at POINT.npy]` as one library call: the dense
/// Hessian of a landscape (or of an oracle at its w*), so that any other tool (NumPy, SciPy,
/// PyHessian, a paper's script) can be run on exactly the matrix HessianLab sees.
///
/// At the minimum the landscape's known matrix is used when it has one (0 HVPs), otherwise
/// H·I is made as one block of d HVPs (``DenseRank/denseMatrix(of:)``); at another point w the
/// block is made there (``Landscape/denseHessian(at:)``). The report gives the relative
/// asymmetry ‖H − Hᵀ‖_F/‖H‖_F of what was written (0 for an exactly symmetric product).
///
/// Cost: d HVPs (none for a known matrix) and d² memory, checked against the ``MemoryBudget``
/// before anything is allocated; O(d²) flops for the asymmetry.
public enum HessianExport {
  /// Where the Hessian is taken.
  public enum Point: Sendable, Equatable {
    /// The landscape's minimum w* (an oracle's declared point).
    case minimum
    /// A point read from a 1-D `.npy` file of length d (landscapes only).
    case file(String)

    /// The file of a ``file(_:)`` point, `nil` at the minimum.
    public var path: String? {
      if case let .file(p) = self { return p }
      return nil
    }
  }

  /// The dense Hessian of `subject` at `point`, and the report of it.
  ///
  /// - Throws: ``InputError`` naming the input when the matrix would not fit the memory
  ///   budget, naming the point file when it cannot be read, is not 1-D of length d or holds a
  ///   non-finite value, and naming the input when a point is given for an oracle (its HVPs
  ///   exist only at its w*) or the oracle fails.
  public static func run(_ subject: AnalysisSubject, at point: Point = .minimum) throws -> (matrix: Matrix, report: HessianExportReport) {
    try DenseRank.checkMemory(dimension: subject.dimension, name: subject.input)
    let matrix: Matrix
    var products = 0
    var source = HessianExportReport.Source.hessianVectorProducts
    switch (point, subject.landscape) {
    case (.minimum, _):
      if subject.isOracle { _ = try subject.prepare(for: .rank) }
      let op = subject.hessianOperator()
      if op.knownMatrix != nil { source = .knownMatrix }
      matrix = try OracleFailureNaming.naming(subject.input) { try DenseRank.denseMatrix(of: op) }
      products = op.applicationCount
    case let (.file(path), landscape?):
      let w = try readPoint(path, dimension: subject.dimension)
      matrix = try landscape.denseHessian(at: w)
      products = subject.dimension
    case (.file, nil):
      throw InputError.spec(
        subject.input, problem: "a point away from w* is for landscapes only: an oracle answers Hessian-vector products at its own point w*")
    }
    let report = HessianExportReport(
      landscape: subject.input, dimension: subject.dimension, precision: subject.precision,
      point: point.path,
      source: source, hessianVectorProducts: products, asymmetry: relativeAsymmetry(matrix))
    return (matrix, report)
  }

  /// ‖H − Hᵀ‖_F / ‖H‖_F (0 for the zero matrix). O(d²).
  static func relativeAsymmetry(_ h: Matrix) -> Double {
    var difference = 0.0, norm = 0.0
    for i in 0..<h.rows {
      for j in 0..<h.columns {
        norm += h[i, j] * h[i, j]
        if j > i {
          let e = h[i, j] - h[j, i]
          difference += 2 * e * e
        }
      }
    }
    return norm > 0 ? (difference / norm).squareRoot() : 0
  }

  /// The point in `path`: a 1-D `.npy` of `dimension` finite numbers.
  static func readPoint(_ path: String, dimension: Int) throws(InputError) -> [Double] {
    let vector: [Double]
    let shown = NumpyStandardInput.isStandardInput(path) ? NumpyStandardInput.source : path
    do { vector = try NumpyArray.load(path: path).vector(source: (shown as NSString).lastPathComponent) } catch {
      throw InputError.numpy(error)
    }
    guard vector.count == dimension else {
      throw InputError.file(path: shown, problem: "holds \(vector.count) numbers, but the landscape has d = \(dimension)")
    }
    if let i = vector.firstIndex(where: { !$0.isFinite }) {
      throw InputError.file(path: shown, problem: "entry \(i) is \(vector[i]), not a finite number")
    }
    return vector
  }
}

/// What `hessian-lab hessian` wrote (`docs/schema/hessian.schema.json`).
public struct HessianExportReport: Sendable, Codable, Equatable {
  /// Where the matrix came from.
  public enum Source: String, Sendable, Codable {
    /// The landscape's own matrix (a `.npy` file, a quadratic's stored or factored Hessian).
    case knownMatrix
    /// H·I as one block of d Hessian-vector products.
    case hessianVectorProducts
  }

  /// The input as typed.
  public var landscape: String
  /// d.
  public var dimension: Int
  /// The precision the Hessian is known to (the file is float64 either way).
  public var precision: Precision
  /// The point file, `nil` at the minimum.
  public var point: String?
  /// How the matrix was obtained.
  public var source: Source
  /// HVPs made (0 for a known matrix).
  public var hessianVectorProducts: Int
  /// ‖H − Hᵀ‖_F / ‖H‖_F of the matrix written.
  public var asymmetry: Double

  /// The human report: one line on what was written and how.
  public func text(savedTo path: String) -> String {
    let whereText = point.map { "at the point in \($0)" } ?? "at its minimum"
    let how = source == .knownMatrix ? "its own matrix, 0 HVPs" : "\(hessianVectorProducts) HVPs"
    let stored = precision == .float64 ? "" : "; known to \(precision.rawValue) precision, stored as float64"
    return """
      wrote \(path): the \(dimension)×\(dimension) Hessian of \(landscape) \(whereText) (\(how)\(stored))
      relative asymmetry ‖H − Hᵀ‖_F/‖H‖_F = \(String(format: "%.3g", asymmetry))
      """
  }
}
