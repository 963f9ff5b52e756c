import Foundation

/// One run of a rank method at one budget and one seed, with its counted cost.
public struct BudgetTrial: Sendable, Equatable {
  /// The rank the method returned.
  public var rank: Int
  /// Hessian-vector products counted during the run.
  public var hessianVectorProducts: Int
  /// Loss evaluations counted during the run.
  public var lossEvaluations: Int
  /// Wall time of the run in seconds.
  public var seconds: Double
  /// Whether the method warned that its rank is not established (the adaptive read-out's
  /// warnings): such a run counts as wrong whatever rank it returned.
  public var warned: Bool

  /// Creates a trial record: the rank the run returned, its counted HVPs and loss evaluations, its
  /// wall time in seconds, and whether it warned (then it counts as wrong).
  public init(rank: Int, hessianVectorProducts: Int, lossEvaluations: Int, seconds: Double, warned: Bool = false) {
    self.rank = rank
    self.hessianVectorProducts = hessianVectorProducts
    self.lossEvaluations = lossEvaluations
    self.seconds = seconds
    self.warned = warned
  }

  /// Whether the run counts as exact: it returned `truth` and did not warn.
  public func isExact(_ truth: Int) -> Bool { rank == truth && !warned }

  /// The run's entry in ``BudgetLevel/ranksSeen``: the rank, followed by "(warned)" for a warned run.
  var seenLabel: String { warned ? "\(rank)(warned)" : "\(rank)" }
}

/// What happened at one budget of the ladder.
public struct BudgetLevel: Sendable, Codable, Equatable {
  /// The budget (Lanczos steps, SLQ probes, kept points, test vectors, …).
  public var budget: Int
  /// Seeds run at this budget (fewer than planned when the level was abandoned early).
  public var seedsRun: Int
  /// Runs whose rank was not the exact rank.
  public var wrong: Int
  /// The ranks returned, most frequent first, as "rank×count"; a rank returned with a warning (which
  /// counts as wrong) as "rank(warned)×count".
  public var ranksSeen: String
  /// The Clopper–Pearson lower bound on P(exact) (risk α), over the seeds run.
  public var exactLowerBound: Double
  /// Whether this level established P(exact) ≥ confidence.
  public var reached: Bool
  /// Mean counted HVPs and loss evaluations per run, and the per-run maximum.
  public var meanHessianVectorProducts: Double
  /// The most HVPs counted in a single run at this level.
  public var maxHessianVectorProducts: Int
  /// Mean counted loss evaluations per run at this level (batched evaluations count one per row).
  public var meanLossEvaluations: Double
  /// The most loss evaluations counted in a single run at this level.
  public var maxLossEvaluations: Int
  /// Totals over the runs of this level (exactly the counted work).
  public var totalHessianVectorProducts: Int
  /// Loss evaluations counted over all runs of this level.
  public var totalLossEvaluations: Int
  /// Median wall time per run, seconds.
  public var medianSeconds: Double
}

/// Raises a method's budget along a ladder until it returns the exact rank with
/// a probability established over independent seeds.
///
/// At each budget b (ascending), seeds 0, 1, … are run until either all
/// `seeds` have run — the level *reaches* the confidence c when the number of
/// wrong ranks is at most ``BinomialBound/maximumFailures(trials:confidence:risk:)``
/// (the Clopper–Pearson lower bound on P(exact) is then ≥ c at risk α) — or the
/// wrong ranks exceed that allowance after at least `minimumSeedsBeforeAbandon`
/// seeds, when the level is abandoned (its error rate is still reported). The
/// first level that reaches c ends the search; when none does within the ladder
/// (whose last rung is the budget cap), the method is reported as not reaching
/// c within the cap.
///
/// The risk α applies per level; a search that tried L levels over-claims with
/// probability at most L·α (Bonferroni), which the report states.
///
/// Cost: at most `seeds` × (number of levels) trials; abandoned levels stop early.
public enum BudgetSearch {
  /// The outcome of a search.
  public struct Outcome: Sendable, Codable, Equatable {
    /// Every level tried, in ladder order; the last is the one that reached c, or the cap when none did.
    public var levels: [BudgetLevel]
    /// The first budget that reached the confidence, if any.
    public var reachedBudget: Int?
    /// The largest budget of the ladder (the cap).
    public var cap: Int
    /// Seeds per level and failures allowed among them.
    public var seeds: Int
    /// The most wrong ranks among `seeds` runs that still establish P(exact) ≥ c at risk α
    /// (``BinomialBound/maximumFailures(trials:confidence:risk:)``); −1 when even `seeds` exact runs cannot, so no level reaches c.
    public var allowedFailures: Int
  }

