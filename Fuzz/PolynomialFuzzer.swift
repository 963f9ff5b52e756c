import Foundation

/// libFuzzer target: the expression parser (`PolynomialParser.parse`) and, for
/// small d, the polynomial landscape built from it (exact-arithmetic check,
/// quadratic-part rank, Newton polyhedron). Built and run by `scripts/fuzz polynomial`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolynomial(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: bytes, count: size), as: UTF8.self)
  guard let p = try? PolynomialParser.parse(text) else { return 0 }
  _ = p.description
  if p.dimension <= 8 {
    _ = try? LandscapeSpec.resolve("poly:" + text.replacingOccurrences(of: ":", with: ""))
  }
  return 0
}
