import Foundation

extension Lesson13NetworkSymmetries {
  /// The drawn instance: a ReLU network IN-H₁-H₂-OUT (IN in 2…4, H₁ and H₂ in 3…5, OUT in 1…2) with
  /// teacher IN-t₁-t₂-OUT (2 ≤ t₁ < H₁, 1 ≤ t₂ < H₂), N = 50, and the first data seed (from a seeded start) at
  /// which every teacher unit is live and none is active on every sample, so that the count of the
  /// lesson explains the whole null space (checked with the Jacobian's rank, not assumed).
  static func instance(_ seed: UInt64) -> String {
    var g = SeededGenerator(seed: seed)
    let input = Int.random(in: 2...4, using: &g), h1 = Int.random(in: 3...5, using: &g), h2 = Int.random(in: 3...5, using: &g)
    let output = Int.random(in: 1...2, using: &g)
    let t1 = Int.random(in: 2...(h1 - 1), using: &g), t2 = Int.random(in: 1...(h2 - 1), using: &g)
    let start = UInt64.random(in: 1...9000, using: &g)
    let teacherWeights = input * t1 + t1 * t2 + t2 * output
    var spec = ""
    for k in 0..<200 {
      spec = "mlp:\(input)-\(h1)-\(h2)-\(output):act=relu:data=50:seed=\(start + UInt64(k)):teacher=\(input)-\(t1)-\(t2)-\(output)"
      guard let land = try? MultilayerPerceptronLandscape(spec: spec) else { continue }
      let c = land.symmetries
      if c.linearMixings == 0, c.liveHiddenUnits == t1 + t2, c.flatCoordinates == land.dimension - teacherWeights,
         c.rankBound == teacherWeights - t1 - t2, land.knownAnswers.rank.value == c.rankBound {
        return spec
      }
    }
    return spec
  }

  /// The live answer for `spec`: flat coordinates, rescaling directions (symmetry count) and the rank
  /// from d exact HVPs.
  static func counts(_ spec: String, seed: UInt64) throws -> (flat: Int, rescalings: Int, rank: Int) {
    let land = try MultilayerPerceptronLandscape(spec: spec)
    return (land.symmetries.flatCoordinates, land.symmetries.rescalingDirections, try LessonSupport.hessianRank(land, seed: seed).rank)
  }

  /// Exercise on a drawn two-hidden-layer ReLU network: the learner answers `F,R,K`, the numbers of
  /// flat coordinates and rescaling directions and the rank of H(w\*); the judge computes all three live
  /// (``NetworkSymmetryCount`` and d exact HVPs) and throws ``InputError`` for an answer that is not
  /// three integers.
  public var exercise: LessonExercise {
    LessonExercise(
      task: { seed in "Your instance: `\(Self.instance(seed))`." },
      hints: { _ in Self.hints },
      referenceAnswer: { seed in
        let c = try Self.counts(Self.instance(seed), seed: seed)
        return "\(c.flat),\(c.rescalings),\(c.rank)"
      },
      judge: { answer, seed in
        let parts = answer.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { Int($0) }
        guard parts.count == 3, values.count == 3 else {
          throw InputError.answer(answer, problem: "'\(answer)' is not three integers F,R,K (flat coordinates, rescaling directions, rank)")
        }
        let spec = Self.instance(seed)
        let c = try Self.counts(spec, seed: seed)
        let rows = [("flat coordinates", values[0], c.flat), ("rescaling directions", values[1], c.rescalings), ("rank H(w*) from HVPs", values[2], c.rank)]
        return ExerciseVerdict(
          passed: rows.allSatisfy { $0.1 == $0.2 },
          lines: rows.map { "\(LessonFormat.mark($0.1 == $0.2)) \($0.0): \($0.1)" + ($0.1 == $0.2 ? "" : " (the count gives another number)") })
      })
  }

  /// The exercise's hints: the idea, the command, the step still missing (none states the answer).
  static let hints = [
    "Every weight that touches a unit whose weights are all 0 is flat; every other hidden ReLU unit has one rescaling direction.",
    "`hessian-lab describe SPEC` prints d and the rank with the count that explains it; `hessian-lab rank SPEC` counts from HVPs.",
    "Only the teacher's weights can curve: count them layer by layer with the teacher's widths, then subtract one per teacher hidden unit.",
  ]
}
