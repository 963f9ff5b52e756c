import Testing

@testable import HessianCore

@Suite("Oracle HELLO")
struct OracleHelloTests {
  func problem(_ text: String) -> String? {
    do {
      _ = try OracleHello.parse(text)
      return nil
    } catch { return error.description }
  }

  @Test("A HELLO gives dimension, precision, capabilities and name; unknown keys and capabilities are ignored")
  func parsing() throws {
    let hello = try OracleHello.parse(
      #"{"protocol": 1, "dimension": 3, "precision": "float32", "capabilities": ["loss", "x"], "name": " m ", "extra": [1]}"#)
    #expect(hello == OracleHello(dimension: 3, precision: .float32, capabilities: [.loss], name: "m"))
    #expect(try OracleHello.parse(#"{"protocol": 1, "dimension": 1, "precision": "float64", "capabilities": ["hvp"], "name": ""}"#).name == nil)
  }

  @Test("Each unusable field is named")
  func refusals() {
    let base = #""dimension": 3, "precision": "float64", "capabilities": ["hvp"]"#
    #expect(problem("[1]") == "bad HELLO: not a JSON object")
    #expect(problem("{") == "bad HELLO: not a JSON object")
    #expect(problem("{\(base)}") == "bad HELLO: no 'protocol'")
    #expect(problem(#"{"protocol": 2, \#(base)}"#)?.contains("the oracle speaks protocol 2;") == true)
    #expect(problem(#"{"protocol": "1", \#(base)}"#) == "bad HELLO: 'protocol' has the wrong type or an unusable value")
    #expect(problem(#"{"protocol": true, \#(base)}"#) == "bad HELLO: 'protocol' has the wrong type or an unusable value")
    #expect(problem(#"{"protocol": 1, "dimension": 0, "precision": "float64", "capabilities": ["hvp"]}"#)?.contains("dimension 0") == true)
    #expect(problem(#"{"protocol": 1, "dimension": 2.5, "precision": "float64", "capabilities": ["hvp"]}"#)?.contains("dimension 2.5") == true,
      "\(problem(#"{"protocol": 1, "dimension": 2.5, "precision": "float64", "capabilities": ["hvp"]}"#) ?? "accepted")")
    #expect(problem(#"{"protocol": 1, "dimension": 4000000000000000, "precision": "float64", "capabilities": ["hvp"]}"#)?
      .contains("memory budget") == true)
    #expect(problem(#"{"protocol": 1, "dimension": 3, "precision": "half", "capabilities": ["hvp"]}"#)?.contains("precision 'half'") == true)
    #expect(problem(#"{"protocol": 1, "dimension": 3, "precision": "float64", "capabilities": []}"#)?.contains("name none of") == true)
    #expect(problem(#"{"protocol": 1, "dimension": 3, "precision": "float64"}"#) == "bad HELLO: no 'capabilities'")
  }
}
