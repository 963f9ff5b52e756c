import Foundation

/// A landscape with the answers it *claims*: the object `verify` judges.
///
/// For a fixture file the claims are the file's `known` block (written from
/// theory, independently of the code), so a fixture that is wrong about its
/// rank fails verification; for a zoo id or a spec they are the landscape's own
/// ``KnownAnswers``; for a generated case they are what the generator built.
public struct VerificationCase: Sendable {
  /// The name used in the table rows: the fixture id, the landscape's name, the zoo id or the generated spec.
  public var id: String
  /// The landscape the properties are checked on.
  public var landscape: any Landscape
  /// The claimed number of parameters d; nil: the dimension is not checked.
  public var claimedDimension: Int?
  /// The claimed rank of the Hessian at w*; nil: no rank rows (so no measured rank for the
  /// learning-coefficient row), and quadratics skip the covariance rows.
  public var claimedRank: Int?
  /// The claimed learning coefficient λ, exact; nil: the learning-coefficient row is skipped.
  public var claimedLearningCoefficient: Rational?
  /// Where the claims come from, in one line.
  public var origin: String

  /// A case with the given claims; `origin` says where they come from.
  public init(
    id: String, landscape: any Landscape, claimedDimension: Int? = nil, claimedRank: Int?,
    claimedLearningCoefficient: Rational?, origin: String
  ) {
    self.id = id
    self.landscape = landscape
    self.claimedDimension = claimedDimension
    self.claimedRank = claimedRank
    self.claimedLearningCoefficient = claimedLearningCoefficient
    self.origin = origin
  }

  /// A case from a user argument: a fixture `.json` (claims from its `known`
  /// block), or any other landscape spec (claims from its known answers).
  ///
  /// - Throws: ``InputError`` for an unreadable fixture or spec.
  public static func resolve(_ text: String) throws(InputError) -> VerificationCase {
    if text.hasSuffix(".json") {
      let fixture = try LandscapeFixture.load(path: text)
      let land = try LandscapeSpec.resolve(fixture: fixture, path: text)
      return VerificationCase(
        id: fixture.id, landscape: land, claimedDimension: fixture.known.dimension, claimedRank: fixture.known.rank,
        claimedLearningCoefficient: fixture.known.learningCoefficientValue, origin: "fixture \(text)")
    }
    let land = try LandscapeSpec.resolve(text)
    let k = land.knownAnswers
    return VerificationCase(
      id: land.name, landscape: land, claimedRank: k.rank.value, claimedLearningCoefficient: k.learningCoefficient.value,
      origin: "known answers of \(text)")
  }

  /// The fixture corpus: every `*.json` in `directory` (sorted), or the zoo
  /// when nothing exists at `directory`.
  ///
  /// - Throws: ``InputError`` naming `directory` when it exists but is not a
  ///   readable folder or holds no `*.json` fixture (never a silent fall-back to
  ///   the zoo), or naming the first fixture that does not resolve.
  public static func corpus(directory: String = "fixtures/landscapes") throws(InputError) -> [VerificationCase] {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw InputError.file(path: directory, problem: "not a folder of fixtures") }
      let names: [String]
      do { names = try fm.contentsOfDirectory(atPath: directory) } catch {
        throw InputError.file(path: directory, problem: "cannot list the fixture folder")
      }
      let files = names.filter { $0.hasSuffix(".json") }.sorted()
      guard !files.isEmpty else {
        throw InputError.file(path: directory, problem: "the folder holds no landscape fixtures (*.json)")
      }
      var out: [VerificationCase] = []
      for f in files { out.append(try resolve(directory + "/" + f)) }
      return out
    }
    var out: [VerificationCase] = []
    for entry in Zoo.all {
      let land = try entry.make()
      out.append(
        VerificationCase(
          id: entry.id, landscape: land, claimedRank: land.knownAnswers.rank.value,
          claimedLearningCoefficient: land.knownAnswers.learningCoefficient.value, origin: "zoo"))
    }
    return out
  }
}

