/// The seed drawn when the user gives none: uniform on 0 ... 2⁵³ − 1, so that it survives every
/// JSON reader (a JSON number above 2⁵³ is rounded by readers that parse numbers as doubles —
/// jq, JavaScript — and the printed seed would no longer reproduce the run).
///
/// The one place a seed is drawn from the system's entropy; everything random after it flows from
/// the seed through ``SeededGenerator``.
public enum DrawnSeed {
  /// The largest seed drawn: 2⁵³ − 1, the largest integer every IEEE-754 double holds exactly
  /// together with all smaller ones.
  public static let maximum: UInt64 = (1 << 53) - 1

  /// A fresh seed in 0 ... ``maximum``.
  public static func draw() -> UInt64 {
    var system = SystemRandomNumberGenerator()
    return draw(using: &system)
  }

  /// A seed in 0 ... ``maximum`` from `generator` (testable with a fixed generator).
  public static func draw<G: RandomNumberGenerator>(using generator: inout G) -> UInt64 {
    UInt64.random(in: 0...maximum, using: &generator)
  }
}
