/// A landscape's known value of one ``EstimatedQuantity``, with where it comes from: the
/// reference an estimate is judged against (``KnownQuantityLookup``). Independent of any
/// verdict: `check` and the calibration of an external estimator both read it.
public struct KnownQuantity: Sendable, Equatable, Codable {
  /// The quantity.
  public var quantity: EstimatedQuantity
  /// The known values: one number for `llc`, `rank` and `covariance-scale`, the k largest
  /// eigenvalues in descending order for `top-eigenvalues`; empty when only ``bounds`` are known.
  public var values: [Double]
  /// The value exactly (`"7/2"`, `"5"`), when it is a rational known exactly.
  public var exact: String?
  /// An interval known to contain the value (λ's rank bounds); with empty ``values``, all that is known.
  public var bounds: KnownBounds?
  /// Where the value (or, when it is unknown, the bounds) comes from.
  public var provenance: Provenance
  /// The citation, theorem or computation behind the value, in one sentence.
  public var source: String
  /// What limits the reference's own accuracy or scope, when anything does (nil otherwise).
  public var caveat: String?

  /// A known quantity as given.
  public init(
    quantity: EstimatedQuantity, values: [Double], exact: String? = nil, bounds: KnownBounds? = nil,
    provenance: Provenance, source: String, caveat: String? = nil
  ) {
    self.quantity = quantity
    self.values = values
    self.exact = exact
    self.bounds = bounds
    self.provenance = provenance
    self.source = source
    self.caveat = caveat
  }

  /// Whether only ``bounds`` are known (no exact value).
  public var isBoundsOnly: Bool { values.isEmpty }

  /// The one value of a scalar quantity, nil when only bounds are known.
  public var value: Double? { values.count == 1 ? values[0] : nil }

  enum CodingKeys: String, CodingKey { case quantity, values, exact, bounds, provenance, source, caveat }

  /// Encodes unknown fields as explicit `null` (not omitted keys).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(quantity, forKey: .quantity)
    try c.encode(values, forKey: .values)
    try c.encode(exact, forKey: .exact)
    try c.encode(bounds, forKey: .bounds)
    try c.encode(provenance, forKey: .provenance)
    try c.encode(source, forKey: .source)
    try c.encode(caveat, forKey: .caveat)
  }
}