/// One row of the verification table.
public struct VerificationRow: Sendable, Codable, Equatable {
  /// The outcome of a row.
  public enum Result: String, Sendable, Codable {
    /// `pass`: the property held; `fail` (shown as `FAIL`): it did not, or a statistical check failed by chance
    /// (probability ≤ ``VerificationRow/falseFailureProbability``); `skipped`: not applicable (no claim, d above a
    /// cap, no known flat directions); `refused`: ``CheckPlanner`` found the check unable to detect its planted
    /// discrepancy, so it did not count as a pass.
    case pass, fail = "FAIL", skipped, refused
  }

  /// The property checked, e.g. `rank: dense` or `cov: null var = σ²`.
  public var property: String
  /// The id of the case it was checked on (``VerificationCase/id``).
  public var landscape: String
  /// Whether the property held, failed, or was skipped or refused.
  public var result: Result
  /// The observed statistic and the threshold it was compared with.
  public var statistic: Double?
  /// The threshold or reference value the statistic was compared with; nil for skipped and refused rows.
  public var threshold: Double?
  /// The probability that this row fails although the property holds (0: deterministic).
  public var falseFailureProbability: Double
  /// How the threshold was derived, or why the row was skipped.
  public var detail: String
  /// The seed of the randomness used, if any.
  public var seed: UInt64?

  init(_ outcome: CheckOutcome, property: String, landscape: String, seed: UInt64? = nil) {
    self.property = property
    self.landscape = landscape
    self.result = outcome.passed ? .pass : .fail
    self.statistic = outcome.statistic
    self.threshold = outcome.threshold
    self.falseFailureProbability = outcome.falseFailureProbability
    self.detail = outcome.derivation
    self.seed = seed
  }

  init(property: String, landscape: String, result: Result, detail: String) {
    self.property = property
    self.landscape = landscape
    self.result = result
    self.statistic = nil
    self.threshold = nil
    self.falseFailureProbability = 0
    self.detail = detail
    self.seed = nil
  }
}

/// The result of a verification run.
public struct VerificationReport: Sendable, Codable, Equatable {
  /// Every row of every case, case by case in run order.
  public var rows: [VerificationRow]
  /// The false-failure budget P of the whole run and its per-check share.
  public var budget: Double
  /// The false-failure probability of each statistical check: ``budget`` / ``statisticalChecks`` (Bonferroni).
  public var perCheck: Double
  /// The number of statistical checks the budget was split over, counted before the run (at least 1).
  public var statisticalChecks: Int
  /// The number of rows whose result is `fail`.
  public var failures: Int
  /// Whether no row failed; skipped and refused rows are not failures.
  public var passed: Bool { failures == 0 }

  /// The table: property, landscape, result, statistic ≤ threshold, p.
  public var tableLines: [String] {
    func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0) }
    func g(_ x: Double?) -> String { x.map { String(format: "%.3g", $0) } ?? "—" }
    var lines = [pad("property", 26) + pad("landscape", 24) + pad("result", 9) + pad("statistic", 11) + pad("threshold", 11) + "false-failure p"]
    for r in rows {
      lines.append(
        pad(r.property, 26) + pad(r.landscape, 24) + pad(r.result.rawValue, 9) + pad(g(r.statistic), 11)
          + pad(g(r.threshold), 11) + (r.falseFailureProbability == 0 ? "0 (deterministic)" : String(format: "%.2g", r.falseFailureProbability)))
    }
    return lines
  }

  /// One summary line.
  public var summary: String {
    let pass = rows.filter { $0.result == .pass }.count
    let skipped = rows.filter { $0.result == .skipped || $0.result == .refused }.count
    return String(
      format: "%d passed, %d failed, %d skipped; false-failure budget P = %.2g split over %d statistical checks (%.2g each, Bonferroni): the run fails by bad luck with probability ≤ P",
      pass, failures, skipped, budget, statisticalChecks, perCheck)
  }
}

