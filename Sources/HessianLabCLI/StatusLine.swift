import Foundation

/// One-line progress messages on standard error, only on a terminal.
enum StatusLine {
  static let enabled = isatty(STDERR_FILENO) != 0

  static func make() -> (@Sendable (String) -> Void)? {
    guard enabled else { return nil }
    return { message in FileHandle.standardError.write(Data(("\r\u{1B}[K" + message).utf8)) }
  }

  static func clear() {
    if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
