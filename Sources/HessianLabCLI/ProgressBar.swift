import Foundation

/// A progress bar on standard error, drawn only on a terminal and only once a
/// run has lasted more than a second; drawn on the shared ``StatusLine``.
final class ProgressBar {
  let label: String
  let start = ContinuousClock.now
  let enabled = StatusLine.enabled
  var drawn = false

  init(label: String) { self.label = label }

  func update(_ done: Int, _ total: Int) {
    guard enabled, total > 0, ContinuousClock.now - start > .seconds(1) else { return }
    let width = 30, filled = width * done / total
    let text = "\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      + "] \(100 * done / total)%"
    StatusLine.write { $0.replace(with: text) }
    drawn = true
  }

  func finish() {
    if drawn { StatusLine.write { $0.clear() } }
  }
}
