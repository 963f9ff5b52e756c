import Dispatch

/// What an ``ExternalOracle`` has exchanged so far: requests, bytes each way, and where the
/// time went, so a report (or a benchmark) can state the protocol's overhead.
///
/// `seconds` is the wall time inside requests (the oracle's own work included); `codecSeconds`
/// the part HessianLab spent building request frames and decoding replies. The remainder is the
/// oracle's work plus the transfer through the pipes; measured against an oracle that does no
/// work (an identity HVP), it is the transfer alone.
public struct OracleTraffic: Sendable, Equatable {
  /// Requests answered (HVP, LOSS and GRADIENT blocks; a block sent to N processes counts once).
  public var requests = 0
  /// Bytes written to the oracle processes (frames, headers included).
  public var bytesSent = 0
  /// Bytes read from them after the handshake (frames, headers included).
  public var bytesReceived = 0
  /// Wall-clock seconds inside requests.
  public var seconds = 0.0
  /// Seconds of those spent encoding requests and decoding replies.
  public var codecSeconds = 0.0

  /// Nothing exchanged yet.
  public init() {}

  /// Now, in seconds on the monotonic clock (for the differences above).
  static var now: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
