import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab rank`: the numerical rank of a Hessian, with the threshold,
/// the eigenvalues on either side of it, the gap ratio and the cost in HVPs
/// always shown.
struct RankCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rank",
    abstract: "Numerical rank of a Hessian at a minimum, by a dense or a Hessian-vector-product method.",
    discussion: """
      The rank is the number of eigenvalues with |λ| > τ. By default \
      τ = max|λ|·d·ε with ε of the input's precision (2^-52 for float64, \
      2^-23 for float32 files). Other policies: --threshold gap | rel:F | abs:T.
      Methods: dense (reference, d HVPs or the known matrix); lanczos (single vector, \
      full reorthogonalization, stops at the Krylov dimension; cannot see multiplicities); \
      block (adaptive randomized range finder + Rayleigh–Ritz, multiplicity-safe); \
      power (deflated power iteration as in PyHessian); slq (stochastic trace of the \
      spectral projector, with its standard error; each probe's Lanczos run grows until \
      its quadrature nodes resolve τ).
      Every warning carries a code naming its cause (in --json: {"code", "message"}).
      """
  )

  enum Method: String, ExpressibleByArgument, CaseIterable {
    case dense, lanczos, block, power, slq
  }

  enum Reorthogonalize: String, ExpressibleByArgument, CaseIterable {
    case full, none
  }

  @Argument(help: "A .npy Hessian, a zoo id, a fixture .json, or a poly:/dln:/quad:/sum: spec.")
  var input: String

  @Option(help: "Rank method.")
  var method: Method = .dense

  @Option(help: "Threshold policy: precision, gap, rel:F (0 < F < 1) or abs:T (T > 0) (default: precision).", transform: RankCommand.threshold)
  var threshold: ThresholdOption = ThresholdOption(policy: .precisionRelative)

  @Option(help: "Seed of start vectors and probes (drawn and printed when omitted; not used by dense).")
  var seed: UInt64?

  @Option(help: "lanczos: maximum steps (default d); slq: the most Lanczos steps per probe (default min(d, 300); each run stops once its nodes resolve τ).")
  var steps: Int?

  @Option(help: "slq: number of probes.")
  var probes: Int = 100

  @Option(help: "lanczos: full (default) or none — none shows ghost eigenvalues (teaching only).")
  var reorthogonalization: Reorthogonalize = .full

  @Flag(help: "Print one JSON object instead of the human report.")
  var json = false

  @Option(help: "Write the computed eigenvalues (ascending; Ritz values or SLQ nodes for those methods) to this .npy file (1-D, float64).")
  var save: String?

  /// `--threshold`: like ``ThresholdOption`` but saying what is wrong with a bad value
  /// (argument-parser prefixes the option and the value).
  static func threshold(_ text: String) throws -> ThresholdOption {
    if let option = ThresholdOption(argument: text) {
      switch option.policy {
      case let .relative(f) where !(f > 0 && f < 1):
        throw UsageError("F = \(f) must be in (0, 1) (τ = F·max|λ|)")
      case let .absolute(t) where !(t > 0):
        throw UsageError("T = \(t) must be positive")
      default: return option
      }
    }
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2, parts[0] == "rel" || parts[0] == "abs" else {
      throw UsageError("expected precision, gap, rel:F or abs:T")
    }
    let name = parts[0] == "rel" ? "F" : "T"
    guard let v = Double(parts[1]) else { throw UsageError("'\(parts[1])' is not a number") }
    throw UsageError("\(name) = \(v) must be \(parts[0] == "rel" ? "in (0, 1)" : "positive and finite")")
  }

  func validate() throws {
    if let s = steps, s < 1 { throw UsageError("--steps: must be at least 1, got \(s)") }
    if probes < 1 { throw UsageError("--probes: must be at least 1, got \(probes)") }
    if let path = save { try OutputFile.check(path, option: "--save", suffix: ".npy") }
  }

  func run() async throws {
    // The one loader for every input; a saddle is accepted (the rank counts |λ|, and the
    // dense method warns), and no eigendecomposition is made at load.
    let land = try LandscapeSpec.resolve(input, hessianCheck: .symmetryOnly)
    let op = HessianOperator(landscape: land)
    let source = land.name
    let usesRandomness = method != .dense
    let rootSeed = usesRandomness ? (seed ?? UInt64.random(in: 0...UInt64.max)) : seed
    var rng = SeededGenerator(seed: rootSeed ?? 0)
    let clock = ContinuousClock()
    let start = clock.now
    let result: RankResult
    do {
      switch method {
      case .lanczos:
        result = try LanczosRank.rank(
          of: op, policy: threshold.policy, maxSteps: steps,
          reorthogonalization: reorthogonalization == .full ? .full : .none, using: &rng)
      default:
        let kind = RankMethod(rawValue: method.rawValue) ?? .dense
        result = try RankComputation.rank(
          of: op, method: kind,
          options: .init(policy: threshold.policy, maxSteps: steps, probes: probes), using: &rng)
      }
    } catch let error as InputError {
      throw error
    } catch {
      throw UsageError("\(source): eigendecomposition failed: \(error)")
    }
    let elapsed = start.duration(to: clock.now)
    if let path = save { try NumpySave.write(NumpyArray(vector: result.eigenvalues), to: path) }
    let report = RankReport(
      rank: result.rank, dimension: result.dimension, method: method.rawValue,
      threshold: result.threshold, thresholdPolicy: result.thresholdPolicy,
      precision: op.precision.rawValue, eigenvalues: result.eigenvalues,
      smallestCounted: result.smallestCounted, largestUncounted: result.largestUncounted,
      gapRatio: result.gapRatio, hessianVectorProducts: result.hessianVectorProducts,
      converged: result.converged, warnings: result.warnings, seed: usesRandomness ? rootSeed : nil,
      seconds: Double(elapsed.components.attoseconds) * 1e-18 + Double(elapsed.components.seconds),
      estimate: result.estimate, standardError: result.standardError, unresolvedCount: result.unresolvedCount,
      uncountedBound: result.uncountedBound, gapRatioLowerBound: result.gapRatioLowerBound.flatMap { $0.isFinite ? $0 : nil })
    if json {
      print(try report.jsonString())
    } else {
      print(result.summaryLines(source: source, precision: op.precision, seed: report.seed).joined(separator: "\n"))
    }
  }
}

/// The result of `rank`, as printed with `--json`.
struct RankReport: Codable {
  /// The layout version (``JSONSchemaVersion``); `docs/schema/rank.schema.json`.
  var schemaVersion = JSONSchemaVersion.current
  var rank: Int
  var dimension: Int
  var method: String
  var threshold: Double
  var thresholdPolicy: String
  var precision: String
  var eigenvalues: [Double]
  var smallestCounted: Double?
  var largestUncounted: Double?
  /// null when the uncounted eigenvalues are exactly zero (an unbounded gap) or absent.
  var gapRatio: Double?
  var hessianVectorProducts: Int
  var converged: Bool
  /// Each `{"code": …, "message": …}` (``Warning``).
  var warnings: [Warning]
  var seed: UInt64?
  var seconds: Double
  /// slq only: the unrounded estimate of tr P(|λ| > τ) and its standard error.
  var estimate: Double?
  var standardError: Double?
  /// slq only: eigenvalues the quadrature nodes cannot place on either side of τ.
  var unresolvedCount: Double?
  /// block only: HMT's bound on every eigenvalue not computed, and
  /// smallestCounted / max(largestUncounted, that bound) (null when unbounded).
  var uncountedBound: Double?
  var gapRatioLowerBound: Double?

  func jsonString() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}
