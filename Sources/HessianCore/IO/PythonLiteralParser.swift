import Foundation
import GSLBridge

// MARK: - Python literal parser

/// The subset of Python literals that can appear in a `.npy` header.
indirect enum PythonLiteral {
  case string(String)
  /// An integer, kept as its decimal text (with optional leading '-') so huge values survive.
  case integer(String)
  case bool(Bool)
  case none
  case tuple([PythonLiteral])
  case list([PythonLiteral])
  case dict([(key: String, value: PythonLiteral)])

  /// The Python `repr` of the value, for messages.
  var pythonRepr: String {
    switch self {
    case .string(let s): "'\(s)'"
    case .integer(let digits): digits
    case .bool(let flag): flag ? "True" : "False"
    case .none: "None"
    case .tuple(let items) where items.count == 1: "(\(items[0].pythonRepr),)"
    case .tuple(let items): "(" + items.map(\.pythonRepr).joined(separator: ", ") + ")"
    case .list(let items): "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
    case .dict(let entries):
      "{" + entries.map { "'\($0.key)': \($0.value.pythonRepr)" }.joined(separator: ", ") + "}"
    }
  }
}

/// A syntax error in a header literal.
struct PythonLiteralError: Error, CustomStringConvertible {
  let message: String
  let offset: Int
  var description: String { "\(message) at character \(offset)" }
}

/// A recursive-descent parser for Python dict/tuple/list/string/int/bool literals.
///
/// Nesting depth is limited so hostile input cannot exhaust the stack. Integers may
/// carry a Python 2 `L` suffix (old NumPy wrote shapes like `(3L, 3L)`).
struct PythonLiteralParser {
  private let scalars: [Unicode.Scalar]
  private var position = 0
  private static let maxDepth = 32

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
  }

  /// Parses one literal followed only by whitespace.
  mutating func parseDocument() throws(PythonLiteralError) -> PythonLiteral {
    let value = try parseValue(depth: 0)
    skipWhitespace()
    guard position == scalars.count else { throw fail("unexpected text after the dict") }
    return value
  }

  private mutating func parseValue(depth: Int) throws(PythonLiteralError) -> PythonLiteral {
    guard depth < Self.maxDepth else { throw fail("nesting too deep") }
    skipWhitespace()
    guard let c = peek() else { throw fail("unexpected end of header") }
    switch c {
    case "{": return try parseDict(depth: depth)
    case "(": return try parseTuple(depth: depth)
    case "[": return .list(try parseSequence(closing: "]", depth: depth).items)
    case "'", "\"": return .string(try parseString())
    case "-", "+", "0"..."9": return .integer(try parseInteger())
    default: return try parseKeyword()
    }
  }

  private mutating func parseDict(depth: Int) throws(PythonLiteralError) -> PythonLiteral {
    position += 1
    var entries: [(key: String, value: PythonLiteral)] = []
    while true {
      skipWhitespace()
      if peek() == "}" { position += 1; return .dict(entries) }
      guard case .string(let key) = try parseValue(depth: depth + 1) else { throw fail("dict keys must be strings") }
      try expect(":")
      entries.append((key, try parseValue(depth: depth + 1)))
      guard try commaOrClose("}") else { return .dict(entries) }
    }
  }

  /// `(x)` is just `x` in Python; `(x,)` and `(x, y)` are tuples.
  private mutating func parseTuple(depth: Int) throws(PythonLiteralError) -> PythonLiteral {
    let (items, sawComma) = try parseSequence(closing: ")", depth: depth)
    if items.count == 1 && !sawComma { return items[0] }
    return .tuple(items)
  }

  private mutating func parseSequence(
    closing: Unicode.Scalar, depth: Int
  ) throws(PythonLiteralError) -> (items: [PythonLiteral], sawComma: Bool) {
    position += 1
    var items: [PythonLiteral] = []
    var sawComma = false
    while true {
      skipWhitespace()
      if peek() == closing { position += 1; return (items, sawComma) }
      items.append(try parseValue(depth: depth + 1))
      guard try commaOrClose(closing) else { return (items, sawComma) }
      sawComma = true
    }
  }

  /// Consumes `,` (returns true: more may follow) or the closing bracket (returns false).
  private mutating func commaOrClose(_ closing: Unicode.Scalar) throws(PythonLiteralError) -> Bool {
    skipWhitespace()
    switch peek() {
    case ",": position += 1; return true
    case closing: position += 1; return false
    default: throw fail("expected ',' or '\(closing)'")
    }
  }

  private mutating func parseString() throws(PythonLiteralError) -> String {
    guard let quote = peek() else { throw fail("unexpected end of header") }
    position += 1
    var result = String.UnicodeScalarView()
    while let c = peek() {
      position += 1
      if c == quote { return String(result) }
      if c == "\\" {
        guard let escaped = peek() else { break }
        position += 1
        result.append(escaped)
      } else {
        result.append(c)
      }
    }
    throw fail("unterminated string")
  }

  private mutating func parseInteger() throws(PythonLiteralError) -> String {
    var text = ""
    if let sign = peek(), sign == "-" || sign == "+" {
      position += 1
      if sign == "-" { text = "-" }
    }
    var digitCount = 0
    while let c = peek(), ("0"..."9").contains(c) {
      text.unicodeScalars.append(c)
      position += 1
      digitCount += 1
    }
    guard digitCount > 0 else { throw fail("expected a digit") }
    if let c = peek(), c == "L" || c == "l" { position += 1 }
    return text
  }

  private mutating func parseKeyword() throws(PythonLiteralError) -> PythonLiteral {
    let start = position
    while let c = peek(), c.properties.isAlphabetic || c == "_" { position += 1 }
    let word = String(String.UnicodeScalarView(scalars[start..<position]))
    switch word {
    case "True": return .bool(true)
    case "False": return .bool(false)
    case "None": return .none
    default:
      position = start
      throw fail(word.isEmpty ? "unexpected character '\(scalars[start])'" : "unknown name '\(word)'")
    }
  }

  private mutating func expect(_ c: Unicode.Scalar) throws(PythonLiteralError) {
    skipWhitespace()
    guard peek() == c else { throw fail("expected '\(c)'") }
    position += 1
  }

  private mutating func skipWhitespace() {
    while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { position += 1 }
  }

  private func peek() -> Unicode.Scalar? {
    position < scalars.count ? scalars[position] : nil
  }

  private func fail(_ message: String) -> PythonLiteralError {
    PythonLiteralError(message: message, offset: position)
  }
}
