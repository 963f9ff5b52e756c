/// A deep linear network L(W) = ‖W_M⋯W_1 − W*‖²_F at its canonical true parameter.
///
/// Parameters are the weight matrices W_l ∈ ℝ^{H_{l+1}×H_l} (l = 1…M), flattened
/// row-major in layer order, d = Σ H_l H_{l+1}. The true map W* has rank r and
/// the minimum is the canonical true point W_l = [[I_r, 0], [0, 0]]. Whitened
/// inputs are assumed, so the population loss is the Frobenius norm.
///
/// With P = W_M⋯W_1, R = P − W*, A_l = W_M⋯W_{l+1}, B_l = W_{l−1}⋯W_1:
///
///     ∇_{W_l} L = 2 A_lᵀ R B_lᵀ,
///     (∇²L·V)_l = 2 (δA_lᵀ R B_lᵀ + A_lᵀ δP B_lᵀ + A_lᵀ R δB_lᵀ),
///     δP = Σ_k A_k V_k B_k,  δB_{l+1} = W_l δB_l + V_l B_l,  δA_{l−1} = δA_l W_l + A_l V_l.
///
/// Known answers: λ and m from Aoyagi's formula (``Aoyagi``), rank(H) =
/// r(H_1 + H_{M+1} − r) (theory §5.5).
///
/// Cost: a loss evaluation is M − 1 matrix products, a gradient about 4M, an HVP about 12M.
public struct DeepLinearNetworkLandscape: Landscape {
  /// The label: the `name` given, otherwise the spec (`dln:H1-H2-…:rank=R`).
  public let name: String
  /// H_1 (input) … H_{M+1} (output).
  public let widths: [Int]
  /// The rank r of the true map.
  public let trueRank: Int
  /// d = Σ H_l H_{l+1}, the number of weights over all layers.
  public let dimension: Int
  /// The canonical true point: every W_l = [[I_r, 0], [0, 0]], flattened row-major in layer order.
  public let minimum: [Double]
  /// rank(H) = r(H_1 + H_{M+1} − r) (H_1·H_2 for one layer), λ and m from ``Aoyagi`` (m unknown when
  /// ``Aoyagi/Result/multiplicityVerified`` is false), all as theorems; the Hessian itself is not known (`nil`).
  public let knownAnswers: KnownAnswers
  /// float64: the network is built from exact widths and its products are computed in double precision.
  public var precision: Precision { .float64 }
  let target: Matrix

  /// A network with the given widths and true rank.
  ///
  /// - Throws: ``InputError`` (named `name`) for fewer than two widths, a
  ///   non-positive width, or r outside 0…min width.
  public init(widths: [Int], trueRank r: Int, name: String? = nil) throws(InputError) {
    let label = name ?? "dln:\(widths.map(String.init).joined(separator: "-")):rank=\(r)"
    guard widths.count >= 2 else { throw InputError.spec(label, problem: "a network needs at least two widths (input and output)") }
    if let k = widths.firstIndex(where: { $0 < 1 }) {
      throw InputError.spec(label, problem: "width \(k + 1) is \(widths[k]); widths must be positive")
    }
    let minWidth = widths.min() ?? 0
    guard r >= 0, r <= minWidth else {
      throw InputError.spec(label, problem: "rank=\(r) must be between 0 and the smallest width \(minWidth)")
    }
    let d = zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
    guard d <= 2_000_000 else { throw InputError.spec(label, problem: "d = \(d) parameters is too large (at most 2,000,000)") }
    try MemoryBudget.check(
      Self.workingSetBytes(widths: widths), for: "a Hessian-vector product (the layer products)", spec: label)
    self.name = label
    self.widths = widths
    self.trueRank = r
    self.dimension = d
    var w: [Double] = []
    for l in 0..<(widths.count - 1) {
      var m = Matrix(rows: widths[l + 1], columns: widths[l])
      for i in 0..<r { m[i, i] = 1 }
      w += m.elements
    }
    self.minimum = w
    var t = Matrix(rows: widths[widths.count - 1], columns: widths[0])
    for i in 0..<r { t[i, i] = 1 }
    self.target = t
    let a = Aoyagi.learningCoefficient(widths: widths, rank: r)
    let src = "Aoyagi (2024) deep-linear-network formula, ℓ = \(a.ell)"
    let rankSource = widths.count == 2
      ? "one linear layer: the model map is the identity, rank = H₁·H₂"
      : "rank r(H₁ + H_out − r) at the canonical true point (theory §5.5)"
    knownAnswers = KnownAnswers(
      rank: Known(Aoyagi.hessianRank(widths: widths, rank: r), provenance: .theorem, source: rankSource),
      learningCoefficient: Known(a.learningCoefficient, provenance: .theorem, source: src),
      multiplicity: a.multiplicityVerified
        ? Known(a.multiplicity, provenance: .theorem, source: src + " (matches Aoyagi–Watanabe 2005)")
        : .unknown("Aoyagi multiplicity a(ℓ−a)+1 = \(a.multiplicity) is unverified for ℓ = \(a.ell) > 2"),
      hessian: nil)
  }

  /// The memory one Hessian-vector product touches, in bytes: the target, residual and
  /// δP (H_out×H_in each), the prefixes B_l and δB_l (H_l×H_1), the suffixes A_l and δA_l
  /// (H_out×H_{l+1}), and four parameter-sized vectors. Widths are at most 100,000 and
  /// d at most 2,000,000, so the sums fit in `Int`; nil signals an overflow anyway.
  static func workingSetBytes(widths: [Int]) -> Int? {
    guard let first = widths.first, let last = widths.last else { return 0 }
    var elements = 3 * first * last
    for (a, b) in zip(widths, widths.dropFirst()) {
      elements += 2 * b * first + 2 * last * b + 4 * a * b
    }
    return MemoryBudget.product(elements, 8)
  }

