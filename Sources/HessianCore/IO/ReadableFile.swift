import Foundation

/// The one way every reader (`.npy` files, fixtures, lesson progress) opens a file, so
/// that a file that cannot be read is refused with its plain cause — "is a directory",
/// "not a regular file", "symbolic link loop", "permission denied", "no such file" —
/// instead of a Foundation error code or a misleading errno, and a device such as
/// `/dev/zero` is never read without end. Cost: two `stat` calls and one `open`
/// before the read.
public enum ReadableFile {
  /// A file that cannot be read, with the plain cause.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path as given.
    public let path: String
    /// The cause in a few words (`is a directory, not a file`).
    public let reason: String
    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
  }

  /// The plain cause `path` cannot be read as a regular file, nil when it can.
  public static func problem(at path: String) -> String? {
    var link = stat()
    if lstat(path, &link) != 0 { return cause(errno) }
    var info = stat()
    if stat(path, &info) != 0 {
      let code = errno
      if (link.st_mode & S_IFMT) == S_IFLNK, code == ENOENT {
        return "broken symbolic link (its target does not exist)"
      }
      return cause(code)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return "is a directory, not a file"
    default: return "not a regular file (a device, pipe or socket)"
    }
    let fd = open(path, O_RDONLY)
    if fd < 0 { return cause(errno) }
    close(fd)
    return nil
  }

  /// The bytes of the regular file at `path` (memory-mapped when `mapped` and safe).
  ///
  /// - Throws: ``Failure`` with the plain cause.
  public static func read(_ path: String, mapped: Bool = false) throws(Failure) -> Data {
    if let reason = problem(at: path) { throw Failure(path: path, reason: reason) }
    do {
      return try Data(contentsOf: URL(fileURLWithPath: path), options: mapped ? .mappedIfSafe : [])
    } catch {
      throw Failure(path: path, reason: AtomicFile.reason(for: error))
    }
  }

  /// A plain cause for an `errno` of `stat` or `open`.
  static func cause(_ code: Int32) -> String {
    switch code {
    case ENOENT: "no such file"
    case ENOTDIR: "a folder on the path is not a folder"
    case ELOOP: "symbolic link loop (a link that leads back to itself)"
    case EACCES, EPERM: "permission denied"
    case ENAMETOOLONG: "the path is too long"
    case EISDIR: "is a directory, not a file"
    default: String(cString: strerror(code))
    }
  }
}
