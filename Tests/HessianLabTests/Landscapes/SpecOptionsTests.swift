import Foundation
import Testing

@testable import HessianCore
@testable import HessianZoo

@Suite("SpecOptions")
struct SpecOptionsTests {
  static func refusal(_ spec: String) -> String? {
    do {
      _ = try LandscapeSpec.resolve(spec)
      return nil
    } catch {
      return error.description
    }
  }

  @Test("the issue's examples are refused naming the spec and the problem", arguments: [
    ("poly:x0^2:d=3:d=4", "option 'd' is given twice"),
    ("dln:3-2-3:rank=1:rank=2", "option 'rank' is given twice"),
    ("quad:1:d=3:seed=1:seed=1", "option 'seed' is given twice"),
    ("poly:x0^2:flat=1:flat=1", "option 'flat' is given twice"),
    ("quad:1,,2:d=3", "item 2 of 3 is empty"),
    ("quad:,:d=3", "item 1 of 2 is empty"),
    ("quad:1,:d=3", "item 2 of 2 is empty"),
    ("dln:3--3:rank=1", "item 2 of 3 is empty"),
    ("quad:1:d=", "not of the form key=value"),
    ("quad:1:d=3:", "not of the form key=value"),
    ("dln:3-3:rank=1:x=2", "unknown option 'x'"),
  ])
  func refused(spec: String, says: String) throws {
    let message = try #require(Self.refusal(spec), "\(spec) was accepted")
    #expect(message.hasPrefix("\(spec): "), "\(message)")
    #expect(message.contains(says), "\(message)")
    #expect(!message.contains("\n"))
  }

  @Test("options in any order, each once, are accepted")
  func accepted() throws {
    #expect(try LandscapeSpec.resolve("quad:1,2:seed=3:d=4").dimension == 4)
    #expect(try LandscapeSpec.resolve("poly:x0^2:flat=1:d=2").dimension == 3)
    #expect(try LandscapeSpec.resolve("quad::d=3").dimension == 3)
  }

  /// Random valid specs of each family, then the same spec with one option
  /// repeated (same or another value), an unknown key, or an empty item in its
  /// list: every variant is refused in one line starting with the spec.
  @Test("generated specs with a repeated key, an unknown key or an empty item are refused")
  func generated() throws {
    var rng = SeededGenerator(seed: 8)
    for _ in 0..<300 {
      let d = Int.random(in: 2...6, using: &rng)
      let (body, options): (String, [String]) =
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
          ("quad:" + (0..<Int.random(in: 1...d, using: &rng)).map { _ in "\(Int.random(in: 1...9, using: &rng))" }.joined(separator: ","),
           ["d=\(d)", "seed=\(Int.random(in: 0...99, using: &rng))"])
        case 1: ("poly:x0^2", ["d=\(d)", "flat=\(Int.random(in: 0...2, using: &rng))"])
        default: ("dln:\(d)-2-\(d)", ["rank=\(Int.random(in: 0...2, using: &rng))"])
        }
      let valid = ([body] + options.shuffled(using: &rng)).joined(separator: ":")
      #expect(Self.refusal(valid) == nil, "\(valid)")
      var fields = options
      switch Int.random(in: 0..<3, using: &rng) {
      case 0:
        let o = options[Int.random(in: 0..<options.count, using: &rng)]
        let key = o.prefix { $0 != "=" }
        fields.insert(Bool.random(using: &rng) ? o : "\(key)=\(Int.random(in: 1...5, using: &rng))", at: Int.random(in: 0...fields.count, using: &rng))
      case 1: fields.insert("zz=1", at: Int.random(in: 0...fields.count, using: &rng))
      default:
        fields.insert(["", "d", "=3", "d= "][Int.random(in: 0..<4, using: &rng)], at: Int.random(in: 0...fields.count, using: &rng))
      }
      let bad = ([body] + fields).joined(separator: ":")
      let message = Self.refusal(bad)
      // The message names the spec as resolved: without surrounding blanks.
      #expect(message?.hasPrefix("\(bad.trimmingCharacters(in: .whitespaces)): ") == true, "\(bad) → \(message ?? "accepted")")
      #expect(message?.contains("\n") == false)
    }
  }
}
