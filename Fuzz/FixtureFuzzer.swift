import Foundation

/// libFuzzer target: the landscape-fixture loader (`LandscapeFixture.decode`),
/// then its learning coefficient and, for `poly:` specs, the polynomial parser.
/// Built and run by `scripts/fuzz fixture`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFixture(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let data = Data(bytes: bytes, count: size)
  guard let fixture = try? LandscapeFixture.decode(data, path: "fuzz.json") else { return 0 }
  _ = fixture.known.learningCoefficientValue
  if fixture.spec.hasPrefix("poly:") {
    _ = try? PolynomialParser.parse(String(fixture.spec.dropFirst(5)), dimension: nil)
  }
  return 0
}
