import Foundation

/// Lesson 13: why network Hessians are degenerate. A small bias-free ReLU network drawn from the
/// seed, with a narrower teacher embedded in it (`mlp:` landscapes, theory §5.6): the learner
/// counts its flat coordinates (units whose weights are all 0) and its positive-rescaling
/// directions (one per live ReLU unit), predicts rank H(w\*) = d − flat − rescalings, and the
/// lesson checks it live with the rank from d exact HVPs beside the rank of the Jacobian by SVD
/// (H = JᵀJ/N at the zero-loss minimum), then shows that tanh has no rescaling and that a
/// permutation of units adds no null direction.
public struct Lesson13NetworkSymmetries: LessonProgram {
  /// The lesson's position in the course, 13 (folder `13-network-symmetries`).
  public let number = 13
  /// The topic id `network-symmetries`, matching the manifest entry and the folder.
  public let id = "network-symmetries"
  /// The activation whose symmetries the lesson counts (a test injects tanh, which has no rescaling).
  public var symmetricActivation: Activation = .relu
  /// N, the number of Gaussian inputs of every network of the lesson.
  public var sampleCount = 40
  /// How eigenvalues of H are judged zero (a test injects τ = 0).
  public var policy: ThresholdPolicy = .precisionRelative

  /// The lesson with its default parameters, as ``LessonCatalog`` runs it.
  public init() {}

  /// The network drawn from `seed`: widths IN-H-OUT (IN in 2…4, H in 4…6, OUT in 1…2), teacher
  /// width t in 2…H − 1, and the first data seed (from a drawn start, at most 200 tried) whose
  /// network is generic for N = `samples`: no two ReLU units share their activation pattern and
  /// none is active on every sample, so the lesson's count explains the whole null space (checked by
  /// the Jacobian's rank equal to the symmetry bound, for ReLU and for tanh; not assumed). A few data
  /// draws put two teacher directions so close that no sample separates them (in 2-d inputs, a
  /// narrow wedge); that coincidence is real, but not what this lesson teaches.
  static func draw(_ seed: UInt64, samples: Int = 40) -> (input: Int, hidden: Int, output: Int, teacher: Int, data: UInt64) {
    var g = SeededGenerator(seed: SeededGenerator.childSeed(root: seed, index: 13))
    let input = Int.random(in: 2...4, using: &g), hidden = Int.random(in: 4...6, using: &g)
    let output = Int.random(in: 1...2, using: &g), teacher = Int.random(in: 2...(hidden - 1), using: &g)
    let start = UInt64.random(in: 1...999, using: &g)
    func generic(_ data: UInt64) -> Bool {
      [Activation.relu, .tanh].allSatisfy { act in
        let n = (input, hidden, output, teacher, data)
        guard let land = try? MultilayerPerceptronLandscape(spec: spec(n, act, samples: samples)) else { return false }
        return land.symmetries.linearMixings == 0 && land.knownAnswers.rank.value == land.symmetries.rankBound
      }
    }
    let data = (0..<200).lazy.map { start + UInt64($0) }.first(where: generic) ?? start
    return (input, hidden, output, teacher, data)
  }

  /// `mlp:IN-H-OUT:act=A:data=N:seed=S:teacher=IN-t-OUT`.
  static func spec(_ n: (input: Int, hidden: Int, output: Int, teacher: Int, data: UInt64), _ act: Activation, samples: Int) -> String {
    "mlp:\(n.input)-\(n.hidden)-\(n.output):act=\(act.rawValue):data=\(samples):seed=\(n.data):teacher=\(n.input)-\(n.teacher)-\(n.output)"
  }

  /// What the lesson measures on one network: the rank from d exact HVPs and from the Jacobian's
  /// singular values, the symmetry count, and H itself (for the tangents).
  struct Measured {
    let land: MultilayerPerceptronLandscape
    let hessian: Matrix
    let decision: RankDecision
    let jacobian: JacobianRank
  }

  func measure(_ spec: String) throws -> Measured {
    let land = try MultilayerPerceptronLandscape(spec: spec)
    let h = try land.denseHessian(at: land.minimum)
    let decision = NumericalRank.decide(
      eigenvalues: try SymmetricEigen.values(of: h), dimension: land.dimension, precision: land.precision, policy: policy)
    let j = try JacobianRank(of: land.network.jacobian(land.minimum, inputs: land.inputs))
    return Measured(land: land, hessian: h, decision: decision, jacobian: j)
  }

  /// ‖H v‖/‖v‖ for each vector.
  static func rayleighNorms(_ h: Matrix, _ vs: [[Double]]) -> [Double] {
    vs.map { v in BLAS.norm(BLAS.multiply(h, .none, v)) / max(BLAS.norm(v), .leastNormalMagnitude) }
  }

