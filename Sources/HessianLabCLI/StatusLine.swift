import Foundation
import HessianLab

/// One-line progress messages on standard error, only on a terminal; rewritten in place with
/// ``RewritableLine`` (no escape sequences under `TERM=dumb`).
enum StatusLine {
  static let isTerminal = isatty(STDERR_FILENO) != 0
  /// On a terminal, and not under `--quiet`.
  static var enabled: Bool { isTerminal && !Quiet.isOn }
  private static let line = Locked(RewritableLine(erase: RewritableLine.erase(for: ProcessInfo.processInfo.environment)))

  static func make() -> (@Sendable (String) -> Void)? {
    guard enabled else { return nil }
    return { message in write { $0.replace(with: message) } }
  }

  static func clear() {
    if enabled { write { $0.clear() } }
  }

  /// Writes the bytes `edit` returns for the shared line, one writer at a time.
  static func write(_ edit: (inout RewritableLine) -> String) {
    let bytes = line.withLock { edit(&$0) }
    FileHandle.standardError.write(Data(bytes.utf8))
  }
}
