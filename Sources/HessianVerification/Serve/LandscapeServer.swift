import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `hessian-lab serve LANDSCAPE` as one library call: a landscape served over the oracle
/// protocol (`docs/oracle-protocol.md`), HessianLab being the server. It sends HELLO
/// (``ServeHello``, with the known answers) and POINT (w*), then answers HVP (at w*), LOSS and
/// GRADIENT requests, one block per call of the landscape's block functions, until SHUTDOWN or
/// the end of its input.
///
/// A request it cannot serve (a malformed frame, a kind that is not a request, a width other
/// than d, a block beyond the ``MemoryBudget``, a NaN or infinity in the request or the answer)
/// gets an ERROR frame, and the call throws one ``InputError`` naming the landscape and the
/// request (the command exits with status 2). Cost per request: the landscape's own work plus
/// O(rows·d) to decode, transpose and encode.
public enum LandscapeServer {
  /// Serves `landscape` on the descriptors `input` (requests) and `output` (frames only).
  /// Returns after SHUTDOWN or at the end of the input between frames.
  ///
  /// - Throws: ``InputError/spec(_:problem:)`` naming the landscape and the request, after an
  ///   ERROR frame was sent (when the output still takes it).
  public static func serve(_ landscape: any Landscape, input: Int32, output: Int32) throws(InputError) {
    let stream = ServeStream(input: input, output: output)
    let name = landscape.name
    do throws(ServeStream.Failure) {
      try stream.write(ServeHello(landscape).frame().encoded())
      try stream.write(OracleFrame.array(.point, rows: 1, columns: landscape.dimension, elements: landscape.minimum).encoded())
    } catch {
      throw failure(name, "handshake", problem: describe(error))
    }
    var number = 0
    while true {
      number += 1
      var request = "request \(number)"
      do throws(ServeProblem) {
        if try !answer(landscape, stream, request: &request) { return }
      } catch {
        try? stream.write(ServeHello.errorFrame("\(name): \(request): \(error.message)").encoded())
        throw failure(name, request, problem: error.message)
      }
    }
  }

  /// Reads one request and writes its reply; false after SHUTDOWN or at the end of the input.
  /// `request` gains the frame's kind and shape once its header is read.
  private static func answer(
    _ landscape: any Landscape, _ stream: ServeStream, request: inout String
  ) throws(ServeProblem) -> Bool {
    guard let bytes = try io({ () throws(ServeStream.Failure) in
      try stream.read(OracleFrame.headerSize, part: "header", endAllowed: true)
    }) else { return false }
    let header: OracleFrame.Header
    do throws(OracleFrameError) { header = try OracleFrame.Header.decode(bytes) } catch {
      throw ServeProblem(error.description)
    }
    if header.kind == .shutdown { return false }
    request += " (\(header.kind) of \(header.rows)×\(header.columns) \(header.dataType))"
    if let problem = ServeRequest.problem(with: header, dimension: landscape.dimension) { throw ServeProblem(problem) }
    let payload = try io({ () throws(ServeStream.Failure) in try stream.read(header.length, part: "payload") ?? [] })
    let values = OracleFrame(header: header, payload: payload).values()
    let reply = try ServeRequest(kind: header.kind, rows: header.rows, values: values).reply(from: landscape)
    try io({ () throws(ServeStream.Failure) in try stream.write(reply.encoded()) })
    return true
  }

  /// `body`'s result; a stream failure becomes a ``ServeProblem``.
  private static func io<T>(_ body: () throws(ServeStream.Failure) -> T) throws(ServeProblem) -> T {
    do { return try body() } catch { throw ServeProblem(describe(error)) }
  }

  /// Resolves `spec` (any landscape argument: zoo id, fixture, `.npy`, `poly:`, `dln:`, `quad:`,
  /// `sum:`) and serves it on standard input and output. Standard output is kept for frames:
  /// anything else the process would print there goes to standard error instead. A spec that
  /// does not resolve gets an ERROR frame in place of HELLO. SIGPIPE is ignored (a client that
  /// has gone is a write error, not a signal).
  ///
  /// - Throws: the spec's ``InputError``, or one of ``serve(_:input:output:)``.
  public static func serveStandardStreams(_ spec: String) throws(InputError) {
    signal(SIGPIPE, SIG_IGN)
    fflush(nil)
    let frames = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)
    guard frames >= 0 else {
      throw InputError.spec(spec, problem: "cannot keep standard output for frames (\(String(cString: strerror(errno))))")
    }
    defer { close(frames) }
    _ = dup2(STDERR_FILENO, STDOUT_FILENO)
    let landscape: any Landscape
    do {
      landscape = try LandscapeSpec.resolve(spec)
    } catch {
      try? ServeStream(input: STDIN_FILENO, output: frames).write(ServeHello.errorFrame(error.description).encoded())
      throw error
    }
    try serve(landscape, input: STDIN_FILENO, output: frames)
  }

  /// The error for `problem` while serving `request` of the landscape `name`.
  static func failure(_ name: String, _ request: String, problem: String) -> InputError {
    .spec(name, problem: "serving \(request): \(problem)")
  }

  /// A stream failure in words.
  static func describe(_ failure: ServeStream.Failure) -> String {
    switch failure {
    case let .truncated(part, expected, got): "the input ended after \(got) of \(expected) bytes of the \(part)"
    case let .io(text): text
    }
  }
}
