import Foundation

/// libFuzzer target: the `.npy` reader (`NumpyArray(data:source:)`), then the
/// matrix view and a write → read round trip of whatever it accepted.
/// Built and run by `scripts/fuzz npy`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumpy(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let data = Data(bytes: bytes, count: size)
  guard let array = try? NumpyArray(data: data, source: "fuzz.npy") else { return 0 }
  _ = try? array.matrix(source: "fuzz.npy")
  _ = try? array.vector(source: "fuzz.npy")
  let again = try? NumpyArray(data: array.data(), source: "roundtrip.npy")
  precondition(again?.shape == array.shape, "round trip changed the shape")
  return 0
}
