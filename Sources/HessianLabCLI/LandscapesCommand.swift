import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab landscapes [--json]`: the zoo with each entry's d, rank, λ and m.
struct LandscapesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "landscapes",
    abstract: "List the landscape zoo (id, d, rank, λ, m).")

  @Flag(name: .long, help: "Print one JSON object.")
  var json = false

  struct Row: Encodable {
    var id: String
    var spec: String
    var summary: String
    var dimension: Int
    var rank: Int?
    var learningCoefficient: String?
    var multiplicity: Int?
    var provenance: Provenance

    func encode(to encoder: any Encoder) throws {
      enum K: String, CodingKey { case id, spec, summary, dimension, rank, learningCoefficient, multiplicity, provenance }
      var c = encoder.container(keyedBy: K.self)
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

  struct Report: Encodable {
    var schemaVersion = JSONSchemaVersion.current
    var landscapes: [Row]
  }

  func run() async throws {
    var rows: [Row] = []
    for entry in Zoo.all {
      let l = try entry.make()
      let k = l.knownAnswers
      rows.append(
        Row(
          id: entry.id, spec: entry.spec, summary: entry.summary, dimension: l.dimension, rank: k.rank.value,
          learningCoefficient: k.learningCoefficient.value?.description, multiplicity: k.multiplicity.value,
          provenance: k.learningCoefficient.provenance))
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      print(String(decoding: try encoder.encode(Report(landscapes: rows)), as: UTF8.self))
      return
    }
    let idWidth = rows.map(\.id.count).max() ?? 2
    func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
    func lpad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
    print("\(pad("id", idWidth))  \(lpad("d", 6))  \(lpad("rank", 5))  \(lpad("λ", 6))  \(lpad("m", 2))  summary")
    for r in rows {
      print(
        "\(pad(r.id, idWidth))  \(lpad(String(r.dimension), 6))  \(lpad(r.rank.map(String.init) ?? "?", 5))  "
          + "\(lpad(r.learningCoefficient ?? "?", 6))  \(lpad(r.multiplicity.map(String.init) ?? "?", 2))  \(r.summary)")
    }
  }
}
