/// Which rank method an analysis uses: one ``RankMethod``, or ``auto``, which
/// picks by dimension (``resolved(dimension:)``).
///
/// The cases are ``auto`` followed by every ``RankMethod``; the raw value is
/// `auto` or the method's own raw value (`dense`, `lanczos`, …), so no list of
/// method names is repeated here.
public enum RankMethodChoice: Sendable, Hashable, CaseIterable, RawRepresentable {
  /// Dense for d ≤ ``autoDenseLimit``, block Krylov above.
  case auto
  /// This method, whatever the dimension.
  case fixed(RankMethod)

  /// The largest d for which ``auto`` uses the dense eigendecomposition (O(d³) work,
  /// d² storage); above it, the multiplicity-safe block Krylov range finder.
  public static let autoDenseLimit = 2000

  /// ``auto``, then every ``RankMethod`` in its declared order.
  public static var allCases: [RankMethodChoice] { [.auto] + RankMethod.allCases.map(RankMethodChoice.fixed) }

  /// `auto` or the method's raw value.
  public var rawValue: String {
    switch self {
    case .auto: "auto"
    case let .fixed(method): method.rawValue
    }
  }

  /// `auto`, or a ``RankMethod`` raw value; nil for anything else.
  public init?(rawValue: String) {
    if rawValue == "auto" {
      self = .auto
    } else if let method = RankMethod(rawValue: rawValue) {
      self = .fixed(method)
    } else {
      return nil
    }
  }

  /// The method used at dimension d: ``auto`` is dense for d ≤ ``autoDenseLimit``, else block.
  public func resolved(dimension d: Int) -> RankMethod {
    switch self {
    case .auto: d <= Self.autoDenseLimit ? .dense : .block
    case let .fixed(method): method
    }
  }
}
