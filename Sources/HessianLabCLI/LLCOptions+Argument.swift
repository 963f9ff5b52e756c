import ArgumentParser
import HessianLab

/// `llc --method bounds|exact|volume|sgld|all`.
extension LLCMethod: ExpressibleByArgument {}

/// `--rank-method auto|dense|lanczos|block|power|slq`.
extension RankMethodChoice: ExpressibleByArgument {}

/// `llc --rank-source hessian|covariance|stated`: the command-line spelling of
/// ``RankSource/covarianceReadout`` is `covariance`.
extension RankSource: ExpressibleByArgument {
  public init?(argument: String) {
    switch argument {
    case "hessian": self = .hessian
    case "covariance": self = .covarianceReadout
    case "stated": self = .stated
    default: return nil
    }
  }

  /// The spelling accepted by ``init(argument:)``.
  public var argument: String { self == .covarianceReadout ? "covariance" : rawValue }

  public static var allValueStrings: [String] { allCases.map(\.argument) }

  /// None: the help lists the values on one line, as for the other options.
  public static var allValueDescriptions: [String: String] { [:] }

  public var defaultValueDescription: String { argument }
}

/// `llc --multiplicity known|M`: the landscape's m, or a fixed integer (≥ 1,
/// checked by `LLCCommand.validate()` so that the message names the option).
extension VolumeMultiplicity: ExpressibleByArgument {
  public init?(argument: String) {
    if argument == "known" {
      self = .known
    } else if let m = Int(argument) {
      self = .fixed(m)
    } else {
      return nil
    }
  }

  public var defaultValueDescription: String {
    switch self {
    case .known: "known"
    case let .fixed(m): "\(m)"
    }
  }
}
