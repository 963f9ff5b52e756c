import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `-` in place of a `.npy` path: the array piped into standard input
/// (`python make_h.py | hessian-lab rank -`).
///
/// The stream is read in three steps: the preamble, the header it declares, then exactly
/// the payload the header's shape and dtype declare. The shape is checked against
/// ``MemoryBudget`` *before* the payload is read, so an oversized array is refused
/// without reading (or allocating for) its data; a stream that ends early is refused as
/// truncated, and one with bytes after the payload as having trailing bytes. Standard
/// input can be read once per run: a second `-` is refused. A terminal is refused too
/// (nothing was piped in; reading would wait for typing). Every message names the
/// source as `- (standard input)`.
///
/// Cost: one pass over the bytes; memory: the payload once, plus the decoded `Double`s.
public enum NumpyStandardInput {
  /// The path that stands for standard input.
  public static let path = "-"
  /// How messages name standard input.
  public static let source = "- (standard input)"
  /// The longest header read from a stream (NumPy's own headers are under 100 kB).
  static let maximumHeaderBytes = 1 << 20

  private static let consumed = Locked(false)

  /// Whether `path` stands for standard input.
  public static func isStandardInput(_ path: String) -> Bool { path == Self.path }

  /// The `.npy` array on standard input (see the type's description).
  ///
  /// - Throws: ``NumpyError`` naming `- (standard input)`: read already, a terminal, empty,
  ///   truncated, too large for the memory budget, or any problem of the bytes themselves.
  public static func read() throws(NumpyError) -> NumpyArray {
    let first = consumed.withLock { done in
      defer { done = true }
      return !done
    }
    guard first else {
      throw .unreadableFile(source: source, reason: "standard input was already read for another '-' in this command")
    }
    guard isatty(STDIN_FILENO) == 0 else {
      throw .unreadableFile(source: source, reason: "standard input is a terminal; pipe a .npy file into it (… | hessian-lab …)")
    }
    return try read(from: STDIN_FILENO)
  }

  /// The `.npy` array read from the file descriptor `fd` (a pipe or a file), up to its end.
  static func read(from fd: Int32) throws(NumpyError) -> NumpyArray {
    var bytes = readUpTo(12, from: fd)
    guard !bytes.isEmpty else {
      throw .unreadableFile(source: source, reason: "empty: nothing was piped into standard input")
    }
    let preamble = try NumpyPreamble(data: Data(bytes), source: source)
    guard preamble.headerLength <= maximumHeaderBytes else {
      throw .malformedHeader(
        source: source, detail: "the preamble declares a header of \(preamble.headerLength) bytes (at most \(maximumHeaderBytes) are read)")
    }
    bytes += readUpTo(preamble.dataOffset - bytes.count, from: fd)
    let data = Data(bytes)
    let header = try NumpyHeader(bytes: try preamble.headerBytes(in: data, source: source), utf8: preamble.major == 3, source: source)
    let count = try NumpyLayout.elementCount(header: header, source: source)
    let byteCount = try NumpyLayout.byteCount(header: header, elementCount: count, source: source)
    // Refuse before reading the payload: decoded values are Doubles.
    let budget = MemoryBudget.bytes
    let decoded = MemoryBudget.product(count, MemoryLayout<Double>.size)
    if decoded.map({ $0 > budget }) ?? true {
      throw .tooLarge(source: source, shape: header.shapeText, estimatedBytes: decoded, budgetBytes: budget)
    }
    bytes += readUpTo(byteCount, from: fd)
    let extra = readUpTo(4096, from: fd).count
    guard extra == 0 else {
      throw .trailingBytes(
        source: source, valueCount: count, expectedBytes: byteCount, availableBytes: bytes.count - preamble.dataOffset + extra)
    }
    return try NumpyArray(data: Data(bytes), source: source)
  }

  /// Up to `count` bytes from `fd`: fewer only at the end of the stream (or on a read error).
  static func readUpTo(_ count: Int, from fd: Int32) -> [UInt8] {
    guard count > 0 else { return [] }
    var out = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let n = out.withUnsafeMutableBytes { buffer in systemRead(fd, buffer.baseAddress! + filled, count - filled) }
      if n < 0, errno == EINTR { continue }
      if n <= 0 { break }
      filled += n
    }
    out.removeLast(count - filled)
    return out
  }
}

/// `read(2)`, named apart from ``NumpyStandardInput/read()``.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}

extension NumpyArray {
  /// Reads the `.npy` file at `path`, or standard input when `path` is `-`
  /// (``NumpyStandardInput``).
  ///
  /// - Throws: any error of ``init(contentsOf:)`` or ``NumpyStandardInput/read()``.
  public static func load(path: String) throws(NumpyError) -> NumpyArray {
    if NumpyStandardInput.isStandardInput(path) { return try NumpyStandardInput.read() }
    return try NumpyArray(contentsOf: URL(fileURLWithPath: path))
  }
}
