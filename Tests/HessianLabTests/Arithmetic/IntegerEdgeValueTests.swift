import Foundation
import Testing

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Every integer a user or a file controls, at the edge values of `Int`, through the
/// library entry points: each ends with a result or a typed ``InputError`` that names
/// the input, never a trap (issue 17, class 4).
@Suite("Integer parameters at edge values")
struct IntegerEdgeValueTests {
  static let edges = [0, -1, 1, 2, Int.max, Int.min, Int.max / 2, Int.max / 2 + 1, Int.min + 1]
  /// Values too large to run: each must be refused before any work.
  static let huge = [Int.max, Int.max / 2 + 1]

  static func landscape() throws -> any Landscape { try LandscapeSpec.resolve("quad:1:d=2") }

  @Test("Sampler: kept n and population λ at every edge give a sample or an error naming them")
  func sampler() async throws {
    let land = try Self.landscape()
    for lambda in Self.edges {
      guard let sampler = try? SelectionSampler(population: lambda, sigma: 1) else {
        #expect(lambda < 2)
        continue
      }
      _ = sampler.lossEvaluations(forKept: Int.max)  // saturates, never traps
      // λ = Int.max/2 with n = 1 fits every count (and is the memory budget's to refuse): not run here.
      for n in Self.edges where n < 1 || Self.huge.contains(n) || Self.huge.contains(lambda) {
        do {
          _ = try await sampler.sample(land, kept: n, seed: 1)
          Issue.record("λ = \(lambda), n = \(n) ran")
        } catch let error as InputError {
          #expect(error.parameter == .kept || error.parameter == .population, "\(error)")
        }
      }
    }
  }

  @Test("Budget ladders end at the cap for every start and cap, with at most 65 rungs")
  func ladders() {
    for start in Self.edges {
      for cap in Self.edges {
        let ladder = BudgetSearch.doubling(from: start, cap: cap)
        #expect(ladder.count <= 65)
        #expect(ladder.last == max(cap, 1))
      }
    }
  }

  @Test("Comparison settings at every edge validate or fail naming the setting")
  func comparisonSettings() {
    for v in Self.edges {
      for key in [InputError.Parameter.seeds, .keptCapFactor, .slqProbeCap] {
        var cfg = ComparisonConfiguration()
        switch key {
        case .seeds: cfg.seeds = v
        case .keptCapFactor: cfg.keptCapFactor = v
        default: cfg.slqProbeCap = v
        }
        do { try cfg.validate() } catch { #expect(error.parameter == key, "\(key) = \(v): \(error)") }
      }
    }
  }

  @Test("A kept-cap factor whose product with d overflows is refused before any run")
  func keptCapFactor() async throws {
    for v in Self.huge {
      var cfg = ComparisonConfiguration()
      cfg.methods = [.covariance]
      cfg.keptCapFactor = v
      await #expect(throws: InputError.tooLarge(.keptCapFactor, value: v, "the kept cap factor·d = \(v)·2")) {
        _ = try await MethodComparison.compare(try Self.landscape(), configuration: cfg)
      }
    }
  }

  @Test("An exploration whose check count overflows is refused, naming the count")
  func explore() async {
    for v in Self.huge {
      do {
        _ = try await PropertyExploration.explore(count: v, root: 1, budget: 1e-3, options: .init())
        Issue.record("explore \(v) ran")
      } catch {
        #expect((error as? InputError)?.parameter == .explore, "\(error)")
      }
    }
  }

  @Test("A lesson state with a negative count is refused, naming the file")
  func negativeLessonCount() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hl-state-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: url) }
    for field in ["runs", "hintsShown", "predictionsAsked", "predictionsRight"] {
      var progress: [String: Any] = [
        "checksPassed": false, "exercisePassed": false, "hintsShown": 0, "predictionsAsked": 0, "predictionsRight": 0, "runs": 0,
      ]
      progress[field] = Int.min
      let state: [String: Any] = ["formatVersion": 1, "lessons": ["a": progress]]
      try JSONSerialization.data(withJSONObject: state).write(to: url)
      #expect(throws: InputError.self) { try LessonStateStore(url: url).load() }
    }
  }

  @Test("σ whose square is not a normal number is refused, naming σ")
  func sigmaRange() {
    for sigma in [1e-200, 1e-155, 1e155, 1e300, Double.leastNonzeroMagnitude] {
      #expect(throws: InputError.self) { try SelectionSampler(population: 4, sigma: sigma) }
    }
    for sigma in [1e-150, 1, 1e150] { #expect((try? SelectionSampler(population: 4, sigma: sigma)) != nil) }
  }

  @Test("The off-centre asymptote is nil (not a trap) when λ_eff underflows, for any offset and σ")
  func offCentreAsymptote() {
    for distance in [0.0, 1, 40, 1e10, 1e300] {
      for sigma in [1e-150, 1e-3, 1, 1e10] {
        let a = CovarianceHessianRelation.asymptoticScale(
          population: 100, hessianEigenvalues: [1, 2], centerDistance: distance, sigma: sigma)
        if let a { #expect(a.isFinite && a > 0) }
        let p = CovarianceHessianRelation.predictScale(
          population: 100, hessianEigenvalues: [1, 2], centerDistance: distance, sigma: sigma)
        if let p { #expect(p.asymptotic.isFinite && p.asymptoticErrorScale.isFinite) }
      }
    }
  }
}