  /// Runs the search.
  ///
  /// - Parameters:
  ///   - ladder: ascending budgets; the last is the cap.
  ///   - truth: the exact rank.
  ///   - seeds: seeds per level (≥ the minimum that can establish c at risk α).
  ///   - deterministic: the method uses no randomness: one run stands for all seeds.
  ///   - trial: runs the method at (budget, seed index).
  public static func run(
    ladder: [Int], truth: Int, confidence c: Double, risk alpha: Double, seeds: Int,
    deterministic: Bool = false, minimumSeedsBeforeAbandon: Int = 10,
    trial: (_ budget: Int, _ seedIndex: Int) async throws -> BudgetTrial
  ) async throws -> Outcome {
    precondition(!ladder.isEmpty, "the budget ladder is empty")
    let allowed = BinomialBound.maximumFailures(trials: seeds, confidence: c, risk: alpha)
    var levels: [BudgetLevel] = []
    var reachedBudget: Int?
    for budget in ladder {
      var trials: [BudgetTrial] = []
      var wrong = 0
      let planned = deterministic ? 1 : seeds
      for i in 0..<planned {
        let t = try await trial(budget, i)
        trials.append(t)
        if !t.isExact(truth) { wrong += 1 }
        if !deterministic, wrong > allowed, trials.count >= min(seeds, minimumSeedsBeforeAbandon) { break }
      }
      let n = trials.count
      // A deterministic method's single run counts for every seed.
      let effectiveN = deterministic ? seeds : n
      let effectiveWrong = deterministic ? (wrong > 0 ? seeds : 0) : wrong
      let complete = deterministic || n == seeds
      let lower = BinomialBound.lowerConfidenceBound(successes: effectiveN - effectiveWrong, trials: effectiveN, risk: alpha)
      let reached = complete && effectiveWrong <= allowed && allowed >= 0
      var counts: [String: Int] = [:]
      for t in trials { counts[t.seenLabel, default: 0] += 1 }
      let ranksSeen = counts.sorted { $0.value != $1.value ? $0.value > $1.value : Self.labelOrder($0.key, $1.key) }
        .map { "\($0.key)×\($0.value)" }.joined(separator: " ")
      let hv = trials.map(\.hessianVectorProducts), le = trials.map(\.lossEvaluations)
      let secs = trials.map(\.seconds).sorted()
      levels.append(
        BudgetLevel(
          budget: budget, seedsRun: n, wrong: wrong, ranksSeen: ranksSeen, exactLowerBound: lower, reached: reached,
          meanHessianVectorProducts: Double(hv.reduce(0, +)) / Double(n), maxHessianVectorProducts: hv.max() ?? 0,
          meanLossEvaluations: Double(le.reduce(0, +)) / Double(n), maxLossEvaluations: le.max() ?? 0,
          totalHessianVectorProducts: hv.reduce(0, +), totalLossEvaluations: le.reduce(0, +),
          medianSeconds: secs.isEmpty ? 0 : secs[secs.count / 2]))
      if reached {
        reachedBudget = budget
        break
      }
    }
    return Outcome(levels: levels, reachedBudget: reachedBudget, cap: ladder.last ?? 0, seeds: seeds, allowedFailures: allowed)
  }

  /// The order of equally frequent entries of ``BudgetLevel/ranksSeen``: by rank, a plain rank before the same rank warned.
  static func labelOrder(_ a: String, _ b: String) -> Bool {
    func key(_ s: String) -> (Int, Bool) { (Int(s.prefix { $0 == "-" || $0.isNumber }) ?? 0, s.hasSuffix(")")) }
    let (ka, kb) = (key(a), key(b))
    return ka.0 != kb.0 ? ka.0 < kb.0 : (!ka.1 && kb.1)
  }

  /// 1, 2, 4, … up to `cap` (the cap itself always included), starting at `start`.
  /// Never overflows: at most 64 rungs for any `cap` up to `Int.max`.
  public static func doubling(from start: Int, cap: Int) -> [Int] {
    var out: [Int] = []
    var b = max(1, start)
    while b < cap {
      out.append(b)
      guard b <= Int.max / 2 else { break }  // 2b would overflow: the cap is the next rung
      b *= 2
    }
    out.append(max(cap, 1))
    return out
  }
}
