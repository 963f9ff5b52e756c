extension Matrix {
  /// The d×k block whose columns are `columns` (each of length `rows`): the operand of one
  /// block product H·X. O(dk) copy.
  init(rows: Int, columnVectors columns: [[Double]]) {
    let k = columns.count
    var elements = [Double](repeating: 0, count: rows * k)
    for (j, c) in columns.enumerated() {
      precondition(c.count == rows, "column \(j) has \(c.count) entries, expected \(rows)")
      for i in 0..<rows { elements[i * k + j] = c[i] }
    }
    self.init(rows: rows, columns: k, elements: elements)
  }

  /// The columns of the block, each as an array of length `rows`.
  var columnVectors: [[Double]] { (0..<columns).map(column) }
}