/// The correctness properties of HessianLab, checked on landscapes with
/// claimed answers (issue 7): HVPs against central finite differences and for
/// symmetry; every rank method against the claimed rank; the covariance–Hessian
/// properties (null-space variances exactly σ², range variances below σ²;
/// theory §4.4); the learning-coefficient bounds r/2 ≤ λ ≤ r/2 + (d − r)/4
/// containing the claimed λ (§3.2).
///
/// Thresholds come from false-failure probabilities: the run's budget P is
/// split evenly over its statistical checks (``FalseFailureBudget``);
/// deterministic checks have probability 0 and state their tolerance. A
/// statistical check that could not detect its planted discrepancy is refused
/// by ``CheckPlanner`` and reported as `refused`, not as a pass.
public enum VerificationSuite {
  /// Run settings.
  public struct Options: Sendable {
    /// The false-failure budget P of the whole run.
    public var budget = 1e-3
    /// Smaller samples (kept points, probes) for a fast run.
    public var quick = false
    /// Covariance checks: population λ and σ.
    public var population = 10
    /// The sampling standard deviation σ of the covariance checks: null-space variances must equal σ², range variances lie below it.
    public var sigma = 1.0
    /// Dense rank and covariance checks are skipped above these dimensions.
    public var denseDimensionCap = 2000
    /// The covariance checks are skipped when d exceeds this.
    public var covarianceDimensionCap = 300

    /// Settings with false-failure budget `budget` and the `quick` flag; everything else at its default.
    public init(budget: Double = 1e-3, quick: Bool = false) {
      self.budget = budget
      self.quick = quick
    }

    /// Kept points in the covariance sample: 1500 when ``quick``, else 6000.
    public var keptPoints: Int { quick ? 1500 : 6000 }
    /// SLQ probes for the rank check: 40 when ``quick``, else 200.
    public var slqProbes: Int { quick ? 40 : 200 }

    /// - Throws: ``InputError`` naming `.budget`.
    public func validate() throws(InputError) {
      guard budget > 0, budget < 1 else {
        throw InputError.parameter(.budget, value: "\(budget)", problem: "P = \(budget) must be in (0, 1)")
      }
    }
  }

  /// The statistical checks a case gets (for the budget split).
  static func statisticalCheckCount(_ c: VerificationCase, options: Options) -> Int {
    var n = 0
    if c.claimedRank != nil { n += 2 }  // block, slq
    let cov = covarianceGeometry(c, options: options)
    if cov.null != nil { n += 1 }
    if cov.range != nil { n += 1 }
    return n
  }

  /// Runs every property on every case.
  public static func run(
    _ cases: [VerificationCase], options: Options = Options(), progress: (@Sendable (String) -> Void)? = nil
  ) async throws -> VerificationReport {
    try options.validate()
    let total = max(1, cases.reduce(0) { $0 + statisticalCheckCount($1, options: options) })
    let budget = FalseFailureBudget(total: options.budget, checkCount: total)
    // The thresholds are quantiles at 1 − p/2: a share so small that 1 − p/2 rounds to 1
    // has no finite threshold. Name the budget rather than the quantile's domain error.
    guard 1 - budget.perCheck / 2 < 1 else {
      let smallest = Double(total) * 4 * Double.ulpOfOne
      throw InputError.parameter(
        .budget, value: "\(options.budget)",
        problem: "P = \(options.budget) split over \(total) statistical checks is \(budget.perCheck) each, below the resolution of the thresholds (1 − p/2 rounds to 1); use P ≥ \(smallest)")
    }
    var rows: [VerificationRow] = []
    for c in cases {
      progress?("verify \(c.id) …")
      rows += try await check(c, perCheck: budget.perCheck, options: options)
    }
    return VerificationReport(
      rows: rows, budget: options.budget, perCheck: budget.perCheck, statisticalChecks: total,
      failures: rows.filter { $0.result == .fail }.count)
  }

