import Foundation

/// Shrinks a failing generated case to a minimal one that still fails.
///
/// Greedy: try every one-step simplification (``candidates(of:)``), keep the
/// first that still fails, repeat until none does. Each step strictly reduces
/// the size (d, number of groups or terms, multiplicities, exponents,
/// coefficients, rotation), so shrinking terminates.
public enum Shrinker {
  /// The one-step simplifications of `c`, simplest first.
  public static func candidates(of c: GeneratedCase) -> [GeneratedCase] {
    var out: [GeneratedCase] = []
    switch c {
    case let .quadratic(d, groups, seed):
      let r = groups.reduce(0) { $0 + $1.count }
      if seed != nil { out.append(.quadratic(dimension: d, groups: groups, rotationSeed: nil)) }
      for i in groups.indices {
        var g = groups
        g.remove(at: i)
        out.append(.quadratic(dimension: d, groups: g, rotationSeed: seed))
      }
      if d > max(r, 1) { out.append(.quadratic(dimension: max(r, 1), groups: groups, rotationSeed: seed)) }
      if d > max(r, 1) { out.append(.quadratic(dimension: d - 1, groups: groups, rotationSeed: seed)) }
      for i in groups.indices where groups[i].count > 1 {
        var g = groups
        g[i].count -= 1
        out.append(.quadratic(dimension: d, groups: g, rotationSeed: seed))
      }
      for i in groups.indices where groups[i].value != 1 {
        var g = groups
        g[i].value = 1
        out.append(.quadratic(dimension: d, groups: g, rotationSeed: seed))
      }
    case let .polynomial(d, terms):
      let used = Set(terms.flatMap { $0.exponents.filter { $0.value > 0 }.map(\.key) })
      if terms.count > 1 {
        for i in terms.indices {
          var t = terms
          t.remove(at: i)
          out.append(.polynomial(dimension: d, terms: t))
        }
      }
      // Drop the highest unused variable (renumbering is not needed: only trailing ones).
      if d > 1, !used.contains(d - 1) { out.append(.polynomial(dimension: d - 1, terms: terms)) }
      for i in terms.indices {
        for (k, e) in terms[i].exponents.sorted(by: { $0.key < $1.key }) where e > 2 {
          var t = terms
          t[i].exponents[k] = e - 2
          out.append(.polynomial(dimension: d, terms: t))
        }
        if terms[i].exponents.filter({ $0.value > 0 }).count > 1 {
          for k in terms[i].exponents.keys.sorted() {
            var t = terms
            t[i].exponents[k] = nil
            if !t.enumerated().contains(where: { $0.offset != i && $0.element.exponents == t[i].exponents }) {
              out.append(.polynomial(dimension: d, terms: t))
            }
          }
        }
        if terms[i].coefficient > 1 {
          var t = terms
          t[i].coefficient = 1
          out.append(.polynomial(dimension: d, terms: t))
        }
      }
    }
    return out
  }

  /// Shrinks `c` while `fails` holds; returns the minimal failing case and the
  /// number of successful shrink steps.
  public static func shrink(
    _ c: GeneratedCase, maxSteps: Int = 200, fails: (GeneratedCase) async throws -> Bool
  ) async rethrows -> (minimal: GeneratedCase, steps: Int) {
    var current = c
    var steps = 0
    outer: while steps < maxSteps {
      for candidate in candidates(of: current) {
        // A candidate that does not resolve is not a valid landscape: skip it.
        guard (try? LandscapeSpec.resolve(candidate.spec)) != nil else { continue }
        if try await fails(candidate) {
          current = candidate
          steps += 1
          continue outer
        }
      }
      break
    }
    return (current, steps)
  }
}

/// Property checks over generated landscapes (`verify --explore N` and the
/// test suite): every ``VerificationSuite`` property with the generator's
/// claims, plus — for quadratics with a range — the proportionality error of
/// the covariance not growing with λ.
public enum PropertyExploration {
  /// The result of one generated case.
  public struct CaseResult: Sendable, Codable, Equatable {
    /// The seed the case was generated from (``LandscapeGenerator/generate(seed:maxDimension:)``), a child seed of the run's root.
    public var seed: UInt64
    /// The generated case as a rerunnable spec.
    public var spec: String
    /// Whether every property held.
    public var passed: Bool
    /// The names of the properties that failed (``VerificationRow/property``); empty when the case passed.
    public var failedProperties: [String]
    /// The shrunk failing case (a rerunnable spec), when the case failed.
    public var minimalSpec: String?
    /// Successful shrink steps from ``spec`` to ``minimalSpec`` (at most 200); 0 when the case passed.
    public var shrinkSteps: Int
  }

