/// Exact Hessian-vector products of the squared loss by Pearlmutter's R-operator
/// (B. A. Pearlmutter, "Fast exact multiplication by the Hessian", Neural Computation 6, 1994):
/// R{·} = d/dt (·)(w + tV) at t = 0, pushed through the forward pass and then the backward pass.
///
/// With V_l the layer-l block of the direction (0-based in the code, 1-based here), D_l = σ′(Z_l),
/// S_l = σ″(Z_l), and the forward/backward quantities of ``MultilayerPerceptron/gradient(_:inputs:targets:)``:
///
///     R{A_0} = 0,
///     R{Z_l} = V_l A_{l−1} + W_l R{A_{l−1}},   R{A_l} = D_l ⊙ R{Z_l} (hidden),  R{A_L} = R{Z_L},
///     R{G_L} = R{Z_L}/N,
///     R{G_{l−1}} = (V_lᵀ G_l + W_lᵀ R{G_l}) ⊙ D_{l−1} + (W_lᵀ G_l) ⊙ S_{l−1} ⊙ R{Z_{l−1}},
///     (∇²L·V)_l = R{∇_{W_l} L} = R{G_l} A_{l−1}ᵀ + G_l R{A_{l−1}}ᵀ.
///
/// This is the full Hessian, residual term included (not the Gauss–Newton part only). Cost of one
/// product after the shared forward and backward pass: about 5 gemms per layer (≈ 10N·d flops);
/// a block of k directions shares that pass (``MultilayerPerceptron/HessianState``).
extension MultilayerPerceptron {
  /// The forward and backward quantities every R-pass at one point reuses.
  public struct HessianState: Sendable {
    let ws: [Matrix]
    let pass: ForwardPass
    /// G_1 … G_L.
    let g: [Matrix]
    /// D_l = σ′(Z_l) and S_l = σ″(Z_l) for the hidden layers (index l − 1).
    let d1: [Matrix], d2: [Matrix]
    /// W_lᵀ G_l for l ≥ 2 (index l − 1; index 0 unused).
    let back: [Matrix]
    let sampleCount: Int
  }

  /// The shared state at `w` for the data (X, Y). Cost: one forward and one backward pass.
  public func hessianState(_ w: [Double], inputs: Matrix, targets: Matrix) -> HessianState {
    let ws = layers(w)
    let pass = forward(ws, inputs: inputs)
    let g = backward(ws, pass, outputSignal: Self.outputSignal(pass, targets: targets))
    let hidden = pass.preActivations.dropLast()
    let d1 = hidden.map { apply($0) { activation.derivative($0) } }
    let d2 = hidden.map { apply($0) { activation.secondDerivative($0) } }
    var back = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: depth)
    for l in 1..<depth { back[l] = BLAS.multiply(ws[l], .transpose, g[l], .none) }
    return HessianState(ws: ws, pass: pass, g: g, d1: d1, d2: d2, back: back, sampleCount: inputs.columns)
  }

  /// ∇²L(w)·v in the flat layout, by the R-passes above on a precomputed ``HessianState``.
  public func hessianVectorProduct(_ state: HessianState, _ v: [Double]) -> [Double] {
    let vs = layers(v)
    let a = state.pass.activations
    var rz: [Matrix] = []
    var ra = [Matrix(rows: widths[0], columns: state.sampleCount)]
    for l in 0..<depth {
      var z = BLAS.multiply(vs[l], .none, a[l], .none)
      if l > 0 { BLAS.gemm(state.ws[l], .none, ra[l], .none, beta: 1, into: &z) }
      rz.append(z)
      ra.append(l == depth - 1 ? z : Self.hadamard(state.d1[l], z))
    }
    var rg = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: depth)
    var top = rz[depth - 1]
    let n = Double(state.sampleCount)
    for i in top.elements.indices { top.elements[i] /= n }
    rg[depth - 1] = top
    for l in stride(from: depth - 1, to: 0, by: -1) {
      var s = BLAS.multiply(vs[l], .transpose, state.g[l], .none)
      BLAS.gemm(state.ws[l], .transpose, rg[l], .none, beta: 1, into: &s)
      var next = Self.hadamard(s, state.d1[l - 1])
      let curvature = Self.hadamard(Self.hadamard(state.back[l], state.d2[l - 1]), rz[l - 1])
      for i in next.elements.indices { next.elements[i] += curvature.elements[i] }
      rg[l - 1] = next
    }
    var out: [Double] = []
    out.reserveCapacity(parameterCount)
    for l in 0..<depth {
      var h = BLAS.multiply(rg[l], .none, a[l], .transpose)
      if l > 0 { BLAS.gemm(state.g[l], .none, ra[l], .transpose, beta: 1, into: &h) }
      out += h.elements
    }
    return out
  }
}
