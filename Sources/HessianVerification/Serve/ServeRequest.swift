/// One request a served landscape answers (`docs/oracle-protocol.md`): HVP at w*, LOSS or
/// GRADIENT for a block, each computed by the landscape's block function in one call.
struct ServeRequest {
  /// HVP, LOSS or GRADIENT.
  let kind: OracleFrame.Kind
  /// k vectors or n points.
  let rows: Int
  /// The entries, row-major rows×d (float32 requests widened exactly).
  let values: [Double]

  /// The kinds a client may send besides SHUTDOWN.
  static let kinds: Set<OracleFrame.Kind> = [.hvp, .loss, .gradient]

  /// Why a request header cannot be served, nil when it can: a kind that is not a request, a
  /// payload that is not an array, a width other than d, or a block beyond the
  /// ``MemoryBudget`` (the request, the landscape's block and the reply: 3·rows·d numbers).
  /// Checked before the payload is read, so a claimed length is never allocated unless it fits.
  static func problem(with header: OracleFrame.Header, dimension d: Int) -> String? {
    guard kinds.contains(header.kind) else {
      return "a \(header.kind) frame is not a request (expected HVP, LOSS, GRADIENT or SHUTDOWN)"
    }
    guard header.dataType.elementSize != nil else {
      return "a \(header.kind) request must carry a float64 array, not \(header.dataType) data"
    }
    guard header.columns == d else { return "\(header.columns) columns, but the landscape has d = \(d)" }
    let bytes = MemoryBudget.product(3, header.rows, d, 8)
    if bytes.map({ $0 > MemoryBudget.bytes }) ?? true {
      let size = bytes.map { MemoryBudget.format($0) } ?? "more than \(MemoryBudget.format(Int.max))"
      return "a block of \(header.rows) rows at d = \(d) needs \(size), more than the memory budget "
        + "\(MemoryBudget.format(MemoryBudget.bytes)) (half of this machine's RAM); refused before reading it"
    }
    return nil
  }

  /// The reply frame (float64): H·vᵢ at w* for each row vᵢ (k×d), the loss at each row (n×1),
  /// or the gradient at each row (n×d). Cost: one call of the landscape's block function
  /// (k HVPs, n losses or n gradients) and O(rows·d) copies.
  ///
  /// - Throws: a ``ServeProblem`` for a NaN or infinity in the request or in the answer.
  func reply(from landscape: any Landscape) throws(ServeProblem) -> OracleFrame {
    let d = landscape.dimension
    try Self.checkFinite(values, columns: d, what: "the request")
    guard rows > 0 else {
      let width = kind == .loss ? 1 : d
      return .array(replyKind, rows: 0, columns: width, elements: [])
    }
    let out: [Double], width: Int
    switch kind {
    case .hvp:
      var block = Matrix(rows: d, columns: rows)
      for i in 0..<rows { for r in 0..<d { block.elements[r * rows + i] = values[i * d + r] } }
      let product = landscape.hessianProduct(at: landscape.minimum, block: block)
      var rowsOut = [Double](repeating: 0, count: rows * d)
      for r in 0..<d { for i in 0..<rows { rowsOut[i * d + r] = product.elements[r * rows + i] } }
      (out, width) = (rowsOut, d)
    case .loss:
      out = landscape.losses(at: Matrix(rows: rows, columns: d, elements: values))
      width = 1
    default:
      out = try Self.evaluate { try landscape.gradients(at: Matrix(rows: rows, columns: d, elements: values)).elements }
      width = d
    }
    try Self.checkFinite(out, columns: width, what: "the \(kind == .hvp ? "product" : kind.description.lowercased())")
    return .array(replyKind, rows: rows, columns: width, elements: out)
  }

  /// The reply's kind (HVP reply, LOSS reply, GRADIENT reply).
  var replyKind: OracleFrame.Kind {
    switch kind {
    case .hvp: .hvpReply
    case .loss: .lossReply
    default: .gradientReply
    }
  }

  /// `body`'s values; an error it throws becomes a ``ServeProblem``.
  private static func evaluate(_ body: () throws -> [Double]) throws(ServeProblem) -> [Double] {
    do { return try body() } catch { throw ServeProblem("the landscape failed: \(error)") }
  }

  /// Throws at the first NaN or infinity of `values` (rows of `columns`).
  static func checkFinite(_ values: [Double], columns: Int, what: String) throws(ServeProblem) {
    guard let bad = values.firstIndex(where: { !$0.isFinite }) else { return }
    let number = values[bad].isNaN ? "NaN" : values[bad] > 0 ? "+infinity" : "-infinity"
    throw ServeProblem("\(number) in \(what) (row \(bad / columns), column \(bad % columns))")
  }
}
