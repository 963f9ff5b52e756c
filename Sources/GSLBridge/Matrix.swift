import Foundation

/// A dense matrix of `Double`, stored row-major, that owns its storage.
///
/// `Matrix` is a plain value type (copy-on-write through its array). The bridge
/// hands temporary views of its storage to C routines and never lets a C pointer
/// escape.
public struct Matrix: Equatable, Sendable, CustomStringConvertible {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// The entries, row after row: element (i, j) is `elements[i * columns + j]`.
  public var elements: [Double]

  /// A matrix filled with `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
    self.rows = rows
    self.columns = columns
    self.elements = Array(repeating: value, count: rows * columns)
  }

  /// A matrix from row-major `elements`.
  ///
  /// - Precondition: `elements.count == rows * columns`.
  public init(rows: Int, columns: Int, elements: [Double]) {
    precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
    precondition(elements.count == rows * columns, "element count does not match \(rows)×\(columns)")
    self.rows = rows
    self.columns = columns
    self.elements = elements
  }

  /// A matrix from an array of equally long rows.
  public init(rowArrays: [[Double]]) {
    let c = rowArrays.first?.count ?? 0
    precondition(rowArrays.allSatisfy { $0.count == c }, "rows differ in length")
    self.init(rows: rowArrays.count, columns: c, elements: rowArrays.flatMap { $0 })
  }

  /// The n×n identity.
  public static func identity(_ n: Int) -> Matrix {
    var m = Matrix(rows: n, columns: n)
    for i in 0..<n { m[i, i] = 1 }
    return m
  }

  /// A diagonal matrix with the given diagonal.
  public static func diagonal(_ d: [Double]) -> Matrix {
    var m = Matrix(rows: d.count, columns: d.count)
    for i in d.indices { m[i, i] = d[i] }
    return m
  }

  /// Element (i, j).
  @inlinable
  public subscript(i: Int, j: Int) -> Double {
    get { elements[i * columns + j] }
    set { elements[i * columns + j] = newValue }
  }

  /// Whether the matrix is square.
  public var isSquare: Bool { rows == columns }

  /// Row `i` as an array.
  public func row(_ i: Int) -> [Double] { Array(elements[(i * columns)..<((i + 1) * columns)]) }

  /// Column `j` as an array.
  public func column(_ j: Int) -> [Double] { (0..<rows).map { self[$0, j] } }

  /// The transpose.
  public var transposed: Matrix {
    var t = Matrix(rows: columns, columns: rows)
    for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
    return t
  }

  /// The trace (sum of the diagonal).
  public var trace: Double { (0..<min(rows, columns)).reduce(0) { $0 + self[$1, $1] } }

  /// The Frobenius norm √(Σ a_ij²).
  public var frobeniusNorm: Double { elements.reduce(0) { $0 + $1 * $1 }.squareRoot() }

  /// The largest |a_ij - a_ji|, 0 for an exactly symmetric matrix.
  public var asymmetry: Double {
    precondition(isSquare, "asymmetry needs a square matrix")
    var worst = 0.0
    for i in 0..<rows { for j in (i + 1)..<max(i + 1, columns) { worst = max(worst, abs(self[i, j] - self[j, i])) } }
    return worst
  }

  /// Whether every entry is finite.
  public var isFinite: Bool { MaxMagnitude.allFinite(elements) }

  public var description: String {
    (0..<rows).map { i in row(i).map { String(format: "%10.4g", $0) }.joined(separator: " ") }
      .joined(separator: "\n")
  }
}

extension Matrix {
  /// Element-wise sum.
  public static func + (a: Matrix, b: Matrix) -> Matrix {
    precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in +")
    return Matrix(rows: a.rows, columns: a.columns, elements: zip(a.elements, b.elements).map { $0 + $1 })
  }

  /// Element-wise difference.
  public static func - (a: Matrix, b: Matrix) -> Matrix {
    precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in -")
    return Matrix(rows: a.rows, columns: a.columns, elements: zip(a.elements, b.elements).map { $0 - $1 })
  }

  /// Scalar multiple.
  public static func * (s: Double, a: Matrix) -> Matrix {
    Matrix(rows: a.rows, columns: a.columns, elements: a.elements.map { s * $0 })
  }
}
