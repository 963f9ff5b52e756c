import Foundation
import GSLBridge
import Testing
import TestSupport

import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

// MARK: - Helpers

/// The repository's `fixtures/npy` directory.
private let fixtureDirectory = Repository.root.appendingPathComponent("fixtures/npy")

private func fixture(_ name: String) -> URL {
  fixtureDirectory.appendingPathComponent(name)
}

/// Builds `.npy` bytes with an arbitrary header dict (padded like NumPy) and payload.
private func npyBytes(header: String, payload: [UInt8] = [], major: UInt8 = 1) -> Data {
  let preambleSize = major == 1 ? 10 : 12
  var text = Array(header.utf8)
  while (preambleSize + text.count + 1) % 64 != 0 { text.append(0x20) }
  text.append(0x0A)
  var data = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, major, 0])
  if major == 1 {
    withUnsafeBytes(of: UInt16(text.count).littleEndian) { data.append(contentsOf: $0) }
  } else {
    withUnsafeBytes(of: UInt32(text.count).littleEndian) { data.append(contentsOf: $0) }
  }
  data.append(contentsOf: text)
  data.append(contentsOf: payload)
  return data
}

/// Little-endian float64 bytes of `values`.
private func f8Payload(_ values: [Double]) -> [UInt8] {
  values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
}

/// Parses `data` and returns the error it throws (nil if it parses).
private func parseError(_ data: Data, source: String = "H.npy") -> NumpyError? {
  do {
    _ = try NumpyArray(data: data, source: source)
    return nil
  } catch {
    return error
  }
}

