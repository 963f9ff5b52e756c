import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension OracleChildProcess {
  /// Reads the child's standard output until its end (every writer closed it), waiting until
  /// `deadline`. Cost: O(bytes read), at most `limit` + 4096 bytes held.
  ///
  /// - Throws: ``OracleChildFailure/timeout(seconds:writing:)`` when the output has not ended by
  ///   the deadline, ``OracleChildFailure/reply(_:)`` when it passes `limit` bytes, and
  ///   ``OracleChildFailure/io(_:)`` when a read or poll fails. The child keeps running either way
  ///   (the caller ends it).
  func receiveToEnd(limit: Int, deadline: OracleClock.Deadline) throws(OracleChildFailure) -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let remaining = deadline.remainingMilliseconds
      if remaining == 0 { throw .timeout(seconds: deadline.seconds, writing: false) }
      var entry = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      let ready = poll(&entry, 1, remaining)
      if ready < 0, errno != EINTR { throw .io("poll failed (\(String(cString: strerror(errno))))") }
      if ready <= 0 { continue }
      let got = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
      if got == 0 { return bytes }
      if got < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw .io("cannot read its standard output (\(String(cString: strerror(errno))))")
      }
      bytes += buffer[0..<got]
      if bytes.count > limit { throw .reply("printed more than \(limit) bytes on standard output") }
    }
  }
}