  /// The rows of one case, each statistical check at false-failure probability `p`.
  public static func check(_ c: VerificationCase, perCheck p: Double, options: Options) async throws -> [VerificationRow] {
    let land = c.landscape
    let d = land.dimension
    let name = c.id
    var rows: [VerificationRow] = []
    func seed(_ property: String) -> UInt64 { SeedTable.seed(for: "verify/\(property)/\(name)") }

    if let cd = c.claimedDimension {
      rows.append(
        VerificationRow(
          StatisticalCheck.deterministic(
            "dimension", value: Double(d), reference: Double(cd), tolerance: 0, derivation: "d equals the claimed dimension"),
          property: "dimension", landscape: name))
    }
    rows += hvpChecks(land, name: name, seed: seed("hvp"))

    // Rank methods against the claim.
    var measuredRank: Int?
    if let r = c.claimedRank {
      let op = { HessianOperator(landscape: land) }
      var dense: RankResult?
      if d <= options.denseDimensionCap {
        let res = try DenseRank.rank(of: op())
        dense = res
        measuredRank = res.rank
        rows.append(
          VerificationRow(
            StatisticalCheck.deterministic(
              "dense", value: Double(res.rank), reference: Double(r), tolerance: 0,
              derivation: "dense eigendecomposition, τ = max|λ|·d·ε; backward stable (no randomness)"),
            property: "rank: dense", landscape: name))
      } else {
        rows.append(VerificationRow(property: "rank: dense", landscape: name, result: .skipped, detail: "d = \(d) > \(options.denseDimensionCap)"))
      }
      // Block: failure probability 10^(−r') ≤ p by the choice of r'.
      let testVectors = max(1, Int((-log10(p)).rounded(.up)))
      var brng = SeededGenerator(seed: seed("block"))
      let bl = try BlockKrylovRank.rank(of: op(), testVectors: testVectors, using: &brng)
      var rng = SeededGenerator(seed: seed("lanczos"))
      let lz = try LanczosRank.rank(of: op(), using: &rng)
      let reference = dense ?? bl
      let (multiplicityJustified, distinctAbove) = lanczosUndercountIsMultiplicity(lz, reference: reference)
      let lanczosOK = lz.rank == r || (lz.rank < r && multiplicityJustified)
      rows.append(
        VerificationRow(
          CheckOutcome(
            name: "lanczos", statistic: Double(lz.rank), threshold: Double(r), falseFailureProbability: 0, passed: lanczosOK,
            derivation: "equals the rank, or is below it with the typed multiplicityInvisible warning and at most that many distinct "
              + "eigenvalues above τ in the \(dense == nil ? "block" : "dense") spectrum (\(distinctAbove); single-vector Lanczos sees distinct eigenvalues)"),
          property: "rank: lanczos", landscape: name, seed: rng.seed))
      if measuredRank == nil { measuredRank = bl.rank }
      rows.append(
        VerificationRow(
          CheckOutcome(
            name: "block", statistic: Double(bl.rank), threshold: Double(r), falseFailureProbability: pow(10, -Double(testVectors)),
            passed: bl.rank == r,
            derivation: "equals the rank; range finder with r' = \(testVectors) test vectors misses range with probability ≤ 10^-r' (Halko–Martinsson–Tropp 2011)"),
          property: "rank: block", landscape: name, seed: brng.seed))
      var srng = SeededGenerator(seed: seed("slq"))
      let sl = try StochasticLanczosQuadrature.rank(of: op(), probes: options.slqProbes, using: &srng)
      let est = sl.estimate ?? Double(sl.rank)
      // |estimate − r| ≤ max(z·se, 0.49): the normal band when it is wider than
      // the rounding margin, else "rounds to r" (quadrature bias below ½ is
      // harmless for an integer rank; either way P(false failure) ≤ p).
      let se = sl.standardError ?? 0
      let z = try Distributions.twoSidedNormalQuantile(falseFailureProbability: p)
      let band = max(z * se, 0.49)
      rows.append(
        VerificationRow(
          CheckOutcome(
            name: "slq", statistic: abs(est - Double(r)), threshold: band, falseFailureProbability: p,
            passed: abs(est - Double(r)) <= band,
            derivation: String(format: "|tr P̂ − r| ≤ max(z·se, 0.49), z = Φ⁻¹(1 − p/2) = %.3f, se = %.3g, %d probes", z, se, options.slqProbes)),
          property: "rank: slq trace", landscape: name, seed: srng.seed))
    }

    // Covariance–Hessian properties.
    let geometry = covarianceGeometry(c, options: options)
    if geometry.null != nil || geometry.range != nil {
      let sampler = try SelectionSampler(population: options.population, sigma: options.sigma)
      let n = options.keptPoints
      let s = seed("covariance")
      let sample = try await sampler.sample(land, kept: n, seed: s, workers: max(1, ProcessInfo.processInfo.activeProcessorCount))
      let m = sample.moments.secondMoment
      let s2 = options.sigma * options.sigma
      if let null = geometry.null {
        let q = null.count
        var tr = 0.0
        for v in null { tr += quadraticForm(m, v) }
        let variance = tr / Double(q)
        do {
          try CheckPlanner.require(
            "null variance", sampleSize: n * q, shift: 0.3, standardDeviation: 2.0.squareRoot(), falseFailureProbability: p)
          rows.append(
            VerificationRow(
              try StatisticalCheck.normalVariance(
                "null variance", sampleVariance: variance, degreesOfFreedom: n * q, truth: s2, falseFailureProbability: p),
              property: "cov: null var = σ²", landscape: name, seed: s))
        } catch let e as CheckPlanner.Underpowered {
          rows.append(VerificationRow(property: "cov: null var = σ²", landscape: name, result: .refused, detail: e.description))
        }
      } else {
        rows.append(VerificationRow(property: "cov: null var = σ²", landscape: name, result: .skipped, detail: geometry.reason))
      }
      if let range = geometry.range {
        // One check over r directions at p/r each; E[(uᵀx)⁴] ≤ 3σ⁴ under selection
        // (Harris/FKG as in §2.1), so se ≤ σ²√(3/n).
        let pr = p / Double(range.count)
        let se = s2 * (3 / Double(n)).squareRoot()
        var worst: CheckOutcome?
        for u in range {
          let o = try StatisticalCheck.meanAtMost("range variance", estimate: quadraticForm(m, u), bound: s2, standardError: se, falseFailureProbability: pr)
          if worst == nil || (o.statistic - o.threshold) > (worst!.statistic - worst!.threshold) { worst = o }
        }
        if let w = worst {
          rows.append(
            VerificationRow(
              CheckOutcome(
                name: w.name, statistic: w.statistic, threshold: w.threshold, falseFailureProbability: p, passed: w.passed,
                derivation: "largest of \(range.count) range variances ≤ σ² + z·se at p/\(range.count) each; " + w.derivation),
              property: "cov: range var < σ²", landscape: name, seed: s))
        }
      } else {
        rows.append(VerificationRow(property: "cov: range var < σ²", landscape: name, result: .skipped, detail: geometry.reason))
      }
    } else {
      rows.append(VerificationRow(property: "cov: null/range", landscape: name, result: .skipped, detail: geometry.reason))
    }

    // Learning-coefficient bounds from the measured rank.
    if let lambda = c.claimedLearningCoefficient, let r = measuredRank {
      let b = LandscapeReport.bounds(rank: r, dimension: d)
      let inside = b.lower <= lambda && lambda <= b.upper
      rows.append(
        VerificationRow(
          CheckOutcome(
            name: "llc bounds", statistic: lambda.doubleValue, threshold: b.upper.doubleValue, falseFailureProbability: 0,
            passed: inside,
            derivation: "claimed λ = \(lambda) in [r/2, r/2 + (d − r)/4] = [\(b.lower), \(b.upper)] with the measured rank r = \(r) (exact rationals)"),
          property: "llc: bounds contain λ", landscape: name))
    } else {
      rows.append(
        VerificationRow(
          property: "llc: bounds contain λ", landscape: name, result: .skipped,
          detail: c.claimedLearningCoefficient == nil ? "λ not claimed" : "no measured rank"))
    }
    return rows
  }

