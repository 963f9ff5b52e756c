import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore

/// The direct read against the general decoder (`NumpyArray(data:source:)` on the file's bytes):
/// the same array bit for bit where it applies, and nil (the general path) everywhere else.
@Suite("NumpyDirectRead: float64 C-order files straight into their values")
struct NumpyDirectReadTests {
  static let fixtures = Repository.root.appendingPathComponent("fixtures/npy")

  static func general(_ url: URL) throws -> NumpyArray {
    try NumpyArray(data: try Data(contentsOf: url), source: url.lastPathComponent)
  }

  static func bits(_ a: [Double]) -> [UInt64] { a.map(\.bitPattern) }

  @Test("float64 C-order fixtures (2-D, 3-D, scalar, format 2.0 and 3.0): the general decoder's array, bit for bit",
        arguments: ["f8_c_2x3.npy", "f8_3d_2x3x4.npy", "f8_scalar.npy", "f8_v2_vector5.npy", "f8_v3_vector3.npy"])
  func matchesGeneral(name: String) throws {
    let url = Self.fixtures.appendingPathComponent(name)
    let direct = try #require(try NumpyDirectRead.read(path: url.path, source: name))
    let expected = try Self.general(url)
    #expect(direct.shape == expected.shape && direct.dtype == expected.dtype)
    #expect(Self.bits(direct.values) == Self.bits(expected.values))
  }

  @Test("Fortran order, float32, big-endian, integer and object files take the general path",
        arguments: ["f8_fortran_2x3.npy", "f4_c_3x2.npy", "f8_bigendian_2x2.npy", "i8_vector3.npy", "object_vector2.npy"])
  func declines(name: String) throws {
    let url = Self.fixtures.appendingPathComponent(name)
    #expect(try NumpyDirectRead.read(path: url.path, source: name) == nil)
  }

  @Test("A large matrix with NaN payloads, −0 and subnormals round-trips bit for bit; a trailing byte declines")
  func largeAndTrailing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("NumpyDirectRead-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var rng = SeededGenerator(seed: 3)
    var values = rng.normals(300 * 301)
    values[0] = Double(bitPattern: 0x7FF8_0000_0000_0ABC)
    values[1] = -0.0
    values[2] = .leastNonzeroMagnitude
    let url = folder.appendingPathComponent("m.npy")
    try NumpyArray(shape: [300, 301], values: values).write(to: url)
    let direct = try #require(try NumpyDirectRead.read(path: url.path, source: "m.npy"))
    #expect(direct.shape == [300, 301] && Self.bits(direct.values) == Self.bits(values))
    // One byte more than the header declares: declined, and the general path names the problem.
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data([0]))
    try handle.close()
    #expect(try NumpyDirectRead.read(path: url.path, source: "m.npy") == nil)
    #expect(throws: NumpyError.self) { try NumpyArray(contentsOf: url) }
  }
}
