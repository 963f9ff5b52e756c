import Foundation

/// A progress bar on standard error, drawn only on a terminal and only once a
/// run has lasted more than a second.
final class ProgressBar {
  let label: String
  let start = ContinuousClock.now
  let enabled = isatty(STDERR_FILENO) != 0
  var drawn = false

  init(label: String) { self.label = label }

  func update(_ done: Int, _ total: Int) {
    guard enabled, total > 0, ContinuousClock.now - start > .seconds(1) else { return }
    let width = 30, filled = width * done / total
    let line = "\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      + "] \(100 * done / total)%"
    FileHandle.standardError.write(Data(line.utf8))
    drawn = true
  }

  func finish() {
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
