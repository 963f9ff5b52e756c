/// The squared loss of a ``MultilayerPerceptron`` on a data set and its gradient by backpropagation.
///
/// Loss, with the samples x_n in the columns of X (n_0×N) and targets y_n in the columns of Y (n_L×N):
///
///     L(w) = (1/2N) Σ_n ‖f(x_n; w) − y_n‖² = ‖A_L − Y‖²_F / (2N).
///
/// The 1/(2N) normalisation makes the Hessian at a zero-residual point exactly JᵀJ/N, J the
/// (N·n_L)×d Jacobian of the stacked outputs (``MultilayerPerceptron/jacobian(_:inputs:)``).
///
/// Backpropagation: G_L = (A_L − Y)/N; ∇_{W_l} L = G_l A_{l−1}ᵀ; G_{l−1} = (W_lᵀ G_l) ⊙ σ′(Z_{l−1}).
/// Cost: one forward pass plus 2 gemms per layer (about 6N·d flops in all).
extension MultilayerPerceptron {
  /// ‖A_L − Y‖²_F/(2N) at `w`. Cost: one forward pass.
  public func loss(_ w: [Double], inputs: Matrix, targets: Matrix) -> Double {
    let pass = forward(layers(w), inputs: inputs)
    return Self.squaredError(pass.outputs, targets) / Double(2 * inputs.columns)
  }

  /// ‖a − b‖²_F.
  static func squaredError(_ a: Matrix, _ b: Matrix) -> Double {
    var s = 0.0
    for i in a.elements.indices {
      let e = a.elements[i] - b.elements[i]
      s += e * e
    }
    return s
  }

  /// The backward signals G_1 … G_L (index l − 1) of a forward pass, given G_L.
  func backward(_ ws: [Matrix], _ pass: ForwardPass, outputSignal: Matrix) -> [Matrix] {
    var g = [Matrix](repeating: outputSignal, count: depth)
    for l in stride(from: depth - 1, to: 0, by: -1) {
      let back = BLAS.multiply(ws[l], .transpose, g[l], .none)
      g[l - 1] = Self.hadamard(back, apply(pass.preActivations[l - 1]) { activation.derivative($0) })
    }
    return g
  }

  /// G_L = (A_L − Y)/N.
  static func outputSignal(_ pass: ForwardPass, targets: Matrix) -> Matrix {
    let n = Double(targets.columns)
    var e = pass.outputs - targets
    for i in e.elements.indices { e.elements[i] /= n }
    return e
  }

  /// ∇L(w), layer l being G_l A_{l−1}ᵀ, in the flat layout. Cost: about 6N·d flops.
  public func gradient(_ w: [Double], inputs: Matrix, targets: Matrix) -> [Double] {
    let ws = layers(w)
    let pass = forward(ws, inputs: inputs)
    let g = backward(ws, pass, outputSignal: Self.outputSignal(pass, targets: targets))
    var out: [Double] = []
    out.reserveCapacity(parameterCount)
    for l in 0..<depth { out += BLAS.multiply(g[l], .none, pass.activations[l], .transpose).elements }
    return out
  }
}
