import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The server's two byte streams: requests read from `input`, frames written to `output`, both
/// blocking (the client sends one request at a time and waits for its reply).
struct ServeStream {
  /// Where requests come from (standard input when serving).
  let input: Int32
  /// Where frames go (standard output when serving; nothing else is written there).
  let output: Int32

  /// Why a read or write failed, in words.
  enum Failure: Error, Equatable {
    /// The input ended after `got` of `expected` bytes of a frame part (`header`, `payload`).
    case truncated(part: String, expected: Int, got: Int)
    /// A read or write failed with this `errno` text.
    case io(String)
  }

  /// Reads exactly `count` bytes. Returns nil when the input ends before the first byte and
  /// `endAllowed` (a clean end between frames). Cost: O(count).
  ///
  /// - Throws: ``Failure/truncated(part:expected:got:)`` when it ends part-way, ``Failure/io(_:)``.
  func read(_ count: Int, part: String, endAllowed: Bool = false) throws(Failure) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    var offset = 0
    while offset < count {
      let got = bytes.withUnsafeMutableBytes { systemRead(input, $0.baseAddress! + offset, count - offset) }
      if got > 0 {
        offset += got
        continue
      }
      if got < 0, errno == EINTR { continue }
      if got < 0 { throw .io("cannot read standard input (\(String(cString: strerror(errno))))") }
      if offset == 0, endAllowed { return nil }
      throw .truncated(part: part, expected: count, got: offset)
    }
    return bytes
  }

  /// Writes all of `bytes`. Cost: O(bytes).
  ///
  /// - Throws: ``Failure/io(_:)`` when the client has gone (EPIPE) or the write fails.
  func write(_ bytes: [UInt8]) throws(Failure) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { systemWrite(output, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
        continue
      }
      if written < 0, errno == EINTR { continue }
      throw .io("cannot write standard output (\(String(cString: strerror(errno))))")
    }
  }
}

/// `read(2)`, under a name that does not clash with ``ServeStream/read(_:part:endAllowed:)``.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}

/// `write(2)`, under a name that does not clash with ``ServeStream/write(_:)``.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}
