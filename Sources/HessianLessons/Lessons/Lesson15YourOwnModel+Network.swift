import Foundation

extension Lesson15YourOwnModel {
  /// The model of `lessons/15-your-own-model/model.py`, in Swift: a tanh network
  /// f(x; w) = Σⱼ aⱼ tanh(Wⱼx + bⱼ) with M inputs, H hidden units and one output (d = H(M + 2)),
  /// fitted to n = 40 inputs labelled by a teacher of the same shape whose last K units are dead
  /// (aⱼ = 0); w\* is the teacher. Inputs and teacher come from Weyl sequences frac(k·√p), the same
  /// numbers in Python and Swift. At w\* the residuals vanish, so H = JᵀJ/n exactly (J the n×d
  /// Jacobian of the outputs; theory §2.6). Cost: one loss is n·H·M flops, one gradient or Jacobian
  /// n·d more; an HVP is 2·n·d.
  struct TeacherNetwork: Sendable {
    /// M, H and K.
    let inputs: Int, hidden: Int, dead: Int
    /// Data points n.
    static let samples = 40
    /// √p for the first seven primes: the Weyl sequences' increments.
    static let roots = [2.0, 3, 5, 7, 11, 13, 17].map { $0.squareRoot() }
    /// The n×M inputs.
    let x: Matrix
    /// w\*: the teacher's W (row-major H×M), b, then a.
    let point: [Double]
    /// The teacher's outputs y.
    let labels: [Double]
    /// The Jacobian at w\* (n×d).
    let jacobianAtPoint: Matrix

    /// d = H(M + 2).
    var dimension: Int { hidden * (inputs + 2) }
    /// The rank the construction predicts: each dead unit's M + 1 incoming weights are exactly flat.
    var constructedRank: Int { dimension - dead * (inputs + 1) }

    /// The network with M inputs, H hidden units and K dead ones (0 ≤ K ≤ H; M ≤ 6).
    init(inputs: Int, hidden: Int, dead: Int) {
      self.inputs = inputs
      self.hidden = hidden
      self.dead = dead
      let n = Self.samples
      func frac(_ v: Double) -> Double { v - v.rounded(.down) }
      var x = Matrix(rows: n, columns: inputs)
      for p in 0..<n { for i in 0..<inputs { x[p, i] = 3 * frac(Double(p + 1) * Self.roots[i]) - 1.5 } }
      self.x = x
      let w = (1...(hidden * inputs)).map { 2 * frac(Double($0) * Self.roots[6] + 0.25) - 1 }
      let b = (1...hidden).map { frac(Double($0) * Self.roots[5]) - 0.5 }
      let a = (0..<hidden).map { $0 < hidden - dead ? 1 + 0.5 * cos(1.3 * Double($0)) : 0 }
      point = w + b + a
      let forward = Self.forward(x: x, inputs: inputs, hidden: hidden, w: w + b + a)
      labels = forward.outputs
      jacobianAtPoint = forward.jacobian
    }

    /// The outputs f(xᵢ; w) and their n×d Jacobian.
    static func forward(x: Matrix, inputs m: Int, hidden h: Int, w: [Double]) -> (outputs: [Double], jacobian: Matrix) {
      let n = x.rows, d = h * (m + 2)
      var out = [Double](repeating: 0, count: n)
      var jac = Matrix(rows: n, columns: d)
      for p in 0..<n {
        for j in 0..<h {
          var z = w[h * m + j]
          for i in 0..<m { z += w[j * m + i] * x[p, i] }
          let t = tanh(z), a = w[h * (m + 1) + j], s = (1 - t * t) * a
          out[p] += a * t
          for i in 0..<m { jac[p, j * m + i] = s * x[p, i] }
          jac[p, h * m + j] = s
          jac[p, h * (m + 1) + j] = t
        }
      }
      return (out, jac)
    }

    /// L(w) = ½·mean (f(xᵢ; w) − yᵢ)².
    func loss(_ w: [Double]) -> Double {
      let f = Self.forward(x: x, inputs: inputs, hidden: hidden, w: w).outputs
      return zip(f, labels).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(2 * Self.samples)
    }

    /// ∇L(w) = J(w)ᵀr(w)/n, times `gradientFactor` (1 for the correct wrapper).
    func gradient(_ w: [Double], gradientFactor: Double = 1) -> [Double] {
      let (f, j) = Self.forward(x: x, inputs: inputs, hidden: hidden, w: w)
      let r = zip(f, labels).map { ($0 - $1) * gradientFactor / Double(Self.samples) }
      return BLAS.multiply(j, .transpose, r)
    }

    /// The Hessian at w\*, JᵀJ/n, formed densely (the lesson's independent reference).
    func denseHessian() -> Matrix {
      var hm = BLAS.multiply(jacobianAtPoint, .transpose, jacobianAtPoint)
      for k in hm.elements.indices { hm.elements[k] /= Double(Self.samples) }
      return hm
    }

    /// The model behind the oracle seam, in process: HVPs Jᵀ(JV)/n at w\*, losses and gradients
    /// (the gradient multiplied by `gradientFactor`: 2 is the lesson's broken wrapper).
    func oracle(gradientFactor: Double = 1) -> InProcessModelOracle {
      let net = self
      return InProcessModelOracle(
        name: name + (gradientFactor == 1 ? "" : ", gradient ×\(LessonFormat.number(gradientFactor))"), point: point,
        hvp: { v in
          var hv = BLAS.multiply(net.jacobianAtPoint, .transpose, BLAS.multiply(net.jacobianAtPoint, .none, v))
          for k in hv.elements.indices { hv.elements[k] /= Double(Self.samples) }
          return hv
        },
        losses: { p in (0..<p.rows).map { i in net.loss((0..<p.columns).map { p[i, $0] }) } },
        gradients: { p in
          Matrix(rowArrays: (0..<p.rows).map { i in net.gradient((0..<p.columns).map { p[i, $0] }, gradientFactor: gradientFactor) })
        })
    }

    /// "tanh 2-3-1, 1 dead", as the script's HELLO names it.
    var name: String { "tanh \(inputs)-\(hidden)-1, \(dead) dead" }

    /// The script's arguments for this network (and the defect, if any).
    func arguments(defect: Bool = false) -> String {
      "--inputs \(inputs) --hidden \(hidden) --dead \(dead)" + (defect ? " --defect gradient" : "")
    }
  }
}
