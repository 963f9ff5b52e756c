import HessianLab

extension CovarianceCommand {
  /// `--center-offset`: d comma-separated finite numbers (the sampling centre's, or with
  /// `--route cma` the starting mean's, offset from the minimum), or nil when not given.
  func parseOffset(dimension d: Int) throws -> [Double]? {
    guard let text = centerOffset else { return nil }
    let parts: [String]
    switch DelimitedList.parse(text) {
    case .success(let items): parts = items
    case .failure(let failure): throw UsageError("--center-offset: '\(text)': \(failure) (write d numbers as 1,0,…)")
    }
    var values: [Double] = []
    for p in parts {
      guard let v = Double(p), v.isFinite else { throw UsageError("--center-offset: '\(p)' is not a finite number") }
      values.append(v)
    }
    guard values.count == d else {
      throw UsageError("--center-offset: \(values.count) numbers given, the landscape has d = \(d)")
    }
    return values
  }
}
