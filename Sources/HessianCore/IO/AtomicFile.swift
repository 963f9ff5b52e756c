import Foundation

/// Writes files so that nothing is ever half-written: the bytes go to a temporary
/// file in the same directory (`.NAME.UUID.tmp`), which is then renamed over the
/// destination (`rename(2)` is atomic within a file system). A reader sees either
/// the old file or the new one, never a mixture, whatever moment the process dies.
///
/// Temporary files are registered while they exist, so that an interrupt handler
/// can remove them (``interruptAndRemoveTemporaryFiles()``) before the process
/// exits; a rename never races with that clean-up.
public enum AtomicFile {
  /// Errors of ``write(_:to:)``.
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The temporary file could not be written or renamed; `reason` says why.
    case unwritable(path: String, reason: String)
    /// The process is being interrupted: the file was not put in place.
    case interrupted(path: String)

    public var description: String {
      switch self {
      case let .unwritable(path, reason): "\(path): cannot write the file (\(reason))"
      case let .interrupted(path): "\(path): not written (interrupted)"
      }
    }
  }

  /// The temporary files in flight and whether the process is being interrupted;
  /// ``OutputTransaction`` shares it, so one interrupt handler cleans up both.
  struct Registry {
    var paths: Set<String> = []
    var interrupted = false
  }

  static let registry = Locked(Registry())

  /// The temporary sibling used for `url`: `.NAME.UUID.tmp` in the same directory.
  public static func temporaryURL(for url: URL) -> URL {
    url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
  }

  /// Writes `data` to `url` atomically (temporary sibling, then rename).
  ///
  /// - Throws: ``Failure``; the temporary file is removed on failure.
  public static func write(_ data: Data, to url: URL) throws(Failure) {
    try write(data, to: url, beforeRename: {})
  }

  /// ``write(_:to:)`` with a hook run after the temporary file is complete and
  /// before the rename (tests use it to stand in for a process dying there).
  static func write(_ data: Data, to url: URL, beforeRename: () throws -> Void) throws(Failure) {
    let temporary = temporaryURL(for: url)
    let registered = registry.withLock { r -> Bool in
      guard !r.interrupted else { return false }
      r.paths.insert(temporary.path)
      return true
    }
    guard registered else { throw .interrupted(path: url.path) }
    func discard() {
      try? FileManager.default.removeItem(at: temporary)
      _ = registry.withLock { $0.paths.remove(temporary.path) }
    }
    do {
      try data.write(to: temporary)
      try beforeRename()
    } catch {
      discard()
      throw .unwritable(path: url.path, reason: reason(for: error))
    }
    // The rename and the interrupt clean-up exclude each other: either the new
    // file is in place before the handler runs, or the temporary file is removed.
    let outcome = registry.withLock { r -> Int32? in
      guard !r.interrupted else { return nil }
      r.paths.remove(temporary.path)
      return rename(temporary.path, url.path) == 0 ? 0 : errno
    }
    switch outcome {
    case nil:
      throw .interrupted(path: url.path)
    case 0?:
      return
    case let code?:
      try? FileManager.default.removeItem(at: temporary)
      throw .unwritable(path: url.path, reason: String(cString: strerror(code)))
    }
  }

  /// Marks the process as interrupted and removes every temporary file in flight;
  /// later writes fail with ``Failure/interrupted(path:)``. Returns the paths removed.
  @discardableResult
  public static func interruptAndRemoveTemporaryFiles() -> [String] {
    registry.withLock { r in
      r.interrupted = true
      let paths = r.paths.sorted()
      for p in paths { unlink(p) }
      r.paths.removeAll()
      return paths
    }
  }

  /// A short reason for a Foundation write error (the underlying POSIX message when there is one).
  package static func reason(for error: any Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
    return ns.localizedDescription
  }
}
