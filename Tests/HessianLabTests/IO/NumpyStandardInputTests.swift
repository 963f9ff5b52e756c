import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore

/// ``NumpyStandardInput``'s reader on a pipe: the same array as from bytes; empty, truncated,
/// trailing and oversized streams refused, the oversized one before its payload is read.
@Suite("A .npy read from a stream")
struct NumpyStandardInputTests {
  /// Reads `bytes` through a pipe; `keepOpen` leaves the writing end open (a stream whose
  /// payload never arrives), which only a refusal before the payload survives.
  static func read(_ bytes: Data, keepOpen: Bool = false) throws(NumpyError) -> NumpyArray {
    var fds: [Int32] = [0, 0]
    precondition(pipe(&fds) == 0)
    let written = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, bytes.count) }
    precondition(written == bytes.count)  // small inputs only: they fit the pipe's buffer
    if !keepOpen { close(fds[1]) }
    defer {
      close(fds[0])
      if keepOpen { close(fds[1]) }
    }
    return try NumpyStandardInput.read(from: fds[0])
  }

  static let array = NumpyArray(matrix: Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6]))

  @Test("a stream gives the array its bytes give")
  func readsArray() throws {
    #expect(try Self.read(Self.array.data()) == Self.array)
    let f32 = NumpyArray(vector: [0.5, 1.5], dtype: .float32)
    #expect(try Self.read(f32.data()) == f32)
  }

  @Test("empty, truncated and trailing streams are refused naming standard input")
  func refusals() throws {
    let bytes = Self.array.data()
    #expect(throws: NumpyError.unreadableFile(source: NumpyStandardInput.source, reason: "empty: nothing was piped into standard input")) {
      try Self.read(Data())
    }
    #expect(throws: NumpyError.truncatedData(source: NumpyStandardInput.source, valueCount: 6, expectedBytes: 48, availableBytes: 40)) {
      try Self.read(bytes.dropLast(8))
    }
    #expect(throws: NumpyError.self) { try Self.read(bytes.prefix(20)) }
    #expect(throws: NumpyError.trailingBytes(source: NumpyStandardInput.source, valueCount: 6, expectedBytes: 48, availableBytes: 50)) {
      try Self.read(bytes + Data([0, 0]))
    }
  }

  @Test("an array over the memory budget is refused from its header, before the payload arrives")
  func refusedBeforePayload() throws {
    // Header of a 10⁶ × 10⁶ float64 array (8 TB), and no payload; the writer stays open, so
    // reading any payload would block: the refusal must come from the header alone.
    var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }"
    while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
    header += "\n"
    let bytes = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8))
    do throws(NumpyError) {
      _ = try Self.read(bytes, keepOpen: true)
      Issue.record("accepted an 8 TB array")
    } catch {
      guard case .tooLarge(let source, _, _, _) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(source == NumpyStandardInput.source)
    }
  }

  @Test("- stands for standard input, nothing else does")
  func path() {
    #expect(NumpyStandardInput.isStandardInput("-"))
    #expect(!NumpyStandardInput.isStandardInput("./-") && !NumpyStandardInput.isStandardInput("-.npy"))
  }
}
