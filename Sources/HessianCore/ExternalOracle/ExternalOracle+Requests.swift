extension ExternalOracle {
  /// H·V for a d×k block V (one vector per column): sent as k×d rows, the k×d reply put back as
  /// d×k. Cost: k HVPs in the oracle, O(d·k) here.
  ///
  /// - Throws: ``OracleError/missingCapability(_:)`` without `hvp`, ``OracleError/operandShape(dimension:rows:columns:)``
  ///   for a block without d rows, ``InputError/oracle(command:request:problem:lastStandardErrorLine:)``
  ///   when the oracle fails.
  public func apply(_ block: Matrix) throws -> Matrix {
    try require(.hvp, rows: block.rows == dimension, block)
    return try exchange(.hvp, block, columnsAreVectors: true, reply: .hvpReply, replyWidth: dimension)
  }

  /// The loss at each row of an n×d block of points. Cost: n losses in the oracle, O(n·d) here.
  ///
  /// - Throws: as ``apply(_:)``, for the `loss` capability and a block without d columns.
  public func losses(at points: Matrix) throws -> [Double] {
    try require(.loss, rows: points.columns == dimension, points)
    return try exchange(.loss, points, columnsAreVectors: false, reply: .lossReply, replyWidth: 1).elements
  }

  /// The gradient at each row of an n×d block of points (n×d). Cost: n gradients in the oracle,
  /// O(n·d) here.
  ///
  /// - Throws: as ``apply(_:)``, for the `gradient` capability and a block without d columns.
  public func gradients(at points: Matrix) throws -> Matrix {
    try require(.gradient, rows: points.columns == dimension, points)
    return try exchange(.gradient, points, columnsAreVectors: false, reply: .gradientReply, replyWidth: dimension)
  }

  private func require(_ capability: OracleCapability, rows fits: Bool, _ operand: Matrix) throws(OracleError) {
    guard capabilities.contains(capability) else { throw .missingCapability(capability) }
    guard fits else { throw .operandShape(dimension: dimension, rows: operand.rows, columns: operand.columns) }
  }

  /// Sends the vectors of `block` (its rows, or with `columnsAreVectors` its columns) as `kind`
  /// requests, cut into contiguous slices across the children, then reads every reply (kind
  /// `reply`, shape slice×`replyWidth`, finite) into one result: count×`replyWidth`, or
  /// `replyWidth`×count with `columnsAreVectors`. Any failure stops all children and is remembered.
  private func exchange(
    _ kind: OracleFrame.Kind, _ block: Matrix, columnsAreVectors: Bool, reply: OracleFrame.Kind, replyWidth: Int
  ) throws(InputError) -> Matrix {
    lock.lock()
    defer { lock.unlock() }
    if let failure { throw failure }
    let count = columnsAreVectors ? block.columns : block.rows
    let request = Self.describe(kind, count: count)
    if children.isEmpty {
      throw .oracle(command: options.command, request: request, problem: "the oracle was shut down", lastStandardErrorLine: nil)
    }
    let slices = OracleShards.ranges(count: count, parts: children.count)
    var out = [Double](repeating: 0, count: count * replyWidth)
    let outColumns = columnsAreVectors ? count : replyWidth
    var current = 0
    let start = OracleTraffic.now
    var step = OracleTraffic()
    do throws(OracleChildFailure) {
      for (index, slice) in slices.enumerated() {
        current = index
        let encoding = OracleTraffic.now
        let bytes = OracleFrame.encodedRequest(kind, of: block, slice: slice, columnsAreVectors: columnsAreVectors)
        step.codecSeconds += OracleTraffic.now - encoding
        step.bytesSent += bytes.count
        try children[index].send(bytes, deadline: OracleClock.Deadline(seconds: options.timeoutSeconds))
      }
      for (index, slice) in slices.enumerated() {
        current = index
        let frame = try children[index].receiveFrame(
          expecting: .array(reply, rows: slice.count, columns: replyWidth),
          deadline: OracleClock.Deadline(seconds: options.timeoutSeconds))
        try Self.rejectError(frame)
        step.bytesReceived += OracleFrame.headerSize + frame.header.length
        let decoding = OracleTraffic.now
        let bad = frame.copyValues(into: &out, outColumns: outColumns, first: slice.lowerBound, rowsAreColumns: columnsAreVectors)
        step.codecSeconds += OracleTraffic.now - decoding
        if let bad {
          let x = frame.values()[bad]
          let number = x.isNaN ? "NaN" : x > 0 ? "+infinity" : "-infinity"
          throw OracleChildFailure.reply(
            "\(number) in the reply (row \(slice.lowerBound + bad / replyWidth), column \(bad % replyWidth))")
        }
      }
      counts.requests += 1
      counts.bytesSent += step.bytesSent
      counts.bytesReceived += step.bytesReceived
      counts.codecSeconds += step.codecSeconds
      counts.seconds += OracleTraffic.now - start
      return columnsAreVectors
        ? Matrix(rows: replyWidth, columns: count, elements: out) : Matrix(rows: count, columns: replyWidth, elements: out)
    } catch {
      let failed = Self.failing(error, process: current, children: children, command: options.command, request: request)
      children = []
      failure = failed
      throw failed
    }
  }

  /// `hvp request of 40 vectors`, `loss request of 1 point`.
  static func describe(_ kind: OracleFrame.Kind, count: Int) -> String {
    let noun = kind == .hvp ? "vector" : "point"
    return "\(kind.description.lowercased()) request of \(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// Throws the message of an ERROR frame (`the oracle reported: "…"`); other frames pass.
  static func rejectError(_ frame: OracleFrame) throws(OracleChildFailure) {
    if frame.header.kind == .error { _ = try text(of: frame) }
  }

  /// The JSON text of `frame`; for an ERROR frame, throws its message instead.
  static func text(of frame: OracleFrame) throws(OracleChildFailure) -> String {
    let text: String
    do throws(OracleFrameError) { text = try frame.text() } catch { throw .frame(error) }
    if frame.header.kind == .error { throw .reply("the oracle reported: \"\(OracleErrorMessage.message(in: text))\"") }
    return text
  }

  /// Throws at the first NaN or infinity of `values` (rows of `columns`, numbered from `firstRow`).
  static func checkFinite(_ values: [Double], columns: Int, firstRow: Int, what: String) throws(OracleChildFailure) {
    guard let bad = values.firstIndex(where: { !$0.isFinite }) else { return }
    let number = values[bad].isNaN ? "NaN" : values[bad] > 0 ? "+infinity" : "-infinity"
    throw .reply("\(number) in \(what) (row \(firstRow + bad / columns), column \(bad % columns))")
  }

  /// What differs between two processes' handshakes, nil when they agree.
  static func disagreement(_ a: OracleHello, _ pointA: [Double], _ b: OracleHello, _ pointB: [Double]) -> String? {
    if a.dimension != b.dimension { return "dimension \(b.dimension), not \(a.dimension)" }
    if a.precision != b.precision { return "precision \(b.precision.rawValue), not \(a.precision.rawValue)" }
    if a.capabilities != b.capabilities {
      let names = { (s: Set<OracleCapability>) in s.sorted().map(\.rawValue).joined(separator: ", ") }
      return "capabilities [\(names(b.capabilities))], not [\(names(a.capabilities))]"
    }
    if let i = pointA.indices.first(where: { pointA[$0].bitPattern != pointB[$0].bitPattern }) {
      return "its point differs at entry \(i) (\(pointB[i]), not \(pointA[i]))"
    }
    return nil
  }
}