  /// HVP against central differences of the gradient, and symmetry.
  ///
  /// At w = w* + 0.3·u/‖u‖ along a unit v: ‖Hv − (∇L(w+hv) − ∇L(w−hv))/2h‖ ≤
  /// 10⁻⁵·max(1, ‖Hv‖, ‖∇L(w)‖), h = 10⁻⁴: the truncation error is
  /// (h²/6)·|D⁴L[v,v,v]| ≈ 2·10⁻⁹ × the fourth-derivative scale and the rounding
  /// error ε‖∇L‖/h ≈ 2·10⁻¹²‖∇L‖, both far inside the tolerance for the zoo's
  /// polynomials of degree ≤ 8 and networks. Symmetry: |⟨u, Hv⟩ − ⟨Hu, v⟩| ≤
  /// 10⁻¹⁰·max(1, ‖Hu‖, ‖Hv‖).
  static func hvpChecks(_ land: any Landscape, name: String, seed: UInt64) -> [VerificationRow] {
    let d = land.dimension
    var rng = SeededGenerator(seed: seed)
    var u = rng.normals(d), v = rng.normals(d)
    let nu = BLAS.norm(u), nv = BLAS.norm(v)
    if nu > 0 { BLAS.scale(1 / nu, &u) }
    if nv > 0 { BLAS.scale(1 / nv, &v) }
    var w = land.minimum
    BLAS.axpy(0.3, u, &w)
    let h = 1e-4
    var wp = w, wm = w
    BLAS.axpy(h, v, &wp)
    BLAS.axpy(-h, v, &wm)
    let gp = land.gradient(at: wp), gm = land.gradient(at: wm), g = land.gradient(at: w)
    let hv = land.hessianVectorProduct(at: w, v)
    let hu = land.hessianVectorProduct(at: w, u)
    var diff = 0.0
    for i in 0..<d {
      let fd = (gp[i] - gm[i]) / (2 * h)
      diff += (hv[i] - fd) * (hv[i] - fd)
    }
    let scale = max(1, BLAS.norm(hv), BLAS.norm(g))
    let fd = CheckOutcome(
      name: "hvp fd", statistic: diff.squareRoot(), threshold: 1e-5 * scale, falseFailureProbability: 0,
      passed: diff.squareRoot() <= 1e-5 * scale,
      derivation: "‖Hv − central difference‖ ≤ 1e-5·max(1, ‖Hv‖, ‖∇L‖), h = 1e-4 (truncation h²/6, rounding ε/h)")
    let asym = abs(BLAS.dot(u, hv) - BLAS.dot(hu, v))
    let sscale = max(1, BLAS.norm(hu), BLAS.norm(hv))
    let sym = CheckOutcome(
      name: "hvp symmetry", statistic: asym, threshold: 1e-10 * sscale, falseFailureProbability: 0,
      passed: asym <= 1e-10 * sscale, derivation: "|⟨u, Hv⟩ − ⟨Hu, v⟩| ≤ 1e-10·max(1, ‖Hu‖, ‖Hv‖) (rounding only)")
    return [
      VerificationRow(fd, property: "hvp: finite differences", landscape: name, seed: seed),
      VerificationRow(sym, property: "hvp: symmetric", landscape: name, seed: seed),
    ]
  }

