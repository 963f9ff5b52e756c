/// A square matrix that grows as a Krylov basis grows: the projected matrix T = QᵀHQ of
/// ``BlockLanczos``, whose final size is known only when the run stops.
///
/// Storage is row-major with a leading dimension (the capacity) that doubles when outgrown,
/// up to the run's limit, so a run that stops at m basis vectors holds O(m²) numbers, not
/// limit² (limit = the largest basis the run could reach). Growing copies the filled entries:
/// O(m²) in all, amortised.
struct GrowingSquare {
  /// The leading dimension: entries (i, j) with i, j < capacity are stored.
  private(set) var capacity: Int
  /// capacity × capacity, row-major; entries outside what was set are 0.
  private var elements: [Double]

  /// A zero matrix of the given capacity.
  init(capacity: Int) {
    self.capacity = max(capacity, 0)
    elements = [Double](repeating: 0, count: self.capacity * self.capacity)
  }

  /// Makes room for n × n: doubles the capacity (at most to `limit`, at least to n) when n
  /// exceeds it, keeping every entry.
  mutating func grow(to n: Int, limit: Int) {
    guard n > capacity else { return }
    let next = max(n, min(limit, 2 * capacity))
    var grown = [Double](repeating: 0, count: next * next)
    for i in 0..<capacity {
      for j in 0..<capacity { grown[i * next + j] = elements[i * capacity + j] }
    }
    elements = grown
    capacity = next
  }

  /// Entry (i, j); both below ``capacity``.
  subscript(i: Int, j: Int) -> Double {
    get { elements[i * capacity + j] }
    set { elements[i * capacity + j] = newValue }
  }

  /// The leading n × n block (n ≤ capacity) as a ``Matrix``.
  func leading(_ n: Int) -> Matrix {
    var m = Matrix(rows: n, columns: n)
    for i in 0..<n {
      for j in 0..<n { m.elements[i * n + j] = elements[i * capacity + j] }
    }
    return m
  }
}