  /// The properties of one case at per-check false-failure probability `p`;
  /// returns the failing property names (empty: pass).
  public static func failures(of c: GeneratedCase, perCheck p: Double, options: VerificationSuite.Options) async throws -> [String] {
    let vc = try c.verificationCase()
    let rows = try await VerificationSuite.check(vc, perCheck: p, options: options)
    var failed = rows.filter { $0.result == .fail }.map(\.property)
    if case .quadratic = c, c.constructedRank >= 1, c.dimension <= 8, !options.quick {
      if let row = try await proportionalityRow(vc, perCheck: p), row.result == .fail { failed.append(row.property) }
    }
    return failed
  }

  /// The relative error ‖C/c − H⁺‖/‖H⁺‖ does not grow from λ = 10 to λ = 100:
  /// 8 independent batches of 400 kept points per λ, one-sided normal check on
  /// the difference of the batch means (se from the batch spread).
  public static func proportionalityRow(_ c: VerificationCase, perCheck p: Double) async throws -> VerificationRow? {
    let land = c.landscape
    guard let h = land.knownAnswers.hessian else { return nil }
    let hd = h.dense(dimension: land.dimension)
    var means: [Double] = [], vars: [Double] = []
    let batches = 8
    for lambda in [10, 100] {
      let sampler = try SelectionSampler(population: lambda, sigma: 1)
      var errs: [Double] = []
      for b in 0..<batches {
        let s = SeedTable.seed(for: "explore/proportionality/\(c.id)/\(lambda)", index: b)
        let sample = try await sampler.sample(land, kept: 400, seed: s)
        let rel = try CovarianceHessianRelation.measure(covariance: sample.moments.secondMoment, hessian: hd, sigma: 1)
        errs.append(rel.relativeError)
      }
      let m = errs.reduce(0, +) / Double(batches)
      means.append(m)
      vars.append(errs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(batches - 1))
    }
    let se = ((vars[0] + vars[1]) / Double(batches)).squareRoot()
    let o = try StatisticalCheck.meanAtMost(
      "proportionality", estimate: means[1], bound: means[0], standardError: max(se, 1e-12), falseFailureProbability: p)
    return VerificationRow(o, property: "cov: error not growing in λ", landscape: c.id)
  }

  /// Draws `count` cases from child seeds of `root`, checks each, shrinks failures.
  public static func explore(
    count: Int, root: UInt64, budget: Double, options: VerificationSuite.Options,
    progress: (@Sendable (String) -> Void)? = nil
  ) async throws -> [CaseResult] {
    // Each case has at most 5 statistical checks (block, slq, null, range, λ-growth).
    let checks = try 5.multiplied(by: max(count, 1), orThrow: .tooLarge(.explore, value: count, "5 checks per landscape, 5·N,"))
    let perCheck = FalseFailureBudget(total: budget, checkCount: checks).perCheck
    var out: [CaseResult] = []
    for i in 0..<count {
      let seed = SeededGenerator.childSeed(root: root, index: UInt64(i))
      let c = LandscapeGenerator.generate(seed: seed)
      progress?("explore \(i + 1)/\(count): \(c.spec)")
      let failed = try await failures(of: c, perCheck: perCheck, options: options)
      if failed.isEmpty {
        out.append(CaseResult(seed: seed, spec: c.spec, passed: true, failedProperties: [], minimalSpec: nil, shrinkSteps: 0))
        continue
      }
      let (minimal, steps) = try await Shrinker.shrink(c) { candidate in
        !(try await failures(of: candidate, perCheck: perCheck, options: options)).isEmpty
      }
      out.append(CaseResult(seed: seed, spec: c.spec, passed: false, failedProperties: failed, minimalSpec: minimal.spec, shrinkSteps: steps))
    }
    return out
  }
}
