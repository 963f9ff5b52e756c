import Foundation

/// The known answers of an `mlp:` landscape at its embedded-teacher minimum w\*, or at its trained point.
///
/// At a trained point (`train=STEPS`, ``NetworkTraining``) nothing is known by construction: the rank is rank J
/// at that point (provenance ``Provenance/computed``, its source stating ‖∇L‖ and the loss reached; the Hessian
/// there is JᵀJ/N only up to the residual term, so its numerical rank depends on the threshold), and λ and m
/// are unknown (the trained point is a generic point of the zero-loss set, not the one Aoyagi's formula is
/// stated at, and it is not a minimum at all when training did not converge).
///
/// - **rank** (provenance ``Provenance/computed``): rank J by singular values (``JacobianRank``), an exact
///   method on a path independent of the Hessian-vector products; since L(w\*) = 0, ∇²L(w\*) = JᵀJ/N and
///   rank ∇²L = rank J. The source names the symmetry count that explains the null space
///   (``NetworkSymmetryCount``). Unknown when J would exceed ``jacobianByteCap`` or ``jacobianFlopCap``.
/// - **λ, m** (provenance ``Provenance/theorem``) only for a linear network whose teacher is equivalent to
///   the canonical DLN point: every hidden teacher width equals r = min_l t_l, and N ≥ n_0 (the empirical
///   input covariance is positive definite). Then GL(t_l) changes of coordinates on the hidden layers and
///   fixed input/output changes of basis map w\* to W_l = [[I_r, 0], [0, 0]], and Aoyagi's formula for the
///   student's widths and rank r applies (``Aoyagi``, as `dln:`). Otherwise unknown: only the rank bounds
///   r/2 ≤ λ ≤ r/2 + (d − r)/4 apply, and the reports label them as bounds (for ReLU even they assume more
///   than holds: the bounds are proved for analytic losses, and a ReLU loss is only piecewise analytic).
extension MultilayerPerceptronLandscape {
  /// The largest Jacobian (bytes) computed for the known rank: 256 MB (or the memory budget, if lower).
  public static var jacobianByteCap: Int { min(256_000_000, MemoryBudget.bytes) }
  /// The largest Jacobian work (flops) done for the known rank: 10¹⁰.
  public static let jacobianFlopCap = 10_000_000_000

  /// The answers at `minimum` (see the extension's documentation).
  static func knownAnswers(
    network: MultilayerPerceptron, teacher: TeacherEmbedding, inputs: Matrix, minimum: [Double],
    symmetries: NetworkSymmetryCount, training: NetworkTraining? = nil
  ) -> KnownAnswers {
    let n = inputs.columns
    let rank: Known<Int>
    if let bytes = network.jacobianBytes(sampleCount: n), bytes <= jacobianByteCap,
       let flops = network.jacobianFlops(sampleCount: n), flops <= jacobianFlopCap,
       let decided = try? JacobianRank(of: network.jacobian(minimum, inputs: inputs)) {
      let rows = n * network.widths[network.depth]
      let gap = decided.gapRatio.map { ", gap σ_r/σ_{r+1} = \(Self.short($0))" } ?? ""
      // Above the bound only where its assumptions fail: at a trained point a linear network's partial
      // products need not have the product's rank (the count assumes they do).
      let agreement = decided.rank == symmetries.rankBound ? "equals" : decided.rank < symmetries.rankBound ? "is below" : "is above (the count's assumptions do not hold at this point)"
      let at = training.map {
        "at the trained point (‖∇L‖ = \(Self.short($0.result.gradientNorm)), loss \(Self.short($0.result.loss))\($0.result.converged ? "" : ", NOT converged")); H = JᵀJ/N only up to the residual term, so the Hessian's numerical rank depends on the threshold"
      } ?? "H = JᵀJ/N at the zero-loss minimum"
      rank = Known(
        decided.rank, provenance: .computed,
        source: "rank of the \(rows)×\(network.parameterCount) Jacobian by SVD, τ_J = σ_max·max(m, n)·ε = \(Self.short(decided.threshold))\(gap); \(at); it \(agreement) the symmetry bound \(symmetries.rankBound) = \(symmetries.explanation)")
    } else {
      rank = .unknown("the Jacobian (\(n)·\(network.widths[network.depth]) × \(network.parameterCount)) is above the known-answer cap; symmetry bound rank ≤ \(symmetries.rankBound) (\(symmetries.explanation))")
    }
    if training != nil {
      let why = "no theorem gives λ at a trained point (a generic point of the zero-loss set, or not a minimum when training did not converge); only the rank bounds r/2 ≤ λ ≤ r/2 + (d − r)/4 apply, with r read at a threshold"
      return KnownAnswers(rank: rank, learningCoefficient: .unknown(why), multiplicity: .unknown(why), hessian: nil)
    }
    let (lambda, multiplicity) = learningCoefficient(network: network, teacher: teacher, sampleCount: n)
    return KnownAnswers(rank: rank, learningCoefficient: lambda, multiplicity: multiplicity, hessian: nil)
  }

  /// λ and m by Aoyagi's formula for a linear network with a canonical teacher, unknown otherwise.
  static func learningCoefficient(
    network: MultilayerPerceptron, teacher: TeacherEmbedding, sampleCount n: Int
  ) -> (Known<Rational>, Known<Int>) {
    guard network.activation == .linear else {
      let why = network.activation == .relu
        ? "no theorem gives λ for act=relu; the rank bounds r/2 ≤ λ ≤ r/2 + (d − r)/4 are proved for analytic losses, and a ReLU network's loss is only piecewise analytic (units with zero incoming weights sit at the kink), so even they are indicative here"
        : "no theorem gives λ for act=\(network.activation.rawValue); only the rank bounds r/2 ≤ λ ≤ r/2 + (d − r)/4 apply"
      return (.unknown(why), .unknown(why))
    }
    let r = teacher.linearRank
    let hidden = teacher.widths.dropFirst().dropLast()
    guard hidden.allSatisfy({ $0 == r }), n >= network.widths[0] else {
      let why = n < network.widths[0]
        ? "data=\(n) is below the input width \(network.widths[0]) (the input covariance is singular); only the rank bounds apply"
        : "the teacher's hidden widths are not all its rank r = \(r), so w* is not the canonical DLN point; only the rank bounds apply"
      return (.unknown(why), .unknown(why))
    }
    let a = Aoyagi.learningCoefficient(widths: network.widths, rank: r)
    let src = "Aoyagi (2024) deep-linear-network formula for widths \(network.widths.map(String.init).joined(separator: "-")), true rank \(r), ℓ = \(a.ell) (teacher equivalent to the canonical point)"
    let m: Known<Int> = a.multiplicityVerified
      ? Known(a.multiplicity, provenance: .theorem, source: src + " (matches Aoyagi–Watanabe 2005)")
      : .unknown("Aoyagi multiplicity a(ℓ−a)+1 = \(a.multiplicity) is unverified for ℓ = \(a.ell) > 2")
    return (Known(a.learningCoefficient, provenance: .theorem, source: src), m)
  }

  static func short(_ x: Double) -> String { String(format: "%.3g", x) }
}
