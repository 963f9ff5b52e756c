import Foundation

/// All the files one run writes, put in place together or not at all.
///
/// ``stage(_:to:label:)`` writes each file's bytes to a temporary sibling
/// (`.NAME.UUID.tmp`, registered with ``AtomicFile`` so that an interrupt removes it);
/// nothing visible changes until ``commit()``, which renames every temporary file over
/// its destination. If a rename fails part-way, the files already renamed are put back
/// as they were (an existing destination is kept as a hard-linked backup until the
/// commit ends), so a failed run leaves every output as it was. ``discard()`` (or a
/// failed ``stage(_:to:label:)``) removes every temporary file.
///
/// Two outputs that are the same file — the same path twice, or different spellings,
/// symbolic or hard links of one file — are refused (``Failure/samePath(label:path:otherLabel:otherPath:)``),
/// since the second would silently replace the first.
///
/// Cost: one write of each file's bytes plus O(1) renames and links per file.
public struct OutputTransaction: Sendable {
  /// One staged output: what names it (an option such as `--svg`), where it goes and
  /// where its bytes wait.
  public struct Entry: Sendable, Equatable {
    /// What names the output for the user (e.g. `--save`).
    public let label: String
    /// The path as the user gave it.
    public let path: String
    /// The temporary sibling holding the bytes until the commit.
    public let temporary: String
    /// ``OutputTransaction/identity(of:)`` of `path` when it was staged.
    let identity: String
  }

  /// Why outputs could not be staged or committed; each case names the output.
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two outputs are the same file.
    case samePath(label: String, path: String, otherLabel: String, otherPath: String)
    /// The file could not be written or put in place; `reason` says why.
    case unwritable(label: String, path: String, reason: String)
    /// The process is being interrupted: nothing was put in place.
    case interrupted(label: String, path: String)

    /// One line: the output's label and path, then the problem.
    public var description: String {
      switch self {
      case let .samePath(label, path, otherLabel, otherPath):
        path == otherPath
          ? "\(label) \(path): the same file is also given to \(otherLabel); give each output its own file"
          : "\(label) \(path): the same file as \(otherLabel) \(otherPath); give each output its own file"
      case let .unwritable(label, path, reason): "\(label) \(path): cannot write the file (\(reason))"
      case let .interrupted(label, path): "\(label) \(path): not written (interrupted)"
      }
    }
  }

  /// The staged outputs, in the order they were staged.
  public private(set) var entries: [Entry] = []

  /// An empty transaction.
  public init() {}

  /// A key equal for two paths exactly when they name the same file: the device and
  /// inode of an existing file (after following symbolic links), otherwise the real
  /// path of its folder joined with its name (so `./a.svg` and `dir/../a.svg` agree).
  public static func identity(of path: String) -> String {
    var info = stat()
    if stat(path, &info) == 0 { return "inode \(info.st_dev):\(info.st_ino)" }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    guard let real = realpath(folder, nil) else { return "path " + url.standardizedFileURL.path }
    defer { free(real) }
    return "path " + String(cString: real) + "/" + url.lastPathComponent
  }

  /// Refuses two outputs that are the same file (nil paths are skipped). Run it
  /// before any work starts; ``stage(_:to:label:)`` checks again.
  ///
  /// - Throws: ``Failure/samePath(label:path:otherLabel:otherPath:)`` for the first pair found.
  public static func checkDistinct(_ outputs: [(label: String, path: String?)]) throws(Failure) {
    var seen: [(label: String, path: String, identity: String)] = []
    for case let (label, path?) in outputs {
      let id = identity(of: path)
      if let other = seen.first(where: { $0.identity == id }) {
        throw .samePath(label: label, path: path, otherLabel: other.label, otherPath: other.path)
      }
      seen.append((label, path, id))
    }
  }

  /// Writes `data` to a temporary sibling of `path`; nothing is visible until ``commit()``.
  ///
  /// - Throws: ``Failure``; on any failure every temporary file of the transaction is
  ///   removed (the run is over).
  public mutating func stage(_ data: Data, to path: String, label: String) throws(Failure) {
    let id = Self.identity(of: path)
    if let other = entries.first(where: { $0.identity == id }) {
      discard()
      throw .samePath(label: label, path: path, otherLabel: other.label, otherPath: other.path)
    }
    let temporary = AtomicFile.temporaryURL(for: URL(fileURLWithPath: path)).path
    let registered = AtomicFile.registry.withLock { r -> Bool in
      guard !r.interrupted else { return false }
      r.paths.insert(temporary)
      return true
    }
    guard registered else {
      discard()
      throw .interrupted(label: label, path: path)
    }
    entries.append(Entry(label: label, path: path, temporary: temporary, identity: id))
    do {
      try data.write(to: URL(fileURLWithPath: temporary))
    } catch {
      discard()
      throw .unwritable(label: label, path: path, reason: AtomicFile.reason(for: error))
    }
  }

  /// Removes every staged temporary file; no destination is touched.
  public mutating func discard() {
    let staged = entries
    entries = []
    AtomicFile.registry.withLock { r in
      for e in staged {
        unlink(e.temporary)
        r.paths.remove(e.temporary)
      }
    }
  }

  /// Puts every staged file in place, or none: a rename that fails undoes the ones
  /// before it. The interrupt clean-up waits for the commit (they share a lock), so an
  /// interrupt sees either no file or every file in place.
  ///
  /// - Throws: ``Failure`` naming the output that could not be put in place.
  public mutating func commit() throws(Failure) {
    try commit(beforeRename: { _ in })
  }

  /// ``commit()`` with a hook run before the rename of entry `i` (tests use it to make
  /// that rename fail).
  mutating func commit(beforeRename: (Int) -> Void) throws(Failure) {
    let staged = entries
    entries = []
    let failure = AtomicFile.registry.withLock { r -> Failure? in
      defer { for e in staged { unlink(e.temporary); r.paths.remove(e.temporary) } }
      guard !r.interrupted else {
        return staged.first.map { .interrupted(label: $0.label, path: $0.path) }
      }
      var backups: [String?] = [], existed: [Bool] = []
      defer { for case let b? in backups { unlink(b) } }
      for (i, e) in staged.enumerated() {
        // Keep the old file (if any) reachable under a second name until the end.
        let backup = AtomicFile.temporaryURL(for: URL(fileURLWithPath: e.path)).path
        var info = stat()
        existed.append(lstat(e.path, &info) == 0)
        backups.append(link(e.path, backup) == 0 ? backup : nil)
        beforeRename(i)
        if rename(e.temporary, e.path) != 0 {
          let reason = String(cString: strerror(errno))
          for j in stride(from: i - 1, through: 0, by: -1) {
            if let b = backups[j] {
              if rename(b, staged[j].path) == 0 { backups[j] = nil }
            } else if !existed[j] {
              unlink(staged[j].path)
            }
          }
          return .unwritable(label: e.label, path: e.path, reason: reason)
        }
      }
      return nil
    }
    if let failure { throw failure }
  }
}
