/// An interval known to contain a quantity whose exact value is not known: for the learning
/// coefficient, the Hessian-rank bounds r/2 ≤ λ ≤ r/2 + (d − r)/4 (theory §5.2).
public struct KnownBounds: Sendable, Equatable, Codable {
  /// The lower end (r/2 for λ).
  public var lower: Double
  /// The upper end (r/2 + (d − r)/4 for λ).
  public var upper: Double
  /// The lower end exactly (`"5/2"`).
  public var lowerExact: String
  /// The upper end exactly (`"17/4"`).
  public var upperExact: String

  /// The bounds [lower, upper] with their exact spellings.
  public init(lower: Double, upper: Double, lowerExact: String, upperExact: String) {
    self.lower = lower
    self.upper = upper
    self.lowerExact = lowerExact
    self.upperExact = upperExact
  }

  /// The rank bounds on λ for a Hessian of rank r in dimension d (``LandscapeReport/bounds(rank:dimension:)``).
  public init(rank r: Int, dimension d: Int) {
    let b = LandscapeReport.bounds(rank: r, dimension: d)
    self.init(lower: b.lower.doubleValue, upper: b.upper.doubleValue, lowerExact: b.lower.description, upperExact: b.upper.description)
  }

  /// upper − lower.
  public var width: Double { upper - lower }

  /// How far `x` lies outside the interval: x − lower below it (negative), x − upper above it
  /// (positive), 0 inside.
  public func distance(to x: Double) -> Double {
    if x < lower { return x - lower }
    if x > upper { return x - upper }
    return 0
  }
}