  /// vᵀ M v.
  /// Whether a Lanczos count below the rank is explained by repeated
  /// eigenvalues: the result carries the typed
  /// ``WarningCode/multiplicityInvisible`` warning and no other undercount
  /// cause, and an independent spectrum (`reference`: dense, or block's
  /// multiplicity-safe Ritz values) has at most `lanczos.rank` distinct
  /// eigenvalues above its τ (values agreeing to
  /// ``LanczosRank/multiplicityRelativeTolerance`` are one). Lanczos may count
  /// a repeated eigenvalue more than once in floating point, never a distinct
  /// one less. Also returns that distinct count.
  static func lanczosUndercountIsMultiplicity(_ lanczos: RankResult, reference: RankResult) -> (Bool, distinct: Int) {
    let codes = Set(lanczos.warnings.map(\.code))
    let distinct = distinctCount(
      reference.eigenvalues.filter { abs($0) > reference.threshold },
      relativeTolerance: LanczosRank.multiplicityRelativeTolerance)
    let justified =
      codes.contains(.multiplicityInvisible) && !codes.contains(.smallEigenvaluesUnresolved)
      && !codes.contains(.krylovSpaceNotExhausted) && distinct <= lanczos.rank
    return (justified, distinct)
  }

  /// The number of distinct values in `values`, two values being the same when
  /// they agree to `relativeTolerance`·max(|a|, |b|) (consecutive in sorted order).
  static func distinctCount(_ values: [Double], relativeTolerance: Double) -> Int {
    var count = 0
    var last: Double?
    for x in values.sorted() {
      if let l = last, abs(x - l) <= relativeTolerance * max(abs(x), abs(l)) { last = x; continue }
      count += 1
      last = x
    }
    return count
  }

