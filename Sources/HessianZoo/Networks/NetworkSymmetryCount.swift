/// The null directions of an MLP's Jacobian that a symmetry or a structural zero explains, at a point w
/// on given data: a prediction of rank J (hence of rank ∇²L = rank J at a zero-residual minimum) made
/// without any singular value.
///
/// Counted (each is a theorem about J, exactly, not a numerical observation):
/// - **Flat coordinates.** A hidden unit is *silent* when its activation is 0 on every sample (all incoming
///   weights 0, since σ(0) = 0; or a ReLU unit with Z ≤ 0 on every sample: dead), and *deaf* when its
///   backward signal is 0 on every sample (all outgoing weights to non-deaf units 0, or σ′ = 0 on every
///   sample). ∂f/∂W_l[i, j] = g_l[i]·a_{l−1}[j] vanishes on all data when unit i of layer l is deaf or unit j
///   of layer l − 1 is silent, so that column of J is 0 ("units with zero outgoing weight: their incoming
///   weights are flat"; the teacher's padding units are both silent and deaf). More generally a weight is
///   flat when on every sample its target unit has σ′ = 0 or its source unit outputs 0 (a ReLU connection
///   whose source is off wherever its target is on).
/// - **ReLU positive rescaling.** For every *live* hidden unit (neither silent nor deaf), scaling its incoming
///   weights by α > 0 and its outgoing weights by 1/α leaves f unchanged, so the tangent
///   (W_l[i, :], −W_{l+1}[:, i]) is in the null space of J: one direction per live unit (independent of each
///   other and of the flat coordinates for generic weights).
/// - **ReLU units active on every sample.** If the live units S_l of hidden layer l all have Z > 0 on every
///   sample (or a sample's whole input to the layer is 0, which no change of W_l can move), they act linearly on the data, and (W_l, W_{l+1}) → (G W_l, W_{l+1} G⁻¹) on those units, G near I
///   in GL(|S_l|), keeps every Z > 0 and f unchanged: |S_l|² null directions instead of |S_l| rescalings
///   (the extra |S_l|² − |S_l| are counted in ``linearMixings``).
/// - **Linear activation.** J factors through the product map P = W_L⋯W_1 (J = (∂P)·X), whose derivative has
///   rank r(n_0 + n_L − r) at a point whose partial products have the product's rank r (theory §5.5,
///   the `dln:` formula); this replaces the counts above.
///
/// Not counted: discrete symmetries (permutations, tanh sign flips) have no null directions; other null
/// directions can exist (a ReLU unit active on every sample acts linearly), so ``rankBound`` is an upper
/// bound, and equality on a fixture is checked against ``JacobianRank``, not assumed.
public struct NetworkSymmetryCount: Sendable, Equatable {
  /// Coordinates whose Jacobian column is identically 0.
  public let flatCoordinates: Int
  /// Live hidden units (neither silent nor deaf).
  public let liveHiddenUnits: Int
  /// live[l][i]: whether unit i of layer l is a live hidden unit (false for input and output units).
  public let live: [[Bool]]
  /// ReLU rescaling directions (= ``liveHiddenUnits`` for ReLU, 0 otherwise).
  public let rescalingDirections: Int
  /// Extra null directions of ReLU units active on every sample: Σ_l (|S_l|² − |S_l|).
  public let linearMixings: Int
  /// The upper bound on rank J: min(N·n_L, d − flat − rescalings − mixings), or min(N·n_L, r(n_0 + n_L − r)) for a
  /// linear network with product rank r.
  public let rankBound: Int
  /// How ``rankBound`` was obtained, one clause.
  public let explanation: String

