/// The Jacobian of the stacked network outputs with respect to the weights.
///
/// J is (N·n_L)×d: row k·N + n is ∇_w f_k(x_n; w), the gradient of output k at sample n. It is built
/// by n_L backward passes, one per output k with the output signal e_k on every sample: the per-sample
/// signals g_l^{(k,n)} (column n of G_l) give the row's layer-l block as the outer product
/// g_l^{(k,n)} a_{l−1}^{(n)ᵀ}, row-major like the parameter layout.
///
/// At a zero-residual point the Hessian of L = ‖A_L − Y‖²_F/(2N) is exactly JᵀJ/N, so
/// rank ∇²L = rank J (``JacobianRank``). Cost: n_L backward passes (≈ 4N·d·n_L flops) plus
/// N·n_L·d entries of memory.
extension MultilayerPerceptron {
  /// J at `w` for the samples in the columns of `inputs`. Memory: N·n_L·d doubles (the caller budgets it).
  public func jacobian(_ w: [Double], inputs: Matrix) -> Matrix {
    let ws = layers(w)
    let pass = forward(ws, inputs: inputs)
    let n = inputs.columns, out = widths[depth]
    var j = Matrix(rows: n * out, columns: parameterCount)
    for k in 0..<out {
      var signal = Matrix(rows: out, columns: n)
      for s in 0..<n { signal[k, s] = 1 }
      let g = backward(ws, pass, outputSignal: signal)
      for l in 0..<depth {
        let o = offset(ofLayer: l)
        let (rows, cols) = (widths[l + 1], widths[l])
        let a = pass.activations[l]
        for s in 0..<n {
          let base = (k * n + s) * parameterCount + o
          for i in 0..<rows {
            let gi = g[l][i, s]
            if gi == 0 { continue }
            for c in 0..<cols { j.elements[base + i * cols + c] = gi * a[c, s] }
          }
        }
      }
    }
    return j
  }

  /// The bytes of ``jacobian(_:inputs:)`` plus its singular-value workspace (a copy), nil on overflow.
  public func jacobianBytes(sampleCount n: Int) -> Int? {
    MemoryBudget.product(n, widths[depth], parameterCount, 2, 8)
  }

  /// The flops of building J and taking its singular values: 4·N·d·n_L for the backward passes and
  /// 4·m·k² for the SVD of an m×k matrix, with m = max(N·n_L, d), k = min(N·n_L, d); nil on overflow.
  public func jacobianFlops(sampleCount n: Int) -> Int? {
    guard let rows = MemoryBudget.product(n, widths[depth]) else { return nil }
    let m = max(rows, parameterCount), k = min(rows, parameterCount)
    return WorkBudget.sum(MemoryBudget.product(4, rows, parameterCount), MemoryBudget.product(4, m, k, k))
  }
}
