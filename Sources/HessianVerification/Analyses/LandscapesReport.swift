/// The result of ``LandscapesAnalysis``: one row per zoo entry
/// (`docs/schema/landscapes.schema.json`).
public struct LandscapesReport: Sendable, Codable, Equatable {
  /// One zoo entry; unknown answers are encoded as explicit `null`.
  public struct Row: Sendable, Codable, Equatable {
    /// The zoo id.
    public var id: String
    /// The spec the entry is built from.
    public var spec: String
    /// A one-line description.
    public var summary: String
    /// d.
    public var dimension: Int
    /// rank ∇²L(w*), `nil` when unknown.
    public var rank: Int?
    /// λ exactly (`"3/4"`), `nil` when unknown.
    public var learningCoefficient: String?
    /// The multiplicity m of λ, `nil` when unknown.
    public var multiplicity: Int?
    /// The provenance of λ.
    public var provenance: Provenance

    /// A row with the given values.
    public init(
      id: String, spec: String, summary: String, dimension: Int, rank: Int?, learningCoefficient: String?,
      multiplicity: Int?, provenance: Provenance
    ) {
      self.id = id
      self.spec = spec
      self.summary = summary
      self.dimension = dimension
      self.rank = rank
      self.learningCoefficient = learningCoefficient
      self.multiplicity = multiplicity
      self.provenance = provenance
    }

    private enum CodingKeys: String, CodingKey {
      case id, spec, summary, dimension, rank, learningCoefficient, multiplicity, provenance
    }

    /// Every key, unknown values as `null`.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(spec, forKey: .spec)
      try c.encode(summary, forKey: .summary)
      try c.encode(dimension, forKey: .dimension)
      try c.encode(rank, forKey: .rank)
      try c.encode(learningCoefficient, forKey: .learningCoefficient)
      try c.encode(multiplicity, forKey: .multiplicity)
      try c.encode(provenance, forKey: .provenance)
    }
  }

  /// The zoo, in ``Zoo/all`` order.
  public var landscapes: [Row]

  /// A report of `landscapes`.
  public init(landscapes: [Row]) { self.landscapes = landscapes }

  /// The human table: id, d, rank, λ, m (`?` when unknown) and the summary.
  public var text: String {
    let idWidth = landscapes.map(\.id.count).max() ?? 2
    func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
    func lpad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
    var lines = ["\(pad("id", idWidth))  \(lpad("d", 6))  \(lpad("rank", 5))  \(lpad("λ", 6))  \(lpad("m", 2))  summary"]
    for r in landscapes {
      lines.append(
        "\(pad(r.id, idWidth))  \(lpad(String(r.dimension), 6))  \(lpad(r.rank.map(String.init) ?? "?", 5))  "
          + "\(lpad(r.learningCoefficient ?? "?", 6))  \(lpad(r.multiplicity.map(String.init) ?? "?", 2))  \(r.summary)")
    }
    return lines.joined(separator: "\n")
  }
}
