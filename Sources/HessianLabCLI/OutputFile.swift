import Foundation
import HessianLab

/// Files the tool writes (`--save`, `--svg`, reproduce's figures): checked before any
/// work starts, then staged in the run's one ``OutputTransaction``. ``Main`` commits
/// it only after the command succeeded and standard output was written, and discards
/// it otherwise, so a failed or interrupted run leaves every output as it was.
enum OutputFile {
  /// The run's outputs, staged by the command and committed by ``Main``.
  static let pending = Locked(OutputTransaction())

  /// Checks, before a long run, that `path` can be created: its folder exists and,
  /// when `suffix` is given, the name ends with it.
  static func check(_ path: String, option: String, suffix: String? = nil) throws(UsageError) {
    guard !path.isEmpty else {
      throw UsageError("\(option): the path is empty; give a file name\(suffix.map { " ending in \($0)" } ?? "")")
    }
    if let suffix, !path.hasSuffix(suffix) {
      throw UsageError("\(option) \(path): the file name must end in \(suffix)")
    }
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw UsageError("\(option) \(path): is a directory, not a file name")
    }
    let folder = url.deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      throw UsageError("\(option) \(path): the folder \(folder) does not exist")
    }
    guard isDirectory.boolValue else { throw UsageError("\(option) \(path): \(folder) is a file, not a folder") }
  }

  /// Checks that `path`, given to `option`, names an existing folder (not empty, not a file).
  static func checkFolder(_ path: String, option: String) throws(UsageError) {
    guard !path.isEmpty else { throw UsageError("\(option): the path is empty; give a folder") }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw UsageError("\(option): \(path) is not an existing directory")
    }
  }

  /// Refuses two output options naming the same file (also through another spelling or a link).
  static func checkDistinct(_ outputs: [(label: String, path: String?)]) throws(UsageError) {
    do { try OutputTransaction.checkDistinct(outputs) } catch { throw UsageError(error.description) }
  }

  /// Stages `text` (UTF-8) for `path`.
  static func write(_ text: String, to path: String, option: String) throws(UsageError) {
    try stage(Data(text.utf8), to: path, option: option)
  }

  /// Stages `data` for `path`; it is put in place when the run succeeds.
  static func stage(_ data: Data, to path: String, option: String) throws(UsageError) {
    do {
      try pending.withLock { (t: inout OutputTransaction) throws(OutputTransaction.Failure) in
        try t.stage(data, to: path, label: option)
      }
    } catch {
      throw UsageError(error.description)
    }
  }

  /// Puts every staged output in place (``Main`` calls it after a successful run).
  static func commit() throws(UsageError) {
    do {
      try pending.withLock { (t: inout OutputTransaction) throws(OutputTransaction.Failure) in try t.commit() }
    } catch {
      throw UsageError(error.description)
    }
  }

  /// Removes every staged output (a failed run).
  static func discard() { pending.withLock { $0.discard() } }
}
