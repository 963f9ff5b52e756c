/// The direct sum of landscapes on disjoint coordinates:
/// L(w_1, …, w_k) = Σ_b L_b(w_b).
///
/// The gradient and HVP are block-wise, the batched loss sums each block's
/// batched loss on its column slice (so quadratic blocks stay one
/// matrix–matrix product each). Known answers combine by additivity over
/// separated variables (Watanabe 2009; theory §5.2, step 3):
///
///     rank = Σ rank_b,   λ = Σ λ_b,   m = Σ m_b − (k − 1),
///
/// each known only when every block's is. The Hessian at the minimum is the
/// block-diagonal matrix when every block knows its own and d ≤ ``maximumDenseDimension``.
///
/// Cost: one loss evaluation of each block per loss evaluation.
public struct DirectSumLandscape: Landscape {
  /// The largest d for which the known Hessian is materialised densely.
  public static let maximumDenseDimension = 4096

  /// The label given at construction.
  public let name: String
  /// The summands in coordinate order; block b acts on coordinates `offsets[b] ..< offsets[b] + d_b`.
  public let blocks: [any Landscape]
  /// d = Σ d_b, the sum of the blocks' dimensions.
  public let dimension: Int
  /// The blocks' minima concatenated in order.
  public let minimum: [Double]
  /// The blocks' answers combined by additivity (rank = Σ rank_b with the weakest block provenance, λ = Σ λ_b,
  /// m = Σ m_b − (k − 1)); each unknown when some block's is. The Hessian is the dense block-diagonal
  /// matrix when every block knows its own and d ≤ ``maximumDenseDimension``, otherwise `nil`.
  public let knownAnswers: KnownAnswers
  /// The first coordinate of each block.
  public let offsets: [Int]
  /// The weakest precision of the blocks (largest ε): one float32 block makes the sum float32,
  /// because τ = max|λ|·d·ε must cover the rounding noise of every block.
  public let precision: Precision

  /// The sum of `blocks` in order.
  ///
  /// - Precondition: at least one block.
  public init(name: String, blocks: [any Landscape]) {
    precondition(!blocks.isEmpty, "a direct sum needs blocks")
    self.name = name
    self.blocks = blocks
    var offs: [Int] = []
    var d = 0
    for b in blocks {
      offs.append(d)
      d += b.dimension
    }
    offsets = offs
    dimension = d
    minimum = blocks.flatMap(\.minimum)
    let answers = blocks.map(\.knownAnswers)
    let k = blocks.count
    let rankValues = answers.compactMap(\.rank.value)
    let rank: Known<Int> = rankValues.count == k
      ? Known(rankValues.reduce(0, +), provenance: Self.weakest(answers.map(\.rank.provenance)), source: "sum of the blocks' ranks")
      : .unknown("the rank of a block is unknown")
    let lambdas = answers.compactMap(\.learningCoefficient.value)
    let fromFile = answers.contains { $0.scope == .hessianQuadratic }
    let lambdaSource = "additivity over separated variables: λ = Σ λ_b (Watanabe 2009)"
      + (fromFile ? "; a block is the quadratic ½wᵀHw of a Hessian file, so λ is that of this sum, not of the model H came from" : "")
    let lambda: Known<Rational> = lambdas.count == k
      ? Known(lambdas.reduce(Rational(0), +), provenance: .theorem, source: lambdaSource)
      : .unknown("the learning coefficient of a block is unknown")
    let ms = answers.compactMap(\.multiplicity.value)
    let m: Known<Int> = ms.count == k
      ? Known(ms.reduce(0, +) - (k - 1), provenance: .theorem, source: "additivity: m = Σ m_b − (k − 1) (Watanabe 2009)")
      : .unknown("the multiplicity of a block is unknown")
    var hessian: KnownHessian?
    if d <= Self.maximumDenseDimension, answers.allSatisfy({ $0.hessian != nil }) {
      var h = Matrix(rows: d, columns: d)
      for (b, off) in zip(blocks, offs) {
        let hb = b.knownAnswers.hessian?.dense(dimension: b.dimension) ?? Matrix(rows: b.dimension, columns: b.dimension)
        for i in 0..<b.dimension { for j in 0..<b.dimension { h[off + i, off + j] = hb[i, j] } }
      }
      hessian = .dense(h)
    }
    precision = blocks.map(\.precision).max { $0.epsilon < $1.epsilon } ?? .float64
    let scope: AnswerScope = fromFile ? .hessianQuadratic : .landscape
    let curvatures = answers.compactMap(\.negativeCurvature)
    let negative = curvatures.min { $0.eigenvalue < $1.eigenvalue }.map {
      NegativeCurvature(eigenvalue: $0.eigenvalue, count: curvatures.reduce(0) { $0 + $1.count }, threshold: $0.threshold)
    }
    knownAnswers = KnownAnswers(
      rank: rank, learningCoefficient: lambda, multiplicity: m, hessian: hessian, scope: scope,
      negativeCurvature: negative)
  }

  static func weakest(_ p: [Provenance]) -> Provenance {
    if p.contains(.unknown) { return .unknown }
    if p.contains(.computed) { return .computed }
    return p.contains(.theorem) ? .theorem : .construction
  }

  func slice(_ w: [Double], _ b: Int) -> [Double] {
    Array(w[offsets[b]..<(offsets[b] + blocks[b].dimension)])
  }

  /// Σ_b L_b(w_b) at `w` (length d). Cost: one loss evaluation of each block.
  public func loss(at w: [Double]) -> Double {
    precondition(w.count == dimension, "point has \(w.count) coordinates, landscape has d = \(dimension)")
    return blocks.indices.reduce(0) { $0 + blocks[$1].loss(at: slice(w, $1)) }
  }

  /// Writes ∇L(w) into `g`, each block's gradient ∇L_b(w_b) into its coordinate slice. Cost: one gradient of each block.
  public func gradient(at w: [Double], into g: inout [Double]) {
    for b in blocks.indices {
      let gb = blocks[b].gradient(at: slice(w, b))
      for i in gb.indices { g[offsets[b] + i] = gb[i] }
    }
  }

  /// Writes ∇²L(w)·v into `out` block by block: the slice of block b is ∇²L_b(w_b)·v_b.
  /// Cost: one HVP of each block.
  public func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    for b in blocks.indices {
      let hb = blocks[b].hessianVectorProduct(at: slice(w, b), slice(v, b))
      for i in hb.indices { out[offsets[b] + i] = hb[i] }
    }
  }

  /// Batched loss: each block's batched evaluation on its columns, summed.
  public func losses(at points: Matrix) -> [Double] {
    precondition(points.columns == dimension, "points have \(points.columns) columns, landscape has d = \(dimension)")
    var total = [Double](repeating: 0, count: points.rows)
    for b in blocks.indices {
      let db = blocks[b].dimension
      var sub = Matrix(rows: points.rows, columns: db)
      for i in 0..<points.rows { for j in 0..<db { sub[i, j] = points[i, offsets[b] + j] } }
      let lb = blocks[b].losses(at: sub)
      for i in total.indices { total[i] += lb[i] }
    }
    return total
  }
}