  /// Counts at `w` on the samples in the columns of `inputs`; `linearRank` is the rank r of the linear
  /// network's product map (used only for ``Activation/linear``).
  public init(network: MultilayerPerceptron, at w: [Double], inputs: Matrix, linearRank: Int) {
    let ws = network.layers(w)
    let pass = network.forward(ws, inputs: inputs)
    let depth = network.depth
    let silent: [[Bool]] = (0...depth).map { l in
      guard l > 0, l < depth else { return [Bool](repeating: false, count: network.widths[l]) }
      let a = pass.activations[l]
      return (0..<a.rows).map { i in (0..<a.columns).allSatisfy { a[i, $0] == 0 } }
    }
    var deaf = (0...depth).map { [Bool](repeating: false, count: network.widths[$0]) }
    for l in stride(from: depth - 1, through: 1, by: -1) {
      let z = pass.preActivations[l - 1], next = ws[l]
      for i in 0..<network.widths[l] {
        let flatDerivative = (0..<z.columns).allSatisfy { network.activation.derivative(z[i, $0]) == 0 }
        let noOutgoing = (0..<next.rows).allSatisfy { k in deaf[l + 1][k] || next[k, i] == 0 }
        deaf[l][i] = flatDerivative || noOutgoing
      }
    }
    var flat = 0
    for l in 1...depth {
      let z = pass.preActivations[l - 1], a = pass.activations[l - 1]
      for i in 0..<network.widths[l] {
        for j in 0..<network.widths[l - 1] {
          if deaf[l][i] || silent[l - 1][j] {
            flat += 1
            continue
          }
          // Per sample: the weight's derivative g_l[i]·a_{l−1}[j] is 0 when the target unit has σ′ = 0 there
          // or the source's activation is 0 there; flat when that holds on every sample.
          let hidden = l < depth
          if (0..<z.columns).allSatisfy({ n in (hidden && network.activation.derivative(z[i, n]) == 0) || a[j, n] == 0 }) {
            flat += 1
          }
        }
      }
    }
    let liveMask = (0...depth).map { l in
      (0..<network.widths[l]).map { i in l > 0 && l < depth && !silent[l][i] && !deaf[l][i] }
    }
    let live = liveMask.joined().filter { $0 }.count
    var mixings = 0
    if network.activation == .relu {
      for l in 1..<depth {
        let z = pass.preActivations[l - 1], input = pass.activations[l - 1]
        // A sample whose input to the layer is 0 has Z = 0 whatever W_l is: it constrains no mixing.
        let silentSample = (0..<z.columns).map { n in (0..<input.rows).allSatisfy { input[$0, n] == 0 } }
        let always = (0..<network.widths[l]).filter { i in
          liveMask[l][i] && (0..<z.columns).allSatisfy { z[i, $0] > 0 || silentSample[$0] }
        }.count
        mixings += always * always - always
      }
    }
    linearMixings = network.activation == .relu ? mixings : 0
    flatCoordinates = flat
    liveHiddenUnits = live
    self.live = liveMask
    let rows = inputs.columns.multipliedReportingOverflow(by: network.widths[depth])
    let sampleBound = rows.overflow ? Int.max : rows.partialValue
    switch network.activation {
    case .linear:
      let r = linearRank, n0 = network.widths[0], nL = network.widths[depth]
      rescalingDirections = 0
      rankBound = min(sampleBound, r * (n0 + nL - r))
      explanation = "linear network, product rank r = \(r): rank ≤ r(n₀ + n_L − r) = \(r * (n0 + nL - r)) (DLN formula, theory §5.5)"
    case .relu:
      rescalingDirections = live
      rankBound = max(0, min(sampleBound, network.parameterCount - flat - live - mixings))
      let mixed = mixings == 0 ? "" : " − \(mixings) mixings of ReLU units active on every sample"
      explanation = "d = \(network.parameterCount) − \(flat) flat coordinates (silent/deaf units, unused connections) − \(live) ReLU rescalings (one per live hidden unit)\(mixed)"
    case .tanh, .gelu:
      rescalingDirections = 0
      rankBound = max(0, min(sampleBound, network.parameterCount - flat))
      explanation = "d = \(network.parameterCount) − \(flat) flat coordinates (silent/deaf units, unused connections); \(network.activation.rawValue) has no continuous symmetry"
    }
  }

  /// The ReLU rescaling tangents at `w`, one flat-layout vector per live hidden unit (layer order, unit order):
  /// +W_l[i, :] on the unit's incoming weights and −W_{l+1}[:, i] on its outgoing weights. J·v = 0 for each.
  public func rescalingTangents(network: MultilayerPerceptron, at w: [Double]) -> [[Double]] {
    let ws = network.layers(w)
    var out: [[Double]] = []
    for l in 1..<network.depth {
      let inOffset = network.offset(ofLayer: l - 1), outOffset = network.offset(ofLayer: l)
      let fanIn = network.widths[l - 1], width = network.widths[l]
      for i in 0..<width where live[l][i] {
        var v = [Double](repeating: 0, count: network.parameterCount)
        for j in 0..<fanIn { v[inOffset + i * fanIn + j] = ws[l - 1][i, j] }
        for k in 0..<network.widths[l + 1] { v[outOffset + k * width + i] = -ws[l][k, i] }
        out.append(v)
      }
    }
    return out
  }
}
