import Testing

@testable import HessianCore

@Suite("GrowingSquare: the projected matrix that grows with the basis")
struct GrowingSquareTests {
  @Test("Growing keeps every entry, doubles the capacity up to the limit, and never shrinks")
  func growKeepsEntries() {
    var t = GrowingSquare(capacity: 3)
    for i in 0..<3 { for j in 0..<3 { t[i, j] = Double(10 * i + j) } }
    t.grow(to: 4, limit: 100)
    #expect(t.capacity == 6)
    t.grow(to: 5, limit: 100)
    #expect(t.capacity == 6)
    t.grow(to: 20, limit: 100)
    #expect(t.capacity == 20)
    t.grow(to: 21, limit: 25)
    #expect(t.capacity == 25)
    for i in 0..<3 { for j in 0..<3 { #expect(t[i, j] == Double(10 * i + j)) } }
    #expect(t[3, 3] == 0 && t[24, 0] == 0)
  }

  @Test("The leading block is the n × n corner, row-major")
  func leading() {
    var t = GrowingSquare(capacity: 4)
    for i in 0..<4 { for j in 0..<4 { t[i, j] = Double(i * 4 + j) } }
    let m = t.leading(2)
    #expect(m.rows == 2 && m.columns == 2 && m.elements == [0, 1, 4, 5])
  }
}
