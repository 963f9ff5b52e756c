import Foundation

/// Numbers, tables and terminal plots for lesson output (plain text; colour
/// is added by ``TerminalStyle`` when the runner prints).
public enum LessonFormat {
  /// `x` with 4 significant digits; integers without a decimal point.
  public static func number(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "∞" : "-∞" }
    if x == x.rounded(), abs(x) < 1e9 { return String(Int(x)) }
    return String(format: "%.4g", x)
  }

  /// `x` with 3 significant digits in scientific notation when tiny or huge.
  public static func short(_ x: Double) -> String {
    if x.isNaN || x.isInfinite { return number(x) }
    if x != 0, abs(x) < 1e-3 || abs(x) >= 1e6 { return String(format: "%.2e", x) }
    return String(format: "%.3g", x)
  }

  /// An aligned table: a header row, a rule, then the rows (columns padded to
  /// the widest cell). The first column and every column holding text are
  /// left-aligned; a column whose cells are all numbers (``isNumeric(_:)``) is
  /// right-aligned so that digits line up.
  public static func table(_ header: [String], _ rows: [[String]]) -> [String] {
    let all = [header] + rows
    let columns = all.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    var numeric = [Bool](repeating: true, count: columns)
    for row in all { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) } }
    for row in rows { for (j, cell) in row.enumerated() where !isNumeric(cell) { numeric[j] = false } }
    func render(_ row: [String]) -> String {
      row.enumerated().map { j, cell in
        let pad = String(repeating: " ", count: widths[j] - cell.count)
        return j > 0 && numeric[j] ? pad + cell : cell + pad
      }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    return [render(header), rule] + rows.map(render)
  }

  /// Whether a table cell reads as a number: empty, a dash for "none", or made
  /// of digits with signs, a decimal point, an exponent, `/`, `%`, `×`, `≈`, `±`
  /// or a trailing unit-free `s` (as in `2.3 s`) — the characters of
  /// ``number(_:)``, ``short(_:)`` and the ratios and timings lessons print.
  public static func isNumeric(_ cell: String) -> Bool {
    let trimmed = cell.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed == "—" || trimmed == "-" { return true }
    guard trimmed.contains(where: \.isNumber) else { return trimmed == "∞" || trimmed == "nan" }
    let allowed = Set("0123456789+-−.eE/%×≈±∞ s")
    return trimmed.allSatisfy { allowed.contains($0) }
  }

  /// A horizontal bar chart of positive values on a log₁₀ axis from `floor` to
  /// the largest value: one line per value, `label │█████ value`. Values at or
  /// below `floor` get an empty bar; a vertical marker `┆` shows `marker`
  /// (a threshold) when given.
  public static func logBars(
    _ items: [(label: String, value: Double)], floor: Double, marker: Double? = nil, width: Int = 40
  ) -> [String] {
    let top = max(items.map { abs($0.value) }.max() ?? 1, floor * 10)
    let lo = log10(floor), hi = log10(top)
    let labelWidth = items.map(\.label.count).max() ?? 0
    func column(_ v: Double) -> Int {
      guard v > floor else { return 0 }
      return Int(nearest: (log10(v) - lo) / (hi - lo) * Double(width), clampedTo: 1...max(width, 1))
    }
    let markerColumn = marker.map(column)
    return items.map { item in
      let n = column(abs(item.value))
      var bar = Array(String(repeating: "█", count: n) + String(repeating: " ", count: width - n))
      if let m = markerColumn, m > 0, m <= width { bar[m - 1] = n >= m ? "╋" : "┆" }
      let label = item.label + String(repeating: " ", count: labelWidth - item.label.count)
      return "\(label) │\(String(bar)) \(short(item.value))"
    }
  }

  /// A horizontal bar chart on a linear axis from 0 to `maximum`.
  public static func linearBars(
    _ items: [(label: String, value: Double)], maximum: Double, marker: Double? = nil, width: Int = 40
  ) -> [String] {
    let labelWidth = items.map(\.label.count).max() ?? 0
    func column(_ v: Double) -> Int { Int(nearest: v / maximum * Double(width), clampedTo: 0...max(width, 0)) }
    let markerColumn = marker.map(column)
    return items.map { item in
      let n = column(item.value)
      var bar = Array(String(repeating: "█", count: n) + String(repeating: " ", count: width - n))
      if let m = markerColumn, m > 0, m <= width { bar[m - 1] = n >= m ? "╋" : "┆" }
      let label = item.label + String(repeating: " ", count: labelWidth - item.label.count)
      return "\(label) │\(String(bar)) \(short(item.value))"
    }
  }

  /// `passed ? "✓" : "✗"`.
  public static func mark(_ passed: Bool) -> String { passed ? "✓" : "✗" }
}
