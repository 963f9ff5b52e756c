extension EstimateJudge {
  /// The estimates and SEs ready to compare: counts checked, one SE expanded to every estimate,
  /// eigenvalue estimates sorted descending (their SEs with them); `reordered` when sorting moved any.
  ///
  /// - Throws: ``InputError/parameter(_:value:problem:)`` naming the estimate or the standard error.
  static func validated(
    _ estimates: [Double], _ standardErrors: [Double]?, known: KnownQuantity
  ) throws(InputError) -> (estimates: [Double], standardErrors: [Double]?, reordered: Bool) {
    let shown = estimates.map { "\($0)" }.joined(separator: ",")
    guard !estimates.isEmpty else { throw .parameter(.estimate, value: "", problem: "no estimate given") }
    if let bad = estimates.first(where: { !$0.isFinite }) {
      throw .parameter(.estimate, value: shown, problem: "\(bad) is not a finite number")
    }
    let k = estimates.count
    if !known.quantity.isList, k != 1 {
      throw .parameter(.estimate, value: shown, problem: "\(known.quantity.phrase) is one number, but \(k) values were given")
    }
    if known.quantity.isList, k != known.values.count {
      throw .parameter(.estimate, value: shown, problem: "\(k) estimates but \(known.values.count) known eigenvalues to compare with")
    }
    var ses: [Double]? = nil
    if let given = standardErrors {
      let text = given.map { "\($0)" }.joined(separator: ",")
      guard given.count == 1 || given.count == k else {
        throw .parameter(.standardError, value: text, problem: "\(given.count) standard errors for \(k) estimates (give one for all, or one per estimate)")
      }
      if let bad = given.first(where: { !($0.isFinite && $0 > 0) }) {
        throw .parameter(.standardError, value: text, problem: "SE = \(bad) must be a positive finite number")
      }
      ses = given.count == k ? given : [Double](repeating: given[0], count: k)
    } else if known.quantity == .rank, let x = estimates.first, x != x.rounded() {
      throw .parameter(.estimate, value: shown, problem: "a rank estimate without a standard error must be a whole number, not \(x) (give the standard error of a fractional estimate)")
    }
    guard known.quantity.isList else { return (estimates, ses, false) }
    let order = estimates.indices.sorted { estimates[$0] > estimates[$1] || (estimates[$0] == estimates[$1] && $0 < $1) }
    return (order.map { estimates[$0] }, ses.map { s in order.map { s[$0] } }, order != Array(estimates.indices))
  }
}
