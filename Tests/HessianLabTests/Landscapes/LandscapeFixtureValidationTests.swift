import Foundation
import Testing

@testable import HessianCore
@testable import HessianZoo

@Suite("LandscapeFixture field validation")
struct LandscapeFixtureValidationTests {
  /// A valid fixture's JSON object (a 3-dimensional quadratic of rank 2).
  static func valid() -> [String: Any] {
    [
      "schemaVersion": 1, "id": "v", "description": "validation test", "spec": "quad:1,2:d=3", "tags": [String](),
      "known": ["dimension": 3, "rank": 2, "learningCoefficient": "1", "multiplicity": 1,
                "provenance": "construction", "source": "test"] as [String: Any],
    ]
  }

  static func decode(_ object: [String: Any]) -> String? {
    do {
      _ = try LandscapeFixture.decode(try JSONSerialization.data(withJSONObject: object), path: "f.json")
      return nil
    } catch {
      return "\(error)"
    }
  }

  static func with(_ key: String, _ value: Any) -> [String: Any] {
    var o = valid()
    if key.hasPrefix("known.") {
      var known = o["known"] as! [String: Any]
      known[String(key.dropFirst(6))] = value
      o["known"] = known
    } else {
      o[key] = value
    }
    return o
  }

  @Test("the valid fixture decodes")
  func validFixture() {
    #expect(Self.decode(Self.valid()) == nil)
  }

  /// Each value is JSON text (so that 1.5 stays a fraction and "3" a string).
  @Test("each out-of-range field is refused naming the file and the field", arguments: [
    ("known.multiplicity", "-5"), ("known.multiplicity", "0"), ("known.multiplicity", "4"),
    ("known.multiplicity", "9223372036854775807"), ("known.dimension", "0"), ("known.dimension", "-1"),
    ("known.dimension", "1.5"), ("known.rank", "-1"), ("known.rank", "4"), ("known.rank", "2.5"),
    ("known.learningCoefficient", #""-1/2""#), ("known.learningCoefficient", #""2""#),
    ("known.learningCoefficient", #""3//4""#), ("known.learningCoefficient", #""1/0""#), ("id", #""""#),
    ("spec", #"" ""#), ("known.dimension", #""3""#), ("known.multiplicity", "1e300"),
  ])
  func refused(field: String, json: String) throws {
    let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
    let message = try #require(Self.decode(Self.with(field, value)), "\(field) = \(json) accepted")
    #expect(message.hasPrefix("f.json: "), "\(message)")
    #expect(message.contains("'\(field)'"), "\(message)")
    #expect(!message.contains("\n"))
  }

  /// Random values for each integer field (negative, zero, beyond d, huge, fractional):
  /// a value in range decodes, any other is refused naming the field.
  @Test("generated field values: in range accepted, out of range refused naming the field")
  func generated() throws {
    var rng = SeededGenerator(seed: 5)
    for _ in 0..<400 {
      let field = ["known.dimension", "known.rank", "known.multiplicity"][Int.random(in: 0..<3, using: &rng)]
      let fractional = Int.random(in: 0..<5, using: &rng) == 0
      let n = [Int.random(in: -5...6, using: &rng), Int.max, Int.min, Int.random(in: -1_000_000...1_000_000, using: &rng)][
        Int.random(in: 0..<4, using: &rng)]
      let value: Any = fractional ? Double(n % 1000) + 0.5 : n
      let inRange: Bool =
        switch field {
        case "known.dimension": !fractional && n >= 3  // the spec builds d = 3 only at verification; rank 2, m 1 need d ≥ 2
        case "known.rank": !fractional && (0...3).contains(n)
        default: !fractional && (1...3).contains(n)
        }
      let message = Self.decode(Self.with(field, value))
      if inRange {
        #expect(message == nil, "\(field) = \(value): \(message ?? "")")
      } else if field == "known.dimension", !fractional, n == 2 || n == 1 {
        // d = 1 or 2 is valid on its own; rank 2 ≤ d or λ = 1 ≤ d/2 decides.
        continue
      } else {
        #expect(message?.contains("'\(field)'") == true, "\(field) = \(value): \(message ?? "accepted")")
        #expect(message?.contains("\n") == false)
      }
    }
  }
}