  /// Draws the network from `seed`, builds the ReLU (``symmetricActivation``) and tanh versions
  /// (each: d exact HVPs, the Jacobian by SVD, the symmetry count), applies H to the rescaling
  /// tangents, and swaps two live units for the permutation step.
  ///
  /// - Throws: ``InputError`` for an injected parameter that makes an invalid spec; otherwise the
  ///   errors of the numerical routines it calls.
  public func run(seed: UInt64) async throws -> LessonRun {
    var r = LessonRun()
    let n = Self.draw(seed, samples: sampleCount)
    let sym = try measure(Self.spec(n, symmetricActivation, samples: sampleCount))
    let tanh = try measure(Self.spec(n, .tanh, samples: sampleCount))
    let land = sym.land, d = land.dimension, count = land.symmetries
    r.show("setup", [
      "\(land.name)",
      "student \(n.input)-\(n.hidden)-\(n.output) without biases, act=\(symmetricActivation.rawValue): d = \(n.input)·\(n.hidden) + \(n.hidden)·\(n.output) = \(d) weights",
      "teacher \(n.input)-\(n.teacher)-\(n.output) embedded: hidden units 1…\(n.teacher) carry its weights, \(n.teacher + 1 == n.hidden ? "unit \(n.hidden) has" : "units \(n.teacher + 1)…\(n.hidden) have") every incoming and outgoing weight 0",
      "N = \(sampleCount) Gaussian inputs, targets from the teacher; L(w*) = \(LessonFormat.short(land.loss(at: land.minimum)))",
    ])
    r.predict(
      "rank", question: "Count the flat weights and the rescaling directions of this network. What is rank H(w*)?",
      value: Double(sym.decision.rank), tolerance: 0,
      reveal: "Each unit with zero weights makes its \(n.input) + \(n.output) weights flat; each of the \(n.teacher) live ReLU units gives one rescaling direction: \(d) − \(count.flatCoordinates) − \(count.rescalingDirections) = \(d - count.flatCoordinates - count.rescalingDirections).")
    let tangents = count.rescalingTangents(network: land.network, at: land.minimum)
    let symNorms = Self.rayleighNorms(sym.hessian, tangents), tanhNorms = Self.rayleighNorms(tanh.hessian, tangents)
    r.show("count", LessonFormat.table(
      ["act=\(symmetricActivation.rawValue)", "count"],
      [
        ["flat coordinates", "\(count.flatCoordinates)"],
        ["rescaling directions", "\(count.rescalingDirections)"],
        ["d − flat − rescalings", "\(count.rankBound)"],
        ["rank from \(d) HVPs", "\(sym.decision.rank)"],
        ["rank of J by SVD", "\(sym.jacobian.rank)"],
      ]) + [
        "HVP route: τ = max|λ|·d·ε = \(LessonFormat.short(sym.decision.threshold)), gap ratio \(sym.decision.gapRatio.map(LessonFormat.short) ?? "—")",
        "J route (\(sampleCount * n.output)×\(d)): τ_J = \(LessonFormat.short(sym.jacobian.threshold)), gap ratio \(sym.jacobian.gapRatio.map(LessonFormat.short) ?? "—")",
        "‖Hv‖/‖v‖ on the \(tangents.count) rescaling tangents v = (+W₁[i, :], −W₂[:, i]): at most \(LessonFormat.short(symNorms.max() ?? 0))",
      ])
    r.predict(
      "tanh", question: "Same widths, teacher and data, but act=tanh. What is rank H(w*) now?",
      value: Double(tanh.decision.rank), tolerance: 0,
      reveal: "tanh(αz) ≠ α·tanh(z): there is no rescaling, and the \(n.teacher) directions it removed are curved again. The zero units stay flat.")
    r.show("tanh", LessonFormat.table(
      ["act=tanh", "count"],
      [
        ["flat coordinates", "\(tanh.land.symmetries.flatCoordinates)"],
        ["rescaling directions", "\(tanh.land.symmetries.rescalingDirections)"],
        ["rank from \(d) HVPs", "\(tanh.decision.rank)"],
        ["rank of J by SVD", "\(tanh.jacobian.rank)"],
      ]) + ["‖Hv‖/‖v‖ on the same \(tangents.count) tangents: at least \(LessonFormat.short(tanhNorms.min() ?? 0)), τ = \(LessonFormat.short(tanh.decision.threshold))"])
    try permutation(&r, n: n, sym: sym)
    r.check(
      "hvp-matches-jacobian", sym.decision.rank == sym.jacobian.rank && tanh.decision.rank == tanh.jacobian.rank,
      "HVPs \(sym.decision.rank) vs SVD \(sym.jacobian.rank) (act=\(symmetricActivation.rawValue)); \(tanh.decision.rank) vs \(tanh.jacobian.rank) (tanh)")
    r.check(
      "symmetries-explain-null-space",
      sym.decision.rank == count.rankBound && tanh.decision.rank == tanh.land.symmetries.rankBound,
      "rank \(sym.decision.rank); count: \(count.explanation); tanh rank \(tanh.decision.rank) = bound \(tanh.land.symmetries.rankBound)")
    let nullOK = symNorms.allSatisfy { $0 <= sym.decision.threshold }
    let curvedForTanh = tanhNorms.allSatisfy { $0 > tanh.decision.threshold }
    r.check(
      "rescalings-are-null", !tangents.isEmpty && tangents.count == n.teacher && nullOK && curvedForTanh,
      "\(tangents.count) tangents: ‖Hv‖/‖v‖ ≤ \(LessonFormat.short(symNorms.max() ?? .nan)) (τ = \(LessonFormat.short(sym.decision.threshold))); "
        + "for tanh ≥ \(LessonFormat.short(tanhNorms.min() ?? .nan)) (τ = \(LessonFormat.short(tanh.decision.threshold)))")
    return r
  }
}

