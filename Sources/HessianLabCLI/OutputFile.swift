import Foundation
import HessianLab

/// Files the tool writes (`--save`, `--svg`): checked before any work starts, then
/// written atomically (``AtomicFile``), so a failure or an interrupt leaves no
/// partial file.
enum OutputFile {
  /// Checks, before a long run, that `path` can be created: its folder exists and,
  /// when `suffix` is given, the name ends with it.
  static func check(_ path: String, option: String, suffix: String? = nil) throws(UsageError) {
    if let suffix, !path.hasSuffix(suffix) {
      throw UsageError("\(option) \(path): the file name must end in \(suffix)")
    }
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw UsageError("\(option) \(path): is a directory, not a file name")
    }
    let folder = url.deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw UsageError("\(option) \(path): the folder \(folder) does not exist")
    }
  }

  /// Writes `text` (UTF-8) to `path` atomically.
  static func write(_ text: String, to path: String, option: String) throws(UsageError) {
    do {
      try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: path))
    } catch {
      throw UsageError("\(option) \(path): cannot write the file (\(Self.reason(error)))")
    }
  }

  static func reason(_ failure: AtomicFile.Failure) -> String {
    switch failure {
    case let .unwritable(_, reason): reason
    case .interrupted: "interrupted"
    }
  }
}
