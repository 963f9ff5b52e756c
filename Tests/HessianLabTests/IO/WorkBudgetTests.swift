import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

/// The work and memory estimates: checked arithmetic on generated sizes drawn from edge classes
/// (no trap at `Int.max`), and a refusal exactly when the estimate is above the ceiling.
@Suite("Work budget")
struct WorkBudgetTests {
  /// Sizes from edge classes: 0, 1, 2, small, around the ceilings, 2³¹, √Int.max, Int.max/2, Int.max.
  static func edgeSize(_ rng: inout SeededGenerator) -> Int {
    let classes: [Int] = [
      0, 1, 2, 3, 10, 100, 1000, 10_000, 46_341, 100_000, 1_000_000, 1 << 31, 3_037_000_499, 3_037_000_500,
      Int.max / 2, Int.max - 1, Int.max,
    ]
    switch Int.random(in: 0..<3, using: &rng) {
    case 0: return classes[Int.random(in: 0..<classes.count, using: &rng)]
    case 1: return Int.random(in: 0...1_000_000, using: &rng)
    default: return Int.random(in: 0...Int.max, using: &rng)
    }
  }

  /// The exact product as a Double: exact below 2⁵³, and far above every ceiling beyond.
  static func reference(_ factors: Int...) -> Double { factors.reduce(1.0) { $0 * Double($1) } }

  static func refused(_ body: () throws -> Void) -> InputError? {
    do { try body() } catch let e as InputError { return e } catch {}
    return nil
  }