extension Lesson13NetworkSymmetries {
  /// The permutation step: swap live units 1 and 2 (rows of W₁, columns of W₂), measure the loss at
  /// w′, its rank (d HVPs at w′) and the loss halfway between w\* and w′; predict how many null
  /// directions the swap adds (the unexplained nullity d − rank − flat − rescalings − mixings).
  func permutation(
    _ r: inout LessonRun, n: (input: Int, hidden: Int, output: Int, teacher: Int, data: UInt64), sym: Measured
  ) throws {
    let land = sym.land, d = land.dimension, count = land.symmetries
    var ws = land.network.layers(land.minimum)
    for j in 0..<n.input { ws[0].swapAt(0, 1, column: j) }
    for k in 0..<n.output { ws[1].swapAt(k, column: 0, 1) }
    let swapped = land.network.flatten(ws)
    let middle = zip(land.minimum, swapped).map { ($0 + $1) / 2 }
    let hSwapped = try land.denseHessian(at: swapped)
    let swappedRank = NumericalRank.decide(
      eigenvalues: try SymmetricEigen.values(of: hSwapped), dimension: d, precision: land.precision, policy: policy)
    let unexplained = d - sym.decision.rank - count.flatCoordinates - count.rescalingDirections - count.linearMixings
    let pairs = n.teacher * (n.teacher - 1) / 2
    r.predict(
      "permute", question: "Swapping live units 1 and 2 (their incoming rows and outgoing columns) gives another exact zero-loss point w′. How many null directions of H does this symmetry add?",
      choices: ["none: w′ is a separate minimum, not a flat direction", "one per pair of live units", "some other number"],
      answer: unexplained == 0 ? 0 : unexplained == pairs ? 1 : 2,
      reveal: "A permutation is discrete: it maps w* to a point at distance \(LessonFormat.short(BLAS.norm(zip(swapped, land.minimum).map { $0 - $1 }))), with a loss barrier between them, and no curve of minima joins them.")
    let lossSwapped = land.loss(at: swapped), lossMiddle = land.loss(at: middle)
    r.show("permute", [
      "L(w′) = \(LessonFormat.short(lossSwapped)), rank H(w′) = \(swappedRank.rank) (\(d) HVPs at w′), L((w* + w′)/2) = \(LessonFormat.short(lossMiddle))",
      "null directions of H(w*) left unexplained by the count: d − rank − flat − rescalings = \(unexplained)",
    ])
    // Bounds: reordering the sums moves each output by about ε·|f| ≈ 10⁻¹⁶, so L(w′) ≈ 10⁻³² ≤ 10⁻²⁰
    // with a wide margin; a barrier above 10⁻⁸ is twelve orders above that rounding (here it is ≈ 10⁻²).
    r.check(
      "permutation-is-discrete",
      lossSwapped <= 1e-20 && swappedRank.rank == sym.decision.rank && lossMiddle > 1e-8 && unexplained == 0,
      "L(w′) = \(LessonFormat.short(lossSwapped)), rank \(swappedRank.rank), barrier L(midpoint) = \(LessonFormat.short(lossMiddle)), \(unexplained) unexplained null directions")
  }
}

extension Matrix {
  /// Swaps rows `a` and `b` in column `j`.
  fileprivate mutating func swapAt(_ a: Int, _ b: Int, column j: Int) {
    let t = self[a, j]
    self[a, j] = self[b, j]
    self[b, j] = t
  }

  /// Swaps columns `a` and `b` in row `i`.
  fileprivate mutating func swapAt(_ i: Int, column a: Int, _ b: Int) {
    let t = self[i, a]
    self[i, a] = self[i, b]
    self[i, b] = t
  }
}
