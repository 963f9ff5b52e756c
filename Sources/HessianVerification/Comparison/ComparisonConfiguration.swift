import Foundation

/// Settings of a comparison. The defaults are the documented fast defaults of
/// `hessian-lab compare`.
public struct ComparisonConfiguration: Sendable {
  /// The probability c with which a method must return the exact rank.
  public var confidence: Double = 0.95
  /// The risk α that a level is reported as reaching c although P(exact) < c.
  public var risk: Double = 0.05
  /// Seeds per budget level; nil = the minimum that can establish c at risk α
  /// (59 for c = 0.95, α = 0.05).
  public var seeds: Int?
  /// Methods to compare, in order; default ``ComparedMethod/defaultMethods`` (every method but
  /// `cma`, which is run when named: its budget search costs seconds to minutes where the others
  /// cost milliseconds, and on a full-rank landscape it is skipped anyway).
  public var methods: [ComparedMethod] = ComparedMethod.defaultMethods
  /// Covariance route: population λ and sampling σ (centred at w*).
  public var population = 100
  /// Covariance route: the sampling standard deviation σ of the candidates around w* (> 0, finite);
  /// also the σ of the rank read-out, the initial step σ₀ of the cma route, and the σ of the points
  /// used to measure the HVP cost.
  public var sigma = 1.0
  /// Covariance route: kept points start at 2d and double up to factor·d.
  public var keptCapFactor = 64
  /// CMA route: the loss-evaluation budget E doubles from 2λd up to this factor × λd (λ = 4 + ⌊3 ln d⌋,
  /// the tutorial's default population), within ``maxLossEvaluationsPerRun``.
  public var cmaCapFactor = 256
  /// Block route: test vectors double from 1 up to this.
  public var blockTestVectorCap = 16
  /// SLQ: probes double from 1 up to this; Lanczos steps per probe (nil: min(d, 30)).
  public var slqProbeCap = 2048
  /// SLQ: Lanczos steps per probe, capped at d; nil: min(d, 30).
  public var slqSteps: Int?
  /// Budgets whose single run would exceed these are not tried (they count as over the cap).
  public var maxLossEvaluationsPerRun = 4_000_000
  /// The most HVPs one run may take: SLQ probe counts with probes × steps above it are not tried.
  public var maxHessianVectorProductsPerRun = 400_000
  /// Dense is skipped above this dimension (d HVPs plus an O(d³) eigendecomposition).
  public var denseDimensionCap = 2000
  /// The HVP → loss-evaluation conversion of the headline (the timed one is reported beside it).
  public var conversion: CostConversion = .theoretical
  /// Root seed; nil = the committed ``SeedTable``.
  public var seedRoot: UInt64?
  /// Seeds run at an abandoned level before giving up on it.
  public var minimumSeedsBeforeAbandon = 10
  /// Worker tasks for the sampler (results do not depend on it).
  public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
  /// How the HVP routes' products are computed (``HVPErrorModel``; default exact). Each run gets a
  /// fresh operator of the model, so a finite-difference run's measured accuracy is its own.
  public var hvp: HVPErrorModel = .exact
  /// How the covariance route's losses are computed (``LossErrorModel``; default exact); a noisy
  /// loss is seeded per run from that run's seed (``LossErrorModel/noiseSeed(forRun:)``).
  public var loss: LossErrorModel = .exact

  /// The default settings: c = 0.95, α = 0.05, every method, the stated conversion (10 loss
  /// evaluations per HVP).
  public init() {}

  /// The number of seeds per level actually used.
  public var seedsPerLevel: Int {
    seeds ?? BinomialBound.minimumTrials(confidence: confidence, risk: risk)
  }

  /// Checks the settings.
  ///
  /// - Throws: ``InputError`` naming the option.
  public func validate() throws(InputError) {
    guard confidence > 0, confidence < 1 else {
      throw InputError.parameter(.confidence, value: "\(confidence)", problem: "\(confidence) must be in (0, 1)")
    }
    guard risk > 0, risk < 1 else { throw InputError.parameter(.risk, value: "\(risk)", problem: "\(risk) must be in (0, 1)") }
    if let s = seeds {
      guard s >= 1 else { throw InputError.parameter(.seeds, value: "\(s)", problem: "\(s) must be at least 1") }
      guard s <= BinomialBound.maximumTrials else {
        throw InputError.parameter(
          .seeds, value: "\(s)", problem: "\(s) is more than the \(BinomialBound.maximumTrials) seeds the binomial bound handles")
      }
      let needed = BinomialBound.minimumTrials(confidence: confidence, risk: risk)
      guard s >= needed else {
        throw InputError.parameter(
          .seeds, value: "\(s)",
          problem: "\(s) seeds cannot establish P(exact) ≥ \(confidence) at risk \(risk) even with no failure; at least \(needed) are needed")
      }
    }
    guard population >= 2 else {
      throw InputError.parameter(.population, value: "\(population)", problem: "λ = \(population) must be at least 2")
    }
    guard sigma > 0, sigma.isFinite else {
      throw InputError.parameter(.sigma, value: "\(sigma)", problem: "σ = \(sigma) must be positive and finite")
    }
    guard slqProbeCap >= 1 else { throw InputError.parameter(.slqProbeCap, value: "\(slqProbeCap)", problem: "must be at least 1") }
    guard keptCapFactor >= 2 else { throw InputError.parameter(.keptCapFactor, value: "\(keptCapFactor)", problem: "must be at least 2") }
    guard cmaCapFactor >= 2 else { throw InputError.parameter(.cmaCapFactor, value: "\(cmaCapFactor)", problem: "must be at least 2") }
  }
}
