import Foundation

/// Shell-completion candidates for a LANDSCAPE argument: zoo ids, the spec forms, and the
/// `.npy`/`.json` files and folders the typed prefix points into.
///
/// bash, zsh and fish call `hessian-lab ---completion …` with the word being completed; the
/// candidates are the zoo ids starting with it, the spec prefixes (`poly:`, `dln:`, `quad:`,
/// `sum:`, `mlp:`, `oracle:`) starting with it, and the entries of the folder it names (the
/// current folder without a `/`) that start with its last path component and are folders
/// (offered with a trailing `/`) or end in `.npy` or `.json`. Hidden entries are offered only
/// when the prefix starts with a dot. At most ``maximumFileCandidates`` files are listed.
///
/// Cost: one directory listing; no landscape is built.
public enum LandscapeCompletion {
  /// The spec forms a LANDSCAPE argument accepts besides zoo ids and files.
  public static let specPrefixes = ["poly:", "dln:", "quad:", "sum:", "mlp:", "oracle:"]

  /// The most file and folder candidates offered (a huge folder must not stall the shell).
  public static let maximumFileCandidates = 500

  /// The candidates for the typed `prefix`, zoo ids and spec forms first, then files, each sorted.
  public static func candidates(prefix: String, fileManager: FileManager = .default) -> [String] {
    let ids = Zoo.all.map(\.id).filter { $0.hasPrefix(prefix) }.sorted()
    let specs = specPrefixes.filter { $0.hasPrefix(prefix) }
    if specPrefixes.contains(where: { prefix.hasPrefix($0) }) { return [] }
    return ids + specs + files(prefix: prefix, fileManager: fileManager)
  }

  /// Folders (with a trailing `/`) and `.npy`/`.json` files matching `prefix`.
  static func files(prefix: String, fileManager: FileManager) -> [String] {
    let slash = prefix.lastIndex(of: "/")
    let folderPart = slash.map { String(prefix[...$0]) } ?? ""
    let namePart = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
    let folder = folderPart.isEmpty ? "." : folderPart
    guard let names = try? fileManager.contentsOfDirectory(atPath: folder) else { return [] }
    var out: [String] = []
    for name in names.sorted() where name.hasPrefix(namePart) {
      if name.hasPrefix(".") && !namePart.hasPrefix(".") { continue }
      var isFolder: ObjCBool = false
      guard fileManager.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder) else { continue }
      if isFolder.boolValue {
        out.append(folderPart + name + "/")
      } else if name.hasSuffix(".npy") || name.hasSuffix(".json") {
        out.append(folderPart + name)
      }
      if out.count >= maximumFileCandidates { break }
    }
    return out
  }
}
