import ArgumentParser
import Foundation
import HessianLab

/// The options of `verify --external COMMAND`: the calibration of a user's estimator
/// (``CalibrationOptions``). Given without `--external` they are refused (one line).
struct ExternalVerifyOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Calibrate an external estimator: run COMMAND once per landscape and seed (with --landscape SPEC --seed N appended, and HESSIAN_LAB_LANDSCAPE, HESSIAN_LAB_SEED set); it prints {\"value\": …, \"standardError\": …} (docs/external-estimators.md).",
      valueName: "command"))
  var external: String?

  @Option(help: "--external: what the estimator estimates (llc: bias and 95% coverage; rank: exactness rate).")
  var quantity: CalibrationQuantity?

  @Option(
    help: ArgumentHelp(
      "--external: comma-separated landscapes with a known answer; a comma before a digit or sign stays in the spec, as in quad:1,2:d=4 (default: \(CalibrationOptions.defaultLandscapes.joined(separator: ","))).",
      valueName: "specs"))
  var landscapes: String?

  @Option(help: "--external: runs per landscape, each with its own seed (default 20).")
  var seeds: Int?

  @Option(
    name: .customLong("false-failure"),
    help: "--external: overall probability that a calibrated estimator fails, split over landscapes × tests (default 0.01).")
  var falseFailure: Double?

  @Option(help: "--external, rank: the probability of an exact rank the estimator is held to (default 0.95).")
  var confidence: Double?

  @Option(help: ArgumentHelp("--external: the longest one run may take (default 600).", valueName: "seconds"))
  var timeout: Double?

  /// Refuses an external-only option given without `--external`.
  func validate() throws {
    guard external == nil else { return }
    let given = [
      quantity.map { _ in "--quantity" }, landscapes.map { _ in "--landscapes" }, seeds.map { _ in "--seeds" },
      falseFailure.map { _ in "--false-failure" }, confidence.map { _ in "--confidence" }, timeout.map { _ in "--timeout" },
    ]
    if let flag = given.compactMap({ $0 }).first { throw UsageError("\(flag): applies only with --external COMMAND") }
  }

  /// The library settings, with `master` as the master seed.
  ///
  /// - Throws: ``UsageError`` when `--quantity` is missing or a `--landscapes` item is empty.
  func options(command: String, master: UInt64) throws -> CalibrationOptions {
    guard let quantity else { throw UsageError("--external: give --quantity llc or --quantity rank") }
    var o = CalibrationOptions(command: command, quantity: quantity, masterSeed: master)
    if let text = landscapes {
      let items = Self.splitLandscapes(text)
      if items.contains(where: \.isEmpty) { throw UsageError("--landscapes: '\(text)' has an empty item") }
      o.landscapes = items
    }
    if let n = seeds { o.seeds = n }
    if let p = falseFailure { o.falseFailureProbability = p }
    if let c = confidence { o.confidence = c }
    if let t = timeout { o.timeoutSeconds = t }
    if ProcessInfo.processInfo.environment["HESSIAN_LAB"] == nil, let path = Bundle.main.executablePath {
      o.environment["HESSIAN_LAB"] = path
    }
    return o
  }

  /// `a,b,quad:1,2:d=4` → `[a, b, quad:1,2:d=4]`: a comma starts a new spec unless the next
  /// character is a digit, a sign, a dot followed by a digit, or `*` (the inside of a `quad:` list).
  static func splitLandscapes(_ text: String) -> [String] {
    var items: [String] = []
    var current = ""
    let characters = Array(text)
    for (i, ch) in characters.enumerated() {
      if ch == ",", i + 1 < characters.count, characters[i + 1].isNumber || "+-*".contains(characters[i + 1])
        || (characters[i + 1] == "." && i + 2 < characters.count && characters[i + 2].isNumber)
      {
        current.append(ch)
      } else if ch == "," {
        items.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(ch)
      }
    }
    items.append(current.trimmingCharacters(in: .whitespaces))
    return items
  }
}
