/// The result of ``VerifyAnalysis``: the property table of a corpus or one
/// landscape, the results of generated landscapes, or an external estimator's
/// calibration. Its JSON is that of the report it holds (`docs/schema/verify.schema.json`;
/// a calibration: `docs/schema/verify-external.schema.json`).
public enum VerifyReport: Sendable, Codable, Equatable {
  /// The properties of a corpus or of one landscape.
  case suite(VerificationReport)
  /// The generated landscapes of `--explore`.
  case exploration(ExplorationReport)
  /// The calibration of an external estimator (`--external`).
  case calibration(CalibrationReport)

  /// The human report: the table and its summary line, or the exploration lines.
  public var text: String {
    switch self {
    case let .suite(report): (report.tableLines + [report.summary]).joined(separator: "\n")
    case let .exploration(report): report.text
    case let .calibration(report): report.text
    }
  }

  /// The failure to report (exit status 1), naming the first failed property
  /// or the first minimal failing case; `nil` when everything passed.
  public var failure: VerificationFailure? {
    switch self {
    case let .exploration(report): return report.failure
    case let .calibration(report): return report.failure
    case let .suite(report):
      guard !report.passed else { return nil }
      let first = report.rows.first { $0.result == .fail }
      return VerificationFailure(
        "\(report.failures) propert\(report.failures == 1 ? "y" : "ies") failed (first: \(first?.property ?? "?") on \(first?.landscape ?? "?"))")
    }
  }

  /// The held report's layout.
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case let .suite(report): try report.encode(to: encoder)
    case let .exploration(report): try report.encode(to: encoder)
    case let .calibration(report): try report.encode(to: encoder)
    }
  }

  /// Reads any layout back: a calibration has `mode` `external`, an exploration a `root` seed,
  /// a suite neither.
  public init(from decoder: any Decoder) throws {
    if let calibration = try? CalibrationReport(from: decoder) {
      self = .calibration(calibration)
    } else if let exploration = try? ExplorationReport(from: decoder) {
      self = .exploration(exploration)
    } else {
      self = .suite(try VerificationReport(from: decoder))
    }
  }
}