/// A fresh empty temporary directory for file tests.
private func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("NumpyArrayTests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Bit-exact comparison (distinguishes -0.0 and tolerates identical NaNs).
private func bitsEqual(_ a: [Double], _ b: [Double]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

// MARK: - Round trips

/// One combination of the writer's options.
struct RoundTripCase: Sendable, CustomTestStringConvertible {
  let version: NumpyFormatVersion
  let order: NumpyOrder
  let dtype: NumpyDType
  var testDescription: String { "\(version) \(order) \(dtype)" }

  static let all: [RoundTripCase] = [NumpyFormatVersion.v1, .v2].flatMap { version in
    [NumpyOrder.c, .fortran].flatMap { order in
      [NumpyDType.float64, .float32].map { RoundTripCase(version: version, order: order, dtype: $0) }
    }
  }
}

@Suite("NumpyArray round trips")
struct NumpyArrayRoundTripTests {
  /// Values exactly representable in float32, so both dtypes round-trip exactly.
  static let shapes: [[Int]] = [[], [5], [2, 3], [3, 2], [2, 3, 4], [0, 3], [1, 1]]

  @Test("write then read gives back the same array", arguments: RoundTripCase.all)
  func roundTrip(_ testCase: RoundTripCase) throws {
    for shape in Self.shapes {
      let count = shape.reduce(1, *)
      let values = (0..<count).map { Double($0) * 0.5 - 3 }
      let array = try NumpyArray(shape: shape, dtype: testCase.dtype, values: values)
      let data = array.data(version: testCase.version, order: testCase.order)
      let back = try NumpyArray(data: data, source: "rt.npy")
      #expect(back == array, "shape \(shape)")
      #expect(data[6] == (testCase.version == .v1 ? 1 : 2))
      #expect((data.count - count * testCase.dtype.itemSize) % 64 == 0, "header not 64-aligned")
    }
  }

  @Test("Fortran order really transposes the payload of a non-square matrix", arguments: [NumpyFormatVersion.v1, .v2])
  func fortranPayload(_ version: NumpyFormatVersion) throws {
    let array = try NumpyArray(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
    let data = array.data(version: version, order: .fortran)
    #expect(Data(f8Payload([1, 4, 2, 5, 3, 6])) == data.suffix(48))
    let cData = array.data(version: version, order: .c)
    #expect(Data(f8Payload([1, 2, 3, 4, 5, 6])) == cData.suffix(48))
    #expect(try NumpyArray(data: data, source: "f.npy").values == [1, 2, 3, 4, 5, 6])
  }

  @Test("float32 values are rounded on write and widened on read")
  func float32Widening() throws {
    let array = NumpyArray(vector: [0.1, 1e-3], dtype: .float32)
    let back = try NumpyArray(data: array.data(), source: "f4.npy")
    #expect(back.dtype == .float32)
    #expect(back.values == [Double(Float(0.1)), Double(Float(1e-3))])
  }

  @Test("write(to:) replaces the file atomically and leaves no temporary file")
  func atomicWrite() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("H.npy")
    try NumpyArray(vector: [1, 2, 3]).write(to: url)
    let matrix = Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
    try NumpyArray(matrix: matrix).write(to: url, version: .v2, order: .fortran)
    let loaded = try NumpyArray.loadMatrix(contentsOf: url)
    #expect(loaded.matrix == matrix)
    #expect(loaded.dtype == .float64)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["H.npy"])
  }

  @Test("Matrix and vector conversions")
  func conversions() throws {
    let matrix = Matrix(rows: 3, columns: 2, elements: [1, 2, 3, 4, 5, 6])
    let array = NumpyArray(matrix: matrix, dtype: .float32)
    #expect(array.shape == [3, 2])
    #expect(try array.matrix() == matrix)
    #expect(throws: NumpyError.wrongRank(source: "array", expectedRank: 1, shape: [3, 2])) { try array.vector() }
    let vector = NumpyArray(vector: [4, 5])
    #expect(try vector.vector() == [4, 5])
    #expect(throws: NumpyError.wrongRank(source: "v.npy", expectedRank: 2, shape: [2])) {
      try vector.matrix(source: "v.npy")
    }
  }
}

// MARK: - Files written by NumPy

@Suite("NumpyArray reads files written by NumPy")
struct NumpyArrayFixtureTests {
  static let matrix2x3: [Double] = [1.5, -2.0, 3.25, 0.1, 1e300, -0.0]
  static let matrix3x2: [Double] = [0.5, -1.25, 3.0, Double(Float(1e-3)), 65504.0, -7.0]

  @Test("float64 C and Fortran order", arguments: ["f8_c_2x3.npy", "f8_fortran_2x3.npy"])
  func float64Matrix(_ name: String) throws {
    let array = try NumpyArray(contentsOf: fixture(name))
    #expect(array.shape == [2, 3])
    #expect(array.dtype == .float64)
    #expect(bitsEqual(array.values, Self.matrix2x3))
  }

  @Test("float32 C and Fortran order", arguments: ["f4_c_3x2.npy", "f4_fortran_3x2.npy"])
  func float32Matrix(_ name: String) throws {
    let loaded = try NumpyArray.loadMatrix(contentsOf: fixture(name))
    #expect(loaded.dtype == .float32)
    #expect(loaded.matrix == Matrix(rows: 3, columns: 2, elements: Self.matrix3x2))
  }

  @Test("format 2.0 and 3.0 vectors, 0-d scalar")
  func versionsAndScalar() throws {
    let v2 = try NumpyArray.loadVector(contentsOf: fixture("f8_v2_vector5.npy"))
    let subnormal = Double("4e-310") ?? .nan  // a string avoids the literal-underflow warning
    #expect(bitsEqual(v2.vector, [1.0, 2.0, -3.5, 0.0, subnormal]))
    let v3 = try NumpyArray(contentsOf: fixture("f8_v3_vector3.npy"))
    #expect(v3 == NumpyArray(vector: [7, 8, 9]))
    let scalar = try NumpyArray(contentsOf: fixture("f8_scalar.npy"))
    #expect(scalar.shape == [])
    #expect(scalar.values == [2.5])
  }

  @Test("3-D arrays in Fortran order are returned in C order")
  func fortran3D() throws {
    let c = try NumpyArray(contentsOf: fixture("f8_3d_2x3x4.npy"))
    let f = try NumpyArray(contentsOf: fixture("f8_fortran_3d_2x3x4.npy"))
    #expect(c.shape == [2, 3, 4])
    #expect(c.values == (0..<24).map(Double.init))
    #expect(f == c)
  }

  @Test(
    "Swift writes the same bytes as NumPy for simple arrays",
    arguments: [
      ("f8_c_2x3.npy", NumpyOrder.c), ("f8_fortran_2x3.npy", .fortran),
      ("f4_c_3x2.npy", .c), ("f4_fortran_3x2.npy", .fortran),
    ])
  func byteIdentical(_ name: String, _ order: NumpyOrder) throws {
    let url = fixture(name)
    let array = try NumpyArray(contentsOf: url)
    #expect(array.data(order: order) == (try Data(contentsOf: url)))
  }
}

// MARK: - Malformed input

@Suite("NumpyArray rejects malformed input")
struct NumpyArrayErrorTests {
  static let goodHeader = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"

  @Test("bad magic bytes")
  func badMagic() {
    var data = npyBytes(header: Self.goodHeader, payload: f8Payload([1, 2, 3, 4, 5, 6]))
    data[data.startIndex + 1] = 0x4F
    let error = parseError(data)
    #expect(error == .badMagic(source: "H.npy"))
    #expect(error?.description == "H.npy: not a .npy file (bad magic bytes)")
    #expect(parseError(Data("hello".utf8)) == .badMagic(source: "H.npy"))
  }

  @Test("file too short for the preamble")
  func truncatedPreamble() {
    #expect(parseError(Data()) == .truncatedPreamble(source: "H.npy", byteCount: 0))
    let data = npyBytes(header: Self.goodHeader).prefix(9)
    #expect(parseError(data) == .truncatedPreamble(source: "H.npy", byteCount: 9))
  }

  @Test("unsupported format version")
  func unsupportedVersion() {
    let data = npyBytes(header: Self.goodHeader, payload: f8Payload([1, 2, 3, 4, 5, 6]), major: 4)
    let error = parseError(data)
    #expect(error == .unsupportedVersion(source: "H.npy", major: 4, minor: 0))
    #expect(error?.description.hasPrefix("H.npy: unsupported .npy format version 4.0") == true)
  }

  @Test("header length points past the end of the file")
  func truncatedHeader() {
    let data = npyBytes(header: Self.goodHeader).prefix(40)
    #expect(parseError(data) == .truncatedHeader(source: "H.npy", declaredLength: 118, availableBytes: 30))
  }

  @Test(
    "unparsable header",
    arguments: [
      "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), ",
      "{'descr': '<f8' 'fortran_order': False}",
      "{'descr': '<f8', 'fortran_order': false, 'shape': (2, 3), }",
      "{'descr: '<f8'}",
      "{1: 2}",
      "['descr', '<f8']",
      String(repeating: "(", count: 5000),
      "",
    ])
  func malformedHeader(_ header: String) {
    guard case .malformedHeader(let source, _) = parseError(npyBytes(header: header)) else {
      Issue.record("expected .malformedHeader for \(header.prefix(60))")
      return
    }
    #expect(source == "H.npy")
  }

  @Test("header values of the wrong type")
  func wrongTypes() {
    let flag = "{'descr': '<f8', 'fortran_order': 0, 'shape': (2,), }"
    let shape = "{'descr': '<f8', 'fortran_order': False, 'shape': [2], }"
    let element = "{'descr': '<f8', 'fortran_order': False, 'shape': ('2',), }"
    for header in [flag, shape, element] {
      guard case .malformedHeader = parseError(npyBytes(header: header, payload: f8Payload([1, 2]))) else {
        Issue.record("expected .malformedHeader for \(header)")
        continue
      }
    }
  }

  @Test("missing and unexpected header keys")
  func headerKeys() {
    let missing = npyBytes(header: "{'descr': '<f8', 'fortran_order': False, }")
    #expect(parseError(missing) == .missingHeaderKey(source: "H.npy", key: "shape"))
    let extra = npyBytes(
      header: "{'descr': '<f8', 'fortran_order': False, 'shape': (), 'x': 1}", payload: f8Payload([1]))
    #expect(parseError(extra) == .unexpectedHeaderKey(source: "H.npy", key: "x"))
  }

  @Test("big-endian dtype (NumPy-written)")
  func bigEndian() throws {
    let data = try Data(contentsOf: fixture("f8_bigendian_2x2.npy"))
    let error = parseError(data)
    #expect(error == .bigEndianDType(source: "H.npy", descr: ">f8"))
    #expect(error?.description == "H.npy: unsupported dtype '>f8' (big-endian); save with dtype='<f8'")
  }

  @Test("integer dtype (NumPy-written) and other unsupported dtypes")
  func unsupportedDType() throws {
    let error = parseError(try Data(contentsOf: fixture("i8_vector3.npy")))
    #expect(error == .unsupportedDType(source: "H.npy", descr: "<i8"))
    #expect(error?.description == "H.npy: unsupported dtype '<i8'; only float64 and float32 are supported")
    let structured = npyBytes(header: "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }")
    #expect(parseError(structured) == .unsupportedDType(source: "H.npy", descr: "[('a', '<f8')]"))
    let complex = npyBytes(header: "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }")
    #expect(parseError(complex) == .unsupportedDType(source: "H.npy", descr: "<c16"))
  }

  @Test("object arrays (NumPy-written)")
  func objectArray() throws {
    let error = parseError(try Data(contentsOf: fixture("object_vector2.npy")))
    #expect(error == .objectArray(source: "H.npy"))
  }

  @Test("3-D array where a matrix is expected")
  func wrongRank() {
    #expect(throws: NumpyError.wrongRank(source: "f8_3d_2x3x4.npy", expectedRank: 2, shape: [2, 3, 4])) {
      _ = try NumpyArray.loadMatrix(contentsOf: fixture("f8_3d_2x3x4.npy"))
    }
    let error = NumpyError.wrongRank(source: "H.npy", expectedRank: 2, shape: [2, 3, 4])
    #expect(error.description == "H.npy: expected a 2-D array, got shape (2, 3, 4)")
    #expect(throws: NumpyError.wrongRank(source: "f8_scalar.npy", expectedRank: 1, shape: [])) {
      _ = try NumpyArray.loadVector(contentsOf: fixture("f8_scalar.npy"))
    }
  }

  @Test("truncated data")
  func truncatedData() {
    let data = npyBytes(
      header: "{'descr': '<f8', 'fortran_order': False, 'shape': (100,), }",
      payload: f8Payload(Array(repeating: 1, count: 99)))
    let error = parseError(data)
    #expect(error == .truncatedData(source: "H.npy", valueCount: 100, expectedBytes: 800, availableBytes: 792))
    #expect(error?.description == "H.npy: truncated: header says 100 values (800 bytes) but 792 bytes follow")
  }

  @Test("lying shape: the header claims more values than the file holds")
  func lyingShape() {
    let data = npyBytes(
      header: "{'descr': '<f4', 'fortran_order': True, 'shape': (1000, 1000), }", payload: [0, 0, 128, 63])
    let expected = NumpyError.truncatedData(
      source: "H.npy", valueCount: 1_000_000, expectedBytes: 4_000_000, availableBytes: 4)
    #expect(parseError(data) == expected)
  }

  @Test("trailing bytes after the data")
  func trailingBytes() {
    let data = npyBytes(header: Self.goodHeader, payload: f8Payload([1, 2, 3, 4, 5, 6, 7]))
    #expect(parseError(data) == .trailingBytes(source: "H.npy", valueCount: 6, expectedBytes: 48, availableBytes: 56))
  }

  @Test(
    "overflowing shapes are errors, not traps",
    arguments: [
      "(4611686018427387904, 4)",  // element count overflows
      "(1152921504606846976,)",  // byte count overflows
      "(99999999999999999999999, 0)",  // a dimension does not fit in Int
      "(3037000500, 3037000500, 3037000500)",  // the product of the first two already overflows
    ])
  func overflowingShape(_ shape: String) {
    let data = npyBytes(header: "{'descr': '<f8', 'fortran_order': False, 'shape': \(shape), }")
    let error = parseError(data)
    #expect(error == .shapeOverflow(source: "H.npy", shape: shape))
    #expect(error?.description.hasPrefix("H.npy: bad header: shape \(shape) is too large") == true)
  }

  @Test("negative dimensions")
  func negativeDimension() {
    let data = npyBytes(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (-2, 3), }")
    #expect(parseError(data) == .negativeDimension(source: "H.npy", shape: [-2, 3]))
  }

  @Test("format 3.0 header that is not UTF-8")
  func headerNotText() {
    var data = npyBytes(
      header: "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", payload: f8Payload([1]), major: 3)
    data[data.startIndex + 13] = 0xFF
    #expect(parseError(data) == .headerNotText(source: "H.npy"))
  }

  @Test("Python 2 style long integers in the shape are accepted")
  func python2Shape() throws {
    let data = npyBytes(
      header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1L, 2L), }", payload: f8Payload([1, 2]))
    #expect(try NumpyArray(data: data, source: "H.npy").shape == [1, 2])
  }

  @Test("file system errors")
  func fileErrors() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let missing = directory.appendingPathComponent("missing.npy")
    guard case .unreadableFile(let source, _) = parseFileError(missing) else {
      Issue.record("expected .unreadableFile")
      return
    }
    #expect(source == "missing.npy")
    let target = directory.appendingPathComponent("no-such-dir/out.npy")
    #expect {
      try NumpyArray(vector: [1]).write(to: target)
    } throws: { error in
      guard case .unwritableFile(let source, _) = error as? NumpyError else { return false }
      return source == "out.npy"
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  @Test("inconsistent in-memory arrays are rejected")
  func valueCountMismatch() throws {
    #expect(throws: NumpyError.valueCountMismatch(shape: [2, 2], valueCount: 3)) {
      _ = try NumpyArray(shape: [2, 2], values: [1, 2, 3])
    }
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var array = NumpyArray(vector: [1, 2, 3])
    array.shape = [4]
    #expect(throws: NumpyError.valueCountMismatch(shape: [4], valueCount: 3)) {
      try array.write(to: directory.appendingPathComponent("bad.npy"))
    }
  }

  private func parseFileError(_ url: URL) -> NumpyError? {
    do {
      _ = try NumpyArray(contentsOf: url)
      return nil
    } catch {
      return error
    }
  }
}

