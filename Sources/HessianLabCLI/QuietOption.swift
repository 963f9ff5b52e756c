import ArgumentParser
import HessianLab

/// `-q`/`--quiet`, shared by every command: results only.
///
/// Removed: progress bars and status lines on standard error, stage lines, notes about
/// files written (`wrote FILE`) and the drawn-seed hint, terminal plots (their numbers are
/// in the tables beside them), the tour's narrative (only its verdict stays) and the
/// lessons' narration and closing hints. Kept: every result line, every typed warning
/// (a warning changes what a result means: not converged, a censored budget, a bound that
/// does not hold) and every error. With `--json`, standard output is the same as without
/// `--quiet`.
struct QuietOption: ParsableArguments {
  @Flag(
    name: [.customShort("q"), .long],
    help: "Results only: no progress, plots or notes (warnings and errors stay; --json output is unchanged).")
  var quiet = false

  /// Turns quiet mode on for the process (read by ``StatusLine`` and ``ProgressBar``).
  func validate() throws {
    if quiet { Quiet.mode.withLock { $0 = true } }
  }
}

/// Whether `--quiet` was given in this process.
enum Quiet {
  /// Set once while parsing, read by the printers.
  static let mode = Locked(false)
  /// `--quiet` is on.
  static var isOn: Bool { mode.withLock { $0 } }

  /// `print(text)` unless quiet: notes that are not results.
  static func note(_ text: String) {
    if !isOn { print(text) }
  }

  /// `text` without the terminal plot `plot` (rendered exactly as the text has it) and the
  /// line break that joined it; `text` itself when the plot is not in it.
  static func withoutPlot(_ text: String, _ plot: String) -> String {
    for joined in [plot + "\n", "\n" + plot, plot] where text.contains(joined) {
      return text.replacingOccurrences(of: joined, with: "")
    }
    return text
  }
}
