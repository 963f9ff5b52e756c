/// An `mlp:` landscape: the squared loss of a bias-free multilayer perceptron (``MultilayerPerceptron``) on N
/// seeded Gaussian inputs, with targets from a narrower teacher embedded in it (``TeacherEmbedding``), so the
/// minimum w\* is known exactly and L(w\*) = 0.
///
///     L(w) = (1/2N) Σ_n ‖f(x_n; w) − y_n‖²,   y_n = teacher(x_n),   ∇²L(w\*) = JᵀJ/N.
///
/// Data: with G = SeededGenerator(seed: S), x_n ∈ ℝ^{n_0} is the n-th block of n_0 consecutive normal draws
/// of G.child(0) (column n of X); the teacher weights are drawn from G.child(1). Loss, gradient
/// (backpropagation), exact Hessian-vector products (Pearlmutter's R-operator) and Hessian blocks (one shared
/// forward/backward pass per block) are matrix products over all N samples at once. Known answers:
/// ``MultilayerPerceptronLandscape/knownAnswers(network:teacher:inputs:minimum:symmetries:)``. Parameter layout:
/// ``MultilayerPerceptron``; full description in docs/mlp.md.
///
/// With `train=STEPS` the reference point (``minimum``) is instead the result of L-BFGS training from a seeded
/// start (``NetworkTraining``: child stream 2 of G, stopped at STEPS iterations or ‖∇L‖₂ ≤ 10⁻¹⁰), reported in
/// ``training``; it is a trained point, not a minimum by construction.
///
/// Cost: a loss ≈ 2N·d flops, a gradient ≈ 6N·d, a Hessian-vector product ≈ 16N·d; training at most
/// ``LBFGS/evaluationBound(iterations:)`` × 8N·d, done once when the landscape is built.
public struct MultilayerPerceptronLandscape: Landscape {
  /// The label: the `name` given, otherwise the spec.
  public let name: String
  /// The student network.
  public let network: MultilayerPerceptron
  /// The embedded teacher.
  public let teacher: TeacherEmbedding
  /// X, n_0×N: sample n in column n.
  public let inputs: Matrix
  /// Y = teacher(X), n_L×N (evaluated as the student at w\*, the same function).
  public let targets: Matrix
  /// d = Σ_l n_l n_{l−1}.
  public var dimension: Int { network.parameterCount }
  /// The reference point: w\* (the teacher in the top-left blocks, zeros elsewhere), or the trained point
  /// with `train=STEPS`.
  public let minimum: [Double]
  /// How the trained reference point was reached; nil for the embedded-teacher minimum.
  public let training: NetworkTraining?
  /// rank (computed from the Jacobian), λ and m (Aoyagi, for a linear network with a canonical teacher only).
  public let knownAnswers: KnownAnswers
  /// The symmetry count at w\* that explains the null space (``NetworkSymmetryCount``).
  public let symmetries: NetworkSymmetryCount
  /// float64: every product is computed in double precision.
  public var precision: Precision { .float64 }

  /// Parses and builds `mlp:…` (``MultilayerPerceptronSpec``), named `name` (default: the spec).
  ///
  /// - Throws: ``InputError`` naming the spec for bad syntax, d above 2,000,000, a working set above the
  ///   ``MemoryBudget``, or training work above the ``WorkBudget``.
  public init(spec text: String, name: String? = nil) throws(InputError) {
    let spec = try MultilayerPerceptronSpec(text)
    let network = MultilayerPerceptron(widths: spec.widths, activation: spec.activation)
    let d = network.parameterCount
    guard d <= 2_000_000 else { throw InputError.spec(text, problem: "d = \(d) parameters is too large (at most 2,000,000)") }
    try MemoryBudget.check(
      Self.workingSetBytes(widths: spec.widths, sampleCount: spec.sampleCount, dimension: d),
      for: "a Hessian-vector product over data=\(spec.sampleCount) (the layer activations and their R-passes)", spec: text)
    try WorkBudget.check(
      MemoryBudget.product(16, spec.sampleCount, d), .flops, for: "one Hessian-vector product (16·N·d flops)", spec: text)
    if let steps = spec.trainingSteps {
      try NetworkTraining.checkBudget(steps: steps, sampleCount: spec.sampleCount, dimension: d, spec: text)
    }
    let root = SeededGenerator(seed: spec.seed)
    var dataStream = root.child(0), teacherStream = root.child(1)
    var x = Matrix(rows: spec.widths[0], columns: spec.sampleCount)
    for n in 0..<spec.sampleCount { for j in 0..<spec.widths[0] { x[j, n] = dataStream.nextNormal() } }
    let teacher = TeacherEmbedding(widths: spec.teacherWidths, using: &teacherStream)
    let label = name ?? text
    self.name = label
    self.network = network
    self.teacher = teacher
    inputs = x
    let star = teacher.embedded(in: network)
    // The student at w* computes the teacher's function (padding units output σ(0) = 0); evaluating the
    // targets with the student's own products makes the residual at w* exactly 0, not 0 up to rounding.
    let y = network.forward(network.layers(star), inputs: x).outputs
    targets = y
    let trained = spec.trainingSteps.map { NetworkTraining(network: network, inputs: x, targets: y, steps: $0, root: root) }
    training = trained
    minimum = trained?.result.point ?? star
    symmetries = NetworkSymmetryCount(network: network, at: minimum, inputs: x, linearRank: teacher.linearRank)
    knownAnswers = Self.knownAnswers(
      network: network, teacher: teacher, inputs: x, minimum: minimum, symmetries: symmetries, training: trained)
  }

  /// Bytes of one Hessian-vector product's working set: about 12 n_l×N matrices per layer (Z, A, G, σ′, σ″,
  /// Wᵀ G and the R-pass quantities), X, Y and 6 parameter-sized vectors; nil on overflow.
  static func workingSetBytes(widths: [Int], sampleCount n: Int, dimension d: Int) -> Int? {
    let units = widths.reduce(0) { $0 + $1 }
    return WorkBudget.sum(MemoryBudget.product(12, units, n, 8), MemoryBudget.product(6, d, 8))
  }

  /// L(w) = ‖f(X; w) − Y‖²_F/(2N). Cost: one forward pass (L gemms over all N samples).
  public func loss(at w: [Double]) -> Double { network.loss(w, inputs: inputs, targets: targets) }

  /// ∇L(w) by backpropagation. Cost: ≈ 6N·d flops.
  public func gradient(at w: [Double], into g: inout [Double]) {
    g = network.gradient(w, inputs: inputs, targets: targets)
  }

  /// ∇²L(w)·v, exactly, by the R-operator. Cost: one forward/backward pass and one R-pass.
  public func hessianVectorProduct(at w: [Double], _ v: [Double], into out: inout [Double]) {
    out = network.hessianVectorProduct(network.hessianState(w, inputs: inputs, targets: targets), v)
  }

  /// ∇²L(w)·V for a d×k block: one shared forward/backward pass, then one R-pass per column.
  public func hessianProduct(at w: [Double], block: Matrix) -> Matrix {
    let state = network.hessianState(w, inputs: inputs, targets: targets)
    return ColumnwiseProduct.apply(block, dimension: dimension) { x, y in y = network.hessianVectorProduct(state, x) }
  }
}