  /// Parses `dln:H1-H2-…:rank=R`.
  public init(spec: String, name: String? = nil) throws(InputError) {
    let fields = spec.dropFirst(4).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    var widths: [Int] = []
    let pieces = try DelimitedList.items(fields[0], separator: "-") { problem in
      InputError.spec(spec, problem: "width list '\(fields[0])': \(problem.description) (write widths as 3-2-3)")
    }
    for (k, piece) in pieces.enumerated() {
      guard let v = Int(piece), v >= 1, v <= 100_000 else {
        throw InputError.spec(spec, problem: "width \(k + 1) ('\(piece)') is not a positive integer")
      }
      widths.append(v)
    }
    let options = try SpecOptions(fields.dropFirst(), allowed: ["rank"], usage: "dln: takes rank=R", in: spec)
    var rank: Int?
    if let value = options["rank"] {
      guard let r = Int(value) else { throw InputError.spec(spec, problem: "rank=\(value) is not an integer") }
      rank = r
    }
    guard let rank else { throw InputError.spec(spec, problem: "missing ':rank=R' (the rank of the true map)") }
    try self.init(widths: widths, trueRank: rank, name: name ?? spec)
  }

  /// The layer matrices of a flat parameter vector.
  func layers(_ w: [Double]) -> [Matrix] {
    precondition(w.count == dimension, "point has \(w.count) coordinates, landscape has d = \(dimension)")
    var out: [Matrix] = []
    var offset = 0
    for l in 0..<(widths.count - 1) {
      let n = widths[l + 1] * widths[l]
      out.append(Matrix(rows: widths[l + 1], columns: widths[l], elements: Array(w[offset..<(offset + n)])))
      offset += n
    }
    return out
  }

  /// Prefixes B_l (B_0 = I) and suffixes A_l (A_{M−1} = I), 0-based.
  func products(_ ws: [Matrix]) -> (prefix: [Matrix], suffix: [Matrix]) {
    let m = ws.count
    var prefix = [Matrix.identity(widths[0])]
    for l in 0..<(m - 1) { prefix.append(BLAS.multiply(ws[l], .none, prefix[l], .none)) }
    var suffix = [Matrix](repeating: Matrix.identity(widths[m]), count: m)
    for l in stride(from: m - 2, through: 0, by: -1) { suffix[l] = BLAS.multiply(suffix[l + 1], .none, ws[l + 1], .none) }
    return (prefix, suffix)
  }

  func residual(_ ws: [Matrix], prefix: [Matrix]) -> Matrix {
    BLAS.multiply(ws[ws.count - 1], .none, prefix[ws.count - 1], .none) - target
  }

  /// ‖W_M⋯W_1 − W*‖²_F at `w`. Cost: one loss evaluation (M − 1 matrix products).
  public func loss(at w: [Double]) -> Double {
    let ws = layers(w)
    var p = ws[0]
    for l in 1..<ws.count { p = BLAS.multiply(ws[l], .none, p, .none) }
    let r = p - target
    return r.elements.reduce(0) { $0 + $1 * $1 }
  }

  /// Writes ∇L(w), layer l being 2 A_lᵀ R B_lᵀ, into `g` (length d). Cost: about 4M matrix products.
  public func gradient(at w: [Double], into g: inout [Double]) {
    let ws = layers(w)
    let (prefix, suffix) = products(ws)
    let r = residual(ws, prefix: prefix)
    var offset = 0
    for l in ws.indices {
      let gl = BLAS.multiply(BLAS.multiply(suffix[l], .transpose, r, .none), .none, prefix[l], .transpose)
      for (i, v) in gl.elements.enumerated() { g[offset + i] = 2 * v }
      offset += gl.elements.count
    }
  }

  /// Writes ∇²L(w)·v into `out` (length d), exactly, by the δP, δA_l, δB_l recurrences above.
  /// Cost: one HVP, about 12M matrix products.
  public func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    let ws = layers(w), vs = layers(v)
    let m = ws.count
    let (prefix, suffix) = products(ws)
    let r = residual(ws, prefix: prefix)
    var dB = [Matrix(rows: widths[0], columns: widths[0])]
    for l in 0..<m {
      dB.append(BLAS.multiply(ws[l], .none, dB[l], .none) + BLAS.multiply(vs[l], .none, prefix[l], .none))
    }
    let dP = dB[m]
    var dA = [Matrix](repeating: Matrix(rows: widths[m], columns: widths[m]), count: m)
    for l in stride(from: m - 2, through: 0, by: -1) {
      dA[l] = BLAS.multiply(dA[l + 1], .none, ws[l + 1], .none) + BLAS.multiply(suffix[l + 1], .none, vs[l + 1], .none)
    }
    var offset = 0
    for l in 0..<m {
      var h = BLAS.multiply(BLAS.multiply(dA[l], .transpose, r, .none), .none, prefix[l], .transpose)
      h = h + BLAS.multiply(BLAS.multiply(suffix[l], .transpose, dP, .none), .none, prefix[l], .transpose)
      h = h + BLAS.multiply(BLAS.multiply(suffix[l], .transpose, r, .none), .none, dB[l], .transpose)
      for (i, x) in h.elements.enumerated() { out[offset + i] = 2 * x }
      offset += h.elements.count
    }
  }
}