  @Test("Products, sums and checks never trap and refuse iff above the ceiling", arguments: 0..<4)
  func generatedProducts(seed: UInt64) {
    var rng = SeededGenerator(seed: 17_000 + seed)
    for _ in 0..<500 {
      let a = Self.edgeSize(&rng), b = Self.edgeSize(&rng), c = Self.edgeSize(&rng)
      let exact = Self.reference(a, b, c)
      let p = MemoryBudget.product(a, b, c)
      if exact < 0x1p62 { #expect(p.map(Double.init) == exact, "\(a)·\(b)·\(c)") }
      if exact > Double(Int.max) { #expect(p == nil, "\(a)·\(b)·\(c)") }
      for unit in WorkBudget.Unit.allCases {
        let refusal = Self.refused { try WorkBudget.check(p, unit, for: "x", spec: "s", allowLong: false) }
        #expect((refusal != nil) == (exact > Double(unit.ceiling)), "\(a)·\(b)·\(c) \(unit)")
        #expect(Self.refused { try WorkBudget.check(p, unit, for: "x", spec: "s", allowLong: true) } == nil)
      }
      let s = WorkBudget.sum(a, b), exactSum = Double(a) + Double(b)
      if exactSum < 0x1p62 { #expect(s == a + b) }
      if exactSum > 0x1.0000000000001p63 { #expect(s == nil) }
    }
  }

  @Test("The sampler's estimates: ⌈n/k⌉·λ + 1 evaluations and n·d² + ⌈n/k⌉·λ·d flops, refused iff above", arguments: 0..<4)
  func generatedSampler(seed: UInt64) throws {
    var rng = SeededGenerator(seed: 17_100 + seed)
    for _ in 0..<300 {
      let lambda = Swift.max(2, Swift.min(Self.edgeSize(&rng), 1 << 40))
      let mu = Int.random(in: 1...Swift.max(1, Swift.min(lambda - 1, 50)), using: &rng)
      let scheme: SelectionScheme = Bool.random(using: &rng) ? .best : .truncation(mu: mu)
      let sampler = try SelectionSampler(population: lambda, sigma: 1, scheme: scheme)
      let n = Self.edgeSize(&rng), d = Swift.min(Self.edgeSize(&rng), 2000)
      let k = Double(scheme.keptPerRound)
      let rounds = (Double(n) / k).rounded(.up)
      let evaluations = rounds * Double(lambda) + 1
      let flops = Double(n) * Double(d) * Double(d) + rounds * Double(lambda) * Double(d)
      let work = sampler.work(kept: n, dimension: d)
      if evaluations < 0x1p52 { #expect(work.lossEvaluations.map(Double.init) == evaluations) }
      if flops < 0x1p52 { #expect(work.flops.map(Double.init) == flops) }
      let refusal = Self.refused { try sampler.checkBudgets(kept: n, dimension: d, workers: 1, name: "q") }
      let memory = Double(d) * Double(d) * 8 * 3 > Double(MemoryBudget.bytes) || Double(lambda) * Double(d) * 8 > Double(MemoryBudget.bytes)
      let over = memory || evaluations > Double(WorkBudget.lossEvaluationCeiling) || flops > Double(WorkBudget.flopCeiling)
      #expect((refusal != nil) == over, "n = \(n), d = \(d), λ = \(lambda), k = \(k): \(String(describing: refusal))")
      if let refusal, !memory { #expect(refusal.parameter == .kept) }
    }
  }

  @Test("SGLD and splitting: refused iff chains·steps, particles, 3·moves or replicates·(N + cap) is above", arguments: 0..<4)
  func generatedEstimators(seed: UInt64) {
    var rng = SeededGenerator(seed: 17_200 + seed)
    let ceiling = Double(WorkBudget.lossEvaluationCeiling)
    for _ in 0..<300 {
      let chains = Self.edgeSize(&rng), steps = Self.edgeSize(&rng)
      let sgld = SGLDEstimator.Configuration(chains: chains, steps: steps)
      let sgldRefusal = Self.refused { try sgld.checkBudgets(dimension: 1) }
      #expect((sgldRefusal != nil) == (Double(steps) > ceiling || Double(chains) * Double(steps) > ceiling), "\(chains)×\(steps)")
      if Double(steps) > ceiling { #expect(sgldRefusal?.parameter == .chainSteps) }

      let particles = Self.edgeSize(&rng), moves = Self.edgeSize(&rng), replicates = Self.edgeSize(&rng)
      let d = Int.random(in: 1...50, using: &rng)
      let volume = VolumeScalingEstimator.Configuration(
        replicates: replicates, splitting: .init(particles: particles, movesPerIteration: moves))
      let refusal = Self.refused { try volume.checkBudgets(dimension: d) }
      let over = Double(particles) * Double(d) * 16 > Double(MemoryBudget.bytes) || Double(particles) > ceiling
        || 3 * Double(moves) > ceiling || Double(replicates) * (Double(particles) + 20_000_000) > ceiling
      #expect((refusal != nil) == over, "N = \(particles), T = \(moves), R = \(replicates)")
    }
  }

  @Test("Rank methods: dense refused iff 9·d³ > ceiling; SLQ iff probes·min(steps, d) > ceiling", arguments: 0..<2)
  func generatedRank(seed: UInt64) {
    var rng = SeededGenerator(seed: 17_300 + seed)
    for _ in 0..<300 {
      let d = Swift.max(1, Self.edgeSize(&rng)), probes = Self.edgeSize(&rng)
      let steps: Int? = Bool.random(using: &rng) ? nil : Swift.max(1, Self.edgeSize(&rng))
      let dense = Self.refused { try RankWork.check(method: .dense, dimension: d, steps: nil, probes: 1, name: "q") }
      #expect((dense != nil) == (9 * Double(d) * Double(d) * Double(d) > Double(WorkBudget.flopCeiling)), "d = \(d)")
      let perProbe = Swift.min(steps ?? Swift.min(d, 300), d)
      let slq = Self.refused { try RankWork.check(method: .slq, dimension: d, steps: steps, probes: probes, name: "q") }
      #expect((slq != nil) == (Double(probes) * Double(perProbe) > Double(WorkBudget.hessianVectorProductCeiling)))
      let memory = Self.refused { try DenseRank.checkMemory(dimension: d, name: "q") }
      #expect((memory != nil) == (Double(d) * Double(d) * 24 > Double(MemoryBudget.bytes)), "d = \(d)")
    }
  }

  @Test("allowLong is task-local: lifted inside withValue, restored after")
  func taskLocal() {
    let huge: Int? = nil
    #expect(Self.refused { try WorkBudget.check(huge, .flops, for: "x", spec: "s") } != nil)
    WorkBudget.$allowLong.withValue(true) {
      #expect(Self.refused { try WorkBudget.check(huge, .flops, for: "x", spec: "s") } == nil)
    }
    #expect(Self.refused { try WorkBudget.check(huge, .flops, for: "x", spec: "s") } != nil)
  }

  @Test("A dense Hessian at d = 10⁶ is refused before it is built, by every route to it")
  func denseRoutes() throws {
    let land = try LandscapeSpec.resolve("quad:1:d=1000000")
    #expect(Self.refused { _ = try land.denseHessianAtMinimum() } != nil)
    #expect(Self.refused { _ = try land.denseHessian(at: land.minimum) } != nil)
    #expect(Self.refused { _ = try DenseRank.denseMatrix(of: HessianOperator(landscape: land)) } != nil)
    #expect(Self.refused { _ = try CovarianceHessianComparison.hessian(of: land, policy: .knownHessian) } != nil)
    #expect(RankMethodChoice.auto.resolved(for: land) == .block)
  }

  @Test("Counts read as short scientific numbers")
  func scientific() {
    #expect(WorkBudget.scientific(9999) == "9999")
    #expect(WorkBudget.scientific(2_000_000_000_000) == "2.0e12")
    #expect(WorkBudget.scientific(Int.max) == "9.2e18")
  }
}
