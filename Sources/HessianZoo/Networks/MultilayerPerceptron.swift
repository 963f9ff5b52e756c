/// A bias-free multilayer perceptron x ↦ W_L σ(W_{L−1} ⋯ σ(W_1 x)) with a linear output layer.
///
/// Widths n_0 (input) … n_L (output); layer l = 1…L has the weight matrix W_l ∈ ℝ^{n_l×n_{l−1}}.
///
/// **Parameter layout** (the flat vector w of length d = Σ_l n_l n_{l−1}): the matrices W_1, …, W_L
/// in layer order, each row-major, so entry (i, j) of W_l (to unit i of layer l from unit j of
/// layer l − 1) is w[o_l + i·n_{l−1} + j] with o_l = Σ_{k<l} n_k n_{k−1}. There are no biases: with
/// σ(0) = 0 a zero unit stays zero, and a linear network is exactly `dln:` (theory §5.5).
///
/// Batched evaluation: samples are the columns of an n_0×N matrix A_0, and each layer is one
/// matrix product Z_l = W_l A_{l−1} (BLAS gemm) followed by A_l = σ(Z_l) elementwise (A_L = Z_L).
/// Cost of a forward pass: 2N·d flops for the products plus N·Σ_{l<L} n_l activations.
public struct MultilayerPerceptron: Sendable, Equatable {
  /// n_0 (input) … n_L (output); at least two.
  public let widths: [Int]
  /// σ on every hidden layer.
  public let activation: Activation
  /// d = Σ_l n_l n_{l−1}.
  public let parameterCount: Int

  /// A network with these widths (at least two, each ≥ 1; the caller checks sizes, see ``MultilayerPerceptronSpec``).
  public init(widths: [Int], activation: Activation) {
    precondition(widths.count >= 2 && widths.allSatisfy { $0 >= 1 }, "a network needs at least two positive widths")
    self.widths = widths
    self.activation = activation
    parameterCount = zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// L, the number of weight layers.
  public var depth: Int { widths.count - 1 }

  /// o_l, the offset of W_l in the flat vector (0-based layer index `layer` = l − 1).
  public func offset(ofLayer layer: Int) -> Int {
    (0..<layer).reduce(0) { $0 + widths[$1] * widths[$1 + 1] }
  }

  /// The weight matrices W_1 … W_L of a flat vector (see the layout above).
  public func layers(_ w: [Double]) -> [Matrix] {
    precondition(w.count == parameterCount, "point has \(w.count) coordinates, network has d = \(parameterCount)")
    var out: [Matrix] = []
    var offset = 0
    for l in 0..<depth {
      let n = widths[l + 1] * widths[l]
      out.append(Matrix(rows: widths[l + 1], columns: widths[l], elements: Array(w[offset..<(offset + n)])))
      offset += n
    }
    return out
  }

  /// The flat vector of the matrices W_1 … W_L (inverse of ``layers(_:)``).
  public func flatten(_ ws: [Matrix]) -> [Double] { ws.flatMap(\.elements) }

  /// The pre-activations Z_1 … Z_L and activations A_0 … A_L of one forward pass over the columns of `inputs`.
  public struct ForwardPass: Sendable {
    /// Z_l = W_l A_{l−1}, index l − 1.
    public var preActivations: [Matrix]
    /// A_0 = inputs, A_l = σ(Z_l) for hidden l, A_L = Z_L (the outputs), index l.
    public var activations: [Matrix]
    /// The outputs A_L (n_L×N).
    public var outputs: Matrix { activations[activations.count - 1] }
  }

  /// The forward pass over the samples in the columns of `inputs` (n_0×N). Cost: L gemms.
  public func forward(_ ws: [Matrix], inputs: Matrix) -> ForwardPass {
    var z: [Matrix] = []
    var a = [inputs]
    for l in 0..<depth {
      let zl = BLAS.multiply(ws[l], .none, a[l], .none)
      z.append(zl)
      a.append(l == depth - 1 ? zl : apply(zl) { activation.value($0) })
    }
    return ForwardPass(preActivations: z, activations: a)
  }

  /// `f` applied to every entry of `m`.
  func apply(_ m: Matrix, _ f: (Double) -> Double) -> Matrix {
    Matrix(rows: m.rows, columns: m.columns, elements: m.elements.map(f))
  }

  /// The Hadamard product a ⊙ b.
  static func hadamard(_ a: Matrix, _ b: Matrix) -> Matrix {
    precondition(a.rows == b.rows && a.columns == b.columns, "hadamard: shapes differ")
    var out = a
    for i in out.elements.indices { out.elements[i] *= b.elements[i] }
    return out
  }
}
