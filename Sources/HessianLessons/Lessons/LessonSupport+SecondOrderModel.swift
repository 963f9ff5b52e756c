import Foundation

extension LessonSupport {
  /// The second-order model of `land` at its minimum: the quadratic ½(w − w*)ᵀH(w − w*) with
  /// H = ∇²L(w*) built from d exact HVPs, and the same w*. A (1,λ) selection run with the same
  /// seed draws the same candidates on both, so comparing their read-outs separates what the
  /// Hessian explains (weak or repeated curvature) from what higher-order terms or sampling noise
  /// do — the "reason" checks of the break-the-claim exercises. Cost: d HVPs, d² memory.
  static func secondOrderModel(_ land: any Landscape) throws -> QuadraticLandscape {
    let h = try land.denseHessian(at: land.minimum)
    var sym = h
    for i in 0..<h.rows { for j in 0..<h.columns { sym[i, j] = (h[i, j] + h[j, i]) / 2 } }
    return QuadraticLandscape(name: "second-order model of \(land.name)", storage: .dense(sym), minimum: land.minimum)
  }
}
