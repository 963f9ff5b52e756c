/// A teacher network embedded in a wider student, so that the student has a known zero-loss minimum.
///
/// The teacher has the student's depth, input and output widths, and hidden widths t_l ≤ n_l
/// (default ``defaultWidths(student:)``: t_l = max(1, ⌊n_l/2⌋)). Its weights T_l ∈ ℝ^{t_l×t_{l−1}} are
/// independent N(0, 1/t_{l−1}) draws (fan-in scaling, so hidden activations stay of order 1), in the
/// flat layout order, from the generator passed in.
///
/// **Where w\* is.** The student's W_l is T_l in its top-left t_l×t_{l−1} block and 0 elsewhere:
/// hidden units 0…t_l − 1 of each layer are the teacher's, units t_l…n_l − 1 ("padding units") have
/// all incoming and outgoing weights 0. Since σ(0) = 0 for every ``Activation``, a padding unit
/// outputs 0 and the student computes the teacher's function exactly; with targets y_n = teacher(x_n),
/// L(w\*) = 0, the global minimum of a sum of squares.
public struct TeacherEmbedding: Sendable, Equatable {
  /// t_0 = n_0, t_1 … t_{L−1}, t_L = n_L.
  public let widths: [Int]
  /// T_1 … T_L.
  public let weights: [Matrix]

  /// The default teacher for a student: t_l = max(1, ⌊n_l/2⌋) on hidden layers, input and output kept.
  public static func defaultWidths(student: [Int]) -> [Int] {
    student.enumerated().map { l, n in l == 0 || l == student.count - 1 ? n : max(1, n / 2) }
  }

  /// Draws the teacher weights (widths already checked against the student's).
  public init(widths: [Int], using rng: inout SeededGenerator) {
    self.widths = widths
    var ws: [Matrix] = []
    for l in 0..<(widths.count - 1) {
      let scale = 1 / Double(widths[l]).squareRoot()
      var m = Matrix(rows: widths[l + 1], columns: widths[l])
      for i in m.elements.indices { m.elements[i] = scale * rng.nextNormal() }
      ws.append(m)
    }
    weights = ws
  }

  /// The teacher as a network with the student's activation.
  public func network(activation: Activation) -> MultilayerPerceptron {
    MultilayerPerceptron(widths: widths, activation: activation)
  }

  /// w\*: the student's weights with each T_l in the top-left block and zeros elsewhere (flat layout).
  public func embedded(in student: MultilayerPerceptron) -> [Double] {
    var out: [Double] = []
    out.reserveCapacity(student.parameterCount)
    for (l, t) in weights.enumerated() {
      var m = Matrix(rows: student.widths[l + 1], columns: student.widths[l])
      for i in 0..<t.rows { for j in 0..<t.columns { m[i, j] = t[i, j] } }
      out += m.elements
    }
    return out
  }

  /// The number of teacher weights Σ_l t_l t_{l−1}: the student coordinates not touching a padding unit.
  public var parameterCount: Int { zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 } }

  /// The rank r = min_l t_l of the teacher's map for a linear activation (generic Gaussian weights: the
  /// product of full-rank Gaussian matrices has the smallest width as its rank, with probability 1).
  public var linearRank: Int { widths.min() ?? 0 }
}
