/// What went wrong with one oracle child, before it is turned into an ``InputError`` that
/// names the command and the request (``ExternalOracle``).
enum OracleChildFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// The child could not be started (the errno text).
  case spawn(String)
  /// The child ended (its output ended or its input broke, and it had exited).
  case ended(OracleTermination)
  /// The child closed its output or input but kept running (it was then stopped).
  case closedStream
  /// Nothing arrived (or nothing was read) within the timeout.
  case timeout(seconds: Double, writing: Bool)
  /// A frame broke the protocol.
  case frame(OracleFrameError)
  /// A read, write or poll failed (the errno text).
  case io(String)
  /// The reply was well formed but unusable (a NaN, a bad HELLO, an ERROR frame's message).
  case reply(String)

  /// What went wrong, for the ``InputError/oracle(command:request:problem:lastStandardErrorLine:)`` line.
  var description: String {
    switch self {
    case .spawn(let reason): "could not be started (\(reason))"
    case .ended(let termination): termination.description
    case .closedStream: "closed its standard output or input without exiting (stopped)"
    case .timeout(let seconds, let writing):
      writing
        ? "did not read its request within \(Self.seconds(seconds))"
        : "no reply within \(Self.seconds(seconds))"
    case .frame(let error): error.description
    case .io(let reason): reason
    case .reply(let problem): problem
    }
  }

  /// `300 s`, `1.5 s`.
  static func seconds(_ value: Double) -> String {
    value == value.rounded() && value < 1e15 ? "\(Int(value)) s" : "\(value) s"
  }
}