// MARK: - Robustness

@Suite("NumpyArray never traps on damaged input")
struct NumpyArrayRobustnessTests {
  /// SplitMix64, so the damage is reproducible.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test("every prefix of a valid file is rejected cleanly")
  func prefixes() throws {
    let data = try NumpyArray(shape: [2, 3], values: [1, 2, 3, 4, 5, 6]).data(version: .v2, order: .fortran)
    for length in 0..<data.count {
      #expect(parseError(data.prefix(length)) != nil, "prefix \(length) parsed")
    }
    #expect(parseError(data) == nil)
  }

  @Test("random byte corruption throws or parses, never traps")
  func corruption() throws {
    var generator = SplitMix(state: 42)
    let original = try NumpyArray(shape: [3, 2], dtype: .float32, values: [1, 2, 3, 4, 5, 6]).data()
    let interesting: [UInt8] = [0x00, 0xFF, 0x28, 0x29, 0x2C, 0x27, 0x2D, 0x39, 0x7B, 0x7D, 0x0A]
    for _ in 0..<2000 {
      var data = original
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        let index = Int.random(in: 0..<data.count, using: &generator)
        data[index] = Bool.random(using: &generator)
          ? interesting.randomElement(using: &generator) ?? 0
          : UInt8.random(in: 0...255, using: &generator)
      }
      if let parsed = try? NumpyArray(data: data, source: "fuzz.npy") {
        #expect(parsed.values.count == parsed.shape.reduce(1, *))
      }
    }
  }

  @Test("random values round-trip bit-exactly through float64")
  func randomValues() throws {
    var generator = SplitMix(state: 7)
    for _ in 0..<50 {
      let rows = Int.random(in: 0...6, using: &generator)
      let columns = Int.random(in: 0...6, using: &generator)
      let values = (0..<(rows * columns)).map { _ in Double(bitPattern: generator.next()) }
      let array = try NumpyArray(shape: [rows, columns], values: values)
      for version in [NumpyFormatVersion.v1, .v2] {
        for order in [NumpyOrder.c, .fortran] {
          let back = try NumpyArray(data: array.data(version: version, order: order), source: "p.npy")
          #expect(back.shape == array.shape)
          #expect(bitsEqual(back.values, values))
        }
      }
    }
  }
}
