import Foundation

/// Reads the values of a little-endian float64, C-ordered `.npy` file straight into the array
/// that keeps them: one copy from the page cache, where reading the file into `Data` and decoding
/// it costs a second buffer of the file's size and a second pass (≈ 40 ms for a 72 MB Hessian).
///
/// Only a regular file whose preamble and header parse, whose dtype is `<f8`, whose order is C and
/// whose size is exactly the header plus the data takes this path; anything else returns nil,
/// and ``NumpyArray/init(contentsOf:)`` reads it the general way, which finds and words the problem.
/// The values are the bytes of the file, as the general decoder produces them (NaN payloads too).
///
/// - Complexity: the file's bytes read once (`pread` in chunks, retried on `EINTR`); memory: the
///   values only, after the same budget check as the general path.
enum NumpyDirectRead {
  /// The most header bytes read ahead of the data (a longer header takes the general path).
  static let headerLimit = 1 << 20

  /// The array in `path`, or nil when the file is not a plain float64 C-order `.npy`.
  ///
  /// - Throws: ``NumpyError/tooLarge(source:shape:estimatedBytes:budgetBytes:)`` over the memory
  ///   budget, ``NumpyError/unreadableFile(source:reason:)`` when a read fails part-way.
  static func read(path: String, source: String) throws(NumpyError) -> NumpyArray? {
    #if _endian(little)
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return nil }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
      let size = Int(info.st_size)
      var head = [UInt8](repeating: 0, count: min(size, headerLimit))
      let headRead = head.withUnsafeMutableBytes { (try? fill(fd, $0, at: 0)) != nil }
      guard headRead else { return nil }
      let prefix = Data(head)
      guard let preamble = try? NumpyPreamble(data: prefix, source: source),
        let headerBytes = try? preamble.headerBytes(in: prefix, source: source),
        let header = try? NumpyHeader(bytes: headerBytes, utf8: preamble.major == 3, source: source),
        header.dtype == .float64, !header.fortranOrder,
        let count = try? NumpyLayout.elementCount(header: header, source: source),
        let byteCount = try? NumpyLayout.byteCount(header: header, elementCount: count, source: source),
        size - preamble.dataOffset == byteCount
      else { return nil }
      try NumpyLayout.checkDecodedBudget(count: count, header: header, source: source)
      var failure: String?
      let values = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
        do throws(ReadFailure) {
          try fill(fd, UnsafeMutableRawBufferPointer(buffer), at: preamble.dataOffset)
          initialized = count
        } catch {
          failure = error.reason
          initialized = 0
        }
      }
      if let failure { throw .unreadableFile(source: source, reason: failure) }
      return try NumpyArray(shape: header.shape, dtype: .float64, values: values)
    #else
      return nil
    #endif
  }

  /// Why a read failed.
  struct ReadFailure: Error {
    var reason: String
  }

  /// Fills `buffer` from `fd` starting at file offset `offset`.
  static func fill(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(ReadFailure) {
    var done = 0
    while done < buffer.count {
      guard let base = buffer.baseAddress else { return }
      let chunk = min(buffer.count - done, 1 << 26)
      let n = pread(fd, base + done, chunk, off_t(offset + done))
      if n < 0 {
        if errno == EINTR { continue }
        throw ReadFailure(reason: String(cString: strerror(errno)))
      }
      if n == 0 { throw ReadFailure(reason: "the file ended early (it changed while being read)") }
      done += n
    }
  }
}
