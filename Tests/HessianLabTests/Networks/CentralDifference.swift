import HessianLab

/// Central differences with an error bound from the formula itself, for the derivative tests of the
/// `mlp:` landscapes.
///
/// For smooth F, D(h) = (F(w + hv) − F(w − hv))/(2h) = F′(w)v + c·h² + O(h⁴) (Taylor: c = F‴v³/6), so
/// D(h/2) − F′v ≈ (D(h) − D(h/2))/3 (Richardson). Rounding adds at most ≈ ε·max|F|/h per evaluation
/// pair (values of F known to a few ulps); 64 ulps cover the sums over N samples in the gemms. The
/// accepted error of D(h/2) is therefore
///
///     τ = ‖D(h) − D(h/2)‖ + 64·ε·max‖F‖/(h/2) + 1e-300,
///
/// three times the truncation estimate plus the rounding bound. A wrong derivative is off by far more
/// than τ (each test also checks that a perturbed derivative is refused).
enum CentralDifference {
  /// D(h) for a vector-valued F along v.
  static func derivative(_ f: ([Double]) -> [Double], at w: [Double], along v: [Double], h: Double) -> (value: [Double], scale: Double) {
    let plus = f(zip(w, v).map { $0 + h * $1 }), minus = f(zip(w, v).map { $0 - h * $1 })
    let scale = max(plus.map(abs).max() ?? 0, minus.map(abs).max() ?? 0)
    return (zip(plus, minus).map { ($0 - $1) / (2 * h) }, scale)
  }

  /// (‖exact − D(h/2)‖, τ) for the derivative of F at w along v.
  static func check(_ f: ([Double]) -> [Double], exact: [Double], at w: [Double], along v: [Double], h: Double = 1e-3)
    -> (error: Double, tolerance: Double) {
    let coarse = derivative(f, at: w, along: v, h: h)
    let fine = derivative(f, at: w, along: v, h: h / 2)
    let truncation = norm(zip(coarse.value, fine.value).map { $0 - $1 })
    let rounding = 64 * Double.ulpOfOne * max(coarse.scale, fine.scale) / (h / 2) * Double(exact.count).squareRoot()
    return (norm(zip(exact, fine.value).map { $0 - $1 }), truncation + rounding + 1e-300)
  }

  static func norm(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 }.squareRoot() }
}
