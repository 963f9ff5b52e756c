/// One landscape of the built-in zoo: an id, a description and the spec that
/// builds it (resolved by ``LandscapeSpec``).
public struct ZooEntry: Sendable, Equatable {
  /// A short unique id such as `newton-edge`.
  public let id: String
  /// One sentence on what the landscape exercises.
  public let summary: String
  /// The landscape spec (`poly:…`, `dln:…`, `quad:…`, `mlp:…`, `sum:…`).
  public let spec: String

  /// An entry from its id, one-sentence summary and spec; the spec is not resolved until ``make()``.
  public init(id: String, summary: String, spec: String) {
    self.id = id
    self.summary = summary
    self.spec = spec
  }

  /// Builds the landscape, named by the id. Cost: as ``LandscapeSpec/resolve(_:name:hessianCheck:)``.
  public func make() throws(InputError) -> any Landscape {
    try LandscapeSpec.resolve(spec, name: id)
  }
}

/// The built-in landscape zoo: the canonical known-answer corpus. Every entry
/// has a fixture `fixtures/landscapes/<id>.json` carrying the same spec and its
/// known answers from independent theory (theory §4–§6).
public enum Zoo {
  /// All entries, in listing order.
  public static let all: [ZooEntry] = [
    // Quadratics (λ = r/2 by construction).
    ZooEntry(id: "quad-full-rank", summary: "full-rank quadratic, eigenvalues 1…10 in a random basis, d = 10", spec: "quad:1,2,3,4,5,6,7,8,9,10:d=10:seed=1"),
    ZooEntry(id: "quad-rank-deficient", summary: "rank 5 of d = 20, random basis", spec: "quad:1,2,4,8,16:d=20:seed=2"),
    ZooEntry(id: "quad-multiplet", summary: "an exact 12-fold eigenvalue plus 3 others, d = 30", spec: "quad:2*12,5,7,9:d=30:seed=3"),
    ZooEntry(id: "quad-clusters", summary: "two tight clusters (1 ± 1e-6, 100 ± 1e-4), d = 16", spec: "quad:0.999999,1,1.000001,99.9999,100,100.0001:d=16:seed=4"),
    ZooEntry(id: "quad-tiny-axis", summary: "axis-aligned, smallest eigenvalue 1e-12, just above d·ε·max", spec: "quad:1,0.5,1e-12:d=8"),
    ZooEntry(id: "quad-tiny-rotated", summary: "random basis, smallest eigenvalue 1e-10 near the precision floor", spec: "quad:1,1e-10:d=12:seed=5"),
    ZooEntry(id: "quad-zero", summary: "identically zero Hessian in d = 5 (rank 0)", spec: "quad::d=5"),
    ZooEntry(id: "quad-large-low-rank", summary: "d = 10,000, rank 3, factored (no d×d memory)", spec: "quad:1,2,3:d=10000:seed=6"),
    // Normal crossings (Watanabe 2009; theory §5.4).
    ZooEntry(id: "nc-x2", summary: "x² (regular, d = 1)", spec: "poly:x0^2"),
    ZooEntry(id: "nc-x4", summary: "x⁴: rank 0, λ = 1/4", spec: "poly:x0^4"),
    ZooEntry(id: "nc-x2y4", summary: "x²y⁴: λ = 1/4, m = 1", spec: "poly:x0^2*x1^4"),
    ZooEntry(id: "nc-xy2", summary: "(xy)²: λ = 1/2, m = 2", spec: "poly:(x0*x1)^2"),
    ZooEntry(id: "nc-x4y4", summary: "x⁴y⁴: λ = 1/4, m = 2", spec: "poly:x0^4*x1^4"),
    ZooEntry(id: "nc-x2y6", summary: "x²y⁶: λ = 1/6, m = 1", spec: "poly:x0^2*x1^6"),
    ZooEntry(id: "nc-x2y2z4", summary: "x²y²z⁴: λ = 1/4, m = 1", spec: "poly:x0^2*x1^2*x2^4"),
    // Newton polyhedra.
    ZooEntry(id: "newton-edge", summary: "x² + y⁴: the diagonal meets an edge, λ = 3/4", spec: "poly:x0^2 + x1^4"),
    ZooEntry(id: "newton-vertex", summary: "x²y² + x⁶ + y⁶: the diagonal meets the vertex (2,2), λ = 1/2, m = 2", spec: "poly:x0^2*x1^2 + x0^6 + x1^6"),
    ZooEntry(id: "newton-x2-plus-yz2", summary: "x² + (yz)²: λ = 1, m = 2", spec: "poly:x0^2 + (x1*x2)^2"),
    ZooEntry(id: "newton-rrr-212", summary: "|a|²|b|² (RRR 2-1-2 at W = 0): λ = 1, m = 2", spec: "poly:(x0^2 + x1^2)*(x2^2 + x3^2)"),
    ZooEntry(id: "newton-flat", summary: "x² + y⁴ with 3 flat dimensions, d = 5", spec: "poly:x0^2 + x1^4:flat=3"),
    ZooEntry(id: "poly-degenerate", summary: "(x − y²)²: degenerate for its Newton polyhedron, λ unknown here (true 1/2)", spec: "poly:(x0 - x1^2)^2"),
    // Deep linear networks (Aoyagi 2024; theory §5.5).
    ZooEntry(id: "dln-2-1-2", summary: "reduced-rank regression 2-1-2, true rank 0", spec: "dln:2-1-2:rank=0"),
    ZooEntry(id: "dln-3-2-3", summary: "3-2-3, true rank 1", spec: "dln:3-2-3:rank=1"),
    ZooEntry(id: "dln-5-3-5", summary: "5-3-5, true rank 1", spec: "dln:5-3-5:rank=1"),
    ZooEntry(id: "dln-4-4-4-4", summary: "three layers 4-4-4-4, true rank 1", spec: "dln:4-4-4-4:rank=1"),
    ZooEntry(id: "dln-8-3-8", summary: "8-3-8, true rank 3 (λ = r_H/2)", spec: "dln:8-3-8:rank=3"),
    ZooEntry(id: "dln-3-10-3", summary: "3-10-3, true rank 2", spec: "dln:3-10-3:rank=2"),
    // Multilayer perceptrons with an embedded teacher (docs/mlp.md): rank computed from the Jacobian; the last one trained (train=STEPS).
    ZooEntry(id: "mlp-tanh-3-4-2", summary: "tanh 3-4-2, teacher 3-2-2, N = 20: 2 padding units flat, rank 10 of d = 20", spec: "mlp:3-4-2:act=tanh:data=20:seed=1"),
    ZooEntry(id: "mlp-tanh-full", summary: "tanh 2-3-1 with the teacher filling the student, N = 20: full rank 9", spec: "mlp:2-3-1:act=tanh:data=20:seed=6:teacher=2-3-1"),
    ZooEntry(id: "mlp-gelu-2-4-4-1", summary: "gelu 2-4-4-1, teacher 2-2-2-1, N = 30: rank 10 of d = 28", spec: "mlp:2-4-4-1:act=gelu:data=30:seed=3"),
    ZooEntry(id: "mlp-relu-3-6-2", summary: "relu 3-6-2, teacher 3-3-2, N = 30: 15 flat weights and 3 rescalings, rank 12 of d = 30", spec: "mlp:3-6-2:act=relu:data=30:seed=2"),
    ZooEntry(id: "mlp-relu-2-4-4-2", summary: "relu 2-4-4-2, teacher 2-2-2-2, N = 20: both layer-2 units active on every sample, rank 6 of d = 32", spec: "mlp:2-4-4-2:act=relu:data=20:seed=5"),
    ZooEntry(id: "mlp-linear-3-2-3", summary: "linear 3-2-3, teacher 3-1-3 (true rank 1), N = 20: the dln-3-2-3 answers", spec: "mlp:3-2-3:act=linear:data=20:seed=4:teacher=3-1-3"),
    ZooEntry(id: "mlp-linear-5-3-5", summary: "linear 5-3-5, teacher 5-1-5 (true rank 1), N = 30: the dln-5-3-5 answers", spec: "mlp:5-3-5:act=linear:data=30:seed=2:teacher=5-1-5"),
    ZooEntry(id: "mlp-tanh-trained", summary: "tanh 2-2-1 trained by L-BFGS from a seeded start (teacher 2-2-1, N = 20): ‖∇L‖ ≤ 1e-10 after 132 steps, full rank 6 computed at the trained point", spec: "mlp:2-2-1:act=tanh:data=20:seed=1:teacher=2-2-1:train=500"),
    // Direct sums.
    ZooEntry(id: "sum-edge-xy2", summary: "(x² + y⁴) ⊕ (zw)²: λ = 5/4, m = 2", spec: "sum:poly:x0^2 + x1^4|poly:(x0*x1)^2"),
    ZooEntry(id: "sum-quad-dln", summary: "quadratic rank 2 of d = 4 ⊕ DLN 2-1-2", spec: "sum:quad:1,3:d=4|dln:2-1-2:rank=0"),
  ]

  /// The entry with this id, if any.
  public static func entry(id: String) -> ZooEntry? { all.first { $0.id == id } }

  /// Up to `count` zoo ids closest to `id` (edit distance), for "did you mean".
  public static func suggestions(for id: String, count: Int = 3) -> [String] {
    all.map { ($0.id, editDistance(id, $0.id)) }
      .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
      .prefix(count).map(\.0)
  }

  /// Levenshtein distance. Cost: O(|a|·|b|).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    var prev = Array(0...y.count)
    for i in 1...x.count {
      var cur = [i] + [Int](repeating: 0, count: y.count)
      for j in stride(from: 1, through: y.count, by: 1) {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      prev = cur
    }
    return prev[y.count]
  }
}
