import Testing

@testable import HessianCore

@Suite("DelimitedList")
struct DelimitedListTests {
  static func parse(_ text: String, _ separator: Character = ",") throws(InputError) -> [String] {
    try DelimitedList.items(text, separator: separator) { InputError.value(text, problem: "\($0.description)") }
  }

  @Test("items are trimmed; an empty or blank text is the empty list")
  func items() throws {
    #expect(try Self.parse(" 1, 2 ,3") == ["1", "2", "3"])
    #expect(try Self.parse("3-2-3", "-") == ["3", "2", "3"])
    #expect(try Self.parse("") == [])
    #expect(try Self.parse("  ") == [])
  }

  @Test("an empty item is refused with its position", arguments: [
    ("1,,2", 2, 3), (",", 1, 2), ("1,", 2, 2), (",1", 1, 2), ("1, ,2", 2, 3),
  ])
  func emptyItem(text: String, position: Int, count: Int) {
    #expect(DelimitedList.parse(text) == .failure(.init(problem: .emptyItem(position: position, count: count))))
  }

  /// Random lists of 1…8 items with one item emptied (or blanked) at a random place:
  /// every one is refused naming that place; the same list without the hole parses back.
  @Test("generated lists with a hole are refused at the hole; whole lists round-trip")
  func generated() throws {
    var rng = SeededGenerator(seed: 17)
    for _ in 0..<500 {
      let n = Int.random(in: 1...8, using: &rng)
      // No sign: "-" is one of the separators.
      let items = (0..<n).map { _ in String(Int.random(in: 0...999, using: &rng)) }
      let separator: Character = [",", "-", "|"][Int.random(in: 0..<3, using: &rng)]
      #expect(try Self.parse(items.joined(separator: String(separator)), separator) == items)
      var holed = items
      let k = Int.random(in: 0...n, using: &rng)
      holed.insert(["", " ", "\t"][Int.random(in: 0..<3, using: &rng)], at: k)
      let text = holed.joined(separator: String(separator))
      #expect(
        DelimitedList.parse(text, separator: separator) == .failure(.init(problem: .emptyItem(position: k + 1, count: n + 1))),
        "\(text)")
    }
  }
}
