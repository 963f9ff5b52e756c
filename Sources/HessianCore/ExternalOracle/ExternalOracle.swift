import Foundation

/// A ``ModelOracle`` served by child processes speaking the oracle protocol
/// (`docs/oracle-protocol.md`): `/bin/sh -c COMMAND`, started ``OracleLaunchOptions/processes``
/// times, each block cut across them in contiguous slices and put back in order (the result
/// does not depend on the number of processes).
///
/// Every failure (a child that exits, is killed, hangs past the timeout, writes a malformed
/// frame, a reply of the wrong kind or shape, a NaN or infinity, an ERROR frame) is one
/// ``InputError/oracle(command:request:problem:lastStandardErrorLine:)``; the children are then
/// stopped and reaped, and every later request throws the same error. A request outside
/// ``capabilities`` throws ``OracleError/missingCapability(_:)`` without reaching the oracle.
///
/// Cost per request: the oracle's own work, plus O(d·k) to encode, copy through a pipe and
/// decode the block (k vectors or points); HessianLab holds O(d·k) numbers. Requests are
/// serialized (one at a time per oracle, as the protocol requires).
public final class ExternalOracle: ModelOracle, @unchecked Sendable {
  /// The HELLO `name`, or `oracle:COMMAND` when the oracle gave none.
  public let name: String
  /// d, from HELLO.
  public let dimension: Int
  /// The precision the oracle computes in (HELLO), which sets the rank threshold's ε.
  public let precision: Precision
  /// w*, from the POINT frame: the point the Hessian is taken at, the samplers' centre.
  public let center: [Double]
  /// What the oracle answers (HELLO).
  public let capabilities: Set<OracleCapability>
  /// How it was launched.
  public let options: OracleLaunchOptions

  /// Guards ``children`` and ``failure``; held for a whole request.
  let lock = NSLock()
  /// The live children, in slice order; empty once shut down or failed.
  var children: [OracleChildProcess]
  /// The error that ended the oracle, rethrown by every later request.
  var failure: InputError?
  /// The counts behind ``traffic``.
  var counts = OracleTraffic()

  private init(hello: OracleHello, point: [Double], options: OracleLaunchOptions, children: [OracleChildProcess]) {
    self.name = hello.name ?? OracleSpec.prefix + options.command
    self.dimension = hello.dimension
    self.precision = hello.precision
    self.center = point
    self.capabilities = hello.capabilities
    self.options = options
    self.children = children
  }

  deinit { shutdown() }

  /// Requests, bytes and seconds exchanged so far (successful requests only).
  public var traffic: OracleTraffic { lock.withLock { counts } }

  /// The process ids of the running children (empty after ``shutdown()`` or a failure).
  public var processIDs: [Int32] { lock.withLock { children.map(\.pid) } }

  /// The most processes ``launch(_:)`` starts.
  public static let processLimit = 256

  /// Starts `options.processes` copies of `options.command`, reads each one's HELLO and POINT
  /// (within `options.timeoutSeconds`) and checks that they agree (same dimension, precision
  /// and capabilities, bit-identical point). Cost: N process starts and one handshake each.
  ///
  /// - Throws: ``InputError/configuration(field:value:problem:)`` for unusable options,
  ///   ``InputError/spec(_:problem:)`` for an empty command, and
  ///   ``InputError/oracle(command:request:problem:lastStandardErrorLine:)`` (request
  ///   `handshake`) for a child that fails to start or sends a bad HELLO or POINT; every child
  ///   started is stopped and reaped first.
  public static func launch(_ options: OracleLaunchOptions) throws(InputError) -> ExternalOracle {
    try validate(options)
    var children: [OracleChildProcess] = []
    let request = "handshake"
    for _ in 0..<options.processes {
      do throws(OracleChildFailure) {
        children.append(
          try OracleChildProcess.start(options.command, largePipes: children.count < OraclePipeCapacity.largeChildren))
      } catch {
        children.forEach { $0.terminate() }
        throw InputError.oracle(
          command: options.command, request: request, problem: "\(error)", lastStandardErrorLine: nil)
      }
    }
    var first: (hello: OracleHello, point: [Double])?
    for (index, child) in children.enumerated() {
      do throws(OracleChildFailure) {
        let deadline = OracleClock.Deadline(seconds: options.timeoutSeconds)
        let helloFrame = try child.receiveFrame(expecting: .json(.hello, limit: OracleHello.sizeLimit), deadline: deadline)
        let hello = try OracleHello.parse(try text(of: helloFrame))
        let pointFrame = try child.receiveFrame(expecting: .array(.point, rows: 1, columns: hello.dimension), deadline: deadline)
        try rejectError(pointFrame)
        let point = pointFrame.values()
        try checkFinite(point, columns: hello.dimension, firstRow: 0, what: "POINT")
        if let first {
          if let difference = disagreement(first.hello, first.point, hello, point) {
            throw OracleChildFailure.reply("disagrees with process 1: \(difference)")
          }
        } else {
          first = (hello, point)
        }
      } catch {
        throw failing(error, process: index, children: children, command: options.command, request: request)
      }
    }
    guard let first else { preconditionFailure("at least one process was started") }
    return ExternalOracle(hello: first.hello, point: first.point, options: options, children: children)
  }

  /// Refuses options no run can use (an empty command, a process count outside 1…256, a
  /// timeout that is not a positive number).
  static func validate(_ options: OracleLaunchOptions) throws(InputError) {
    guard !options.command.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw InputError.spec(OracleSpec.prefix + options.command, problem: OracleSpec.emptyCommandProblem)
    }
    guard (1...processLimit).contains(options.processes) else {
      throw InputError.configuration(
        field: "oracle processes", value: "\(options.processes)",
        problem: "\(options.processes) must be between 1 and \(processLimit)")
    }
    guard options.timeoutSeconds > 0, options.timeoutSeconds.isFinite else {
      throw InputError.configuration(
        field: "oracle timeout", value: "\(options.timeoutSeconds)",
        problem: "\(options.timeoutSeconds) s must be a positive number of seconds")
    }
  }

  /// Stops the oracle: sends SHUTDOWN to each child, closes its input, waits up to 2 s, then
  /// SIGTERM, 2 s, SIGKILL, and reaps it. Later requests throw. Idempotent; also run on deinit.
  /// Cost: immediate for a server that obeys SHUTDOWN, at most about 4 s per child otherwise.
  public func shutdown() {
    let running: [OracleChildProcess] = lock.withLock {
      defer { children = [] }
      return children
    }
    let goodbye = OracleFrame.empty(.shutdown).encoded()
    for child in running { try? child.send(goodbye, deadline: OracleClock.Deadline(seconds: OracleChildProcess.gracePeriod)) }
    for child in running { child.stop() }
  }

  /// Stops every child (the failing one first, so its last standard-error line is complete)
  /// and returns the one-line error for `failure` of child `index`.
  static func failing(
    _ failure: OracleChildFailure, process index: Int, children: [OracleChildProcess], command: String, request: String
  ) -> InputError {
    let failingChild = children[index]
    failingChild.terminate()
    let line = failingChild.standardError.finish(within: 0.5)
    for (i, child) in children.enumerated() where i != index { child.interrupt() }
    for (i, child) in children.enumerated() where i != index { child.terminate() }
    let which = children.count > 1 ? "process \(index + 1) of \(children.count): " : ""
    return .oracle(command: command, request: request, problem: InputError.Phrase(which + failure.description), lastStandardErrorLine: line)
  }
}