    static func quadraticForm(_ m: Matrix, _ v: [Double]) -> Double {
    BLAS.dot(v, BLAS.multiply(m, .none, v))
  }

  /// Directions where the covariance properties are exact: an orthonormal basis
  /// of exactly flat directions (variance exactly σ²) and of directions whose
  /// selected variance must be below σ².
  static func covarianceGeometry(_ c: VerificationCase, options: Options) -> (null: [[Double]]?, range: [[Double]]?, reason: String) {
    let land = c.landscape
    let d = land.dimension
    guard d <= options.covarianceDimensionCap else { return (nil, nil, "d = \(d) > \(options.covarianceDimensionCap)") }
    if land is QuadraticLandscape {
      guard let r = c.claimedRank, let h = land.knownAnswers.hessian,
        let e = try? SymmetricEigen.decomposition(of: h.dense(dimension: d))
      else { return (nil, nil, "no claimed rank or known Hessian") }
      // Eigenvalues ascending: the top r span the (claimed) range.
      let cols = (0..<d).map { k in (0..<d).map { e.vectors[$0, k] } }
      let null = Array(cols.prefix(max(0, d - r)))
      let range = Array(cols.suffix(min(r, d)))
      return (null.isEmpty ? nil : null, range.isEmpty ? nil : range, "quadratic: no null space or no range")
    }
    if let p = land as? PolynomialLandscape {
      let used = Set(p.polynomial.usedVariables)
      func unit(_ i: Int) -> [Double] {
        var v = [Double](repeating: 0, count: d)
        v[i] = 1
        return v
      }
      let null = (0..<d).filter { !used.contains($0) }.map(unit)
      // Positive even monomials: L increases in every |x_i|, so the FKG argument gives var < σ² on used variables.
      let evenPositive = p.polynomial.terms.allSatisfy { t in
        t.coefficient.numerator > 0 && t.exponents.allSatisfy { $0 % 2 == 0 }
      }
      let range = evenPositive ? used.sorted().map(unit) : []
      return (null.isEmpty ? nil : null, range.isEmpty ? nil : range, "polynomial: no flat variable, or not a sum of positive even monomials")
    }
    return (nil, nil, "no exactly flat directions known for this family")
  }
}
