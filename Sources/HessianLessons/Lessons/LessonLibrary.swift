import Foundation

/// The lessons folder on disk: its manifest and narratives, and how it is found.
///
/// Search order (the first that holds `manifest.json` wins):
/// 1. the `--lessons PATH` option;
/// 2. the environment variable `HESSIAN_LAB_LESSONS`;
/// 3. `lessons/` in the current directory or any parent (running inside the repository);
/// 4. next to the executable (symlinks resolved): `../share/hessian-lab/lessons`
///    (an installed binary in `PREFIX/bin`), `lessons/`, then `lessons/` in any
///    parent of the executable's folder (a binary under `.build/` of a checkout).
///
/// An explicit option or variable that does not hold a manifest is an error,
/// never silently skipped.
public struct LessonLibrary: Sendable {
  /// The environment variable naming the lessons folder.
  public static let environmentVariable = "HESSIAN_LAB_LESSONS"

  /// The lessons folder.
  public let directory: URL
  /// Its manifest, validated.
  public let manifest: LessonManifest

  /// Loads the folder at `directory`.
  ///
  /// - Throws: ``InputError`` when the manifest is missing or invalid.
  public init(directory: URL) throws(InputError) {
    self.directory = directory
    manifest = try LessonManifest.load(from: directory)
  }

  /// The folder of `entry`.
  public func folder(of entry: LessonManifest.Entry) -> URL {
    directory.appendingPathComponent(entry.directory, isDirectory: true)
  }

  /// The parsed `lesson.md` of `entry`.
  ///
  /// - Throws: ``InputError`` naming the file when it is missing or malformed.
  public func narrative(of entry: LessonManifest.Entry) throws(InputError) -> LessonNarrative {
    let url = folder(of: entry).appendingPathComponent("lesson.md")
    let text: String
    do { text = try String(contentsOf: url, encoding: .utf8) } catch {
      throw InputError.file(path: url.path, problem: "cannot read the narrative of lesson \(entry.number) (\(entry.id))")
    }
    return try LessonNarrative.parse(text, source: url.path)
  }

  /// Finds the lessons folder (see the type's documentation).
  ///
  /// - Parameters:
  ///   - option: the `--lessons` value, if given.
  ///   - environment: the process environment.
  ///   - currentDirectory: where the command runs.
  ///   - executable: the running binary, if known.
  /// - Throws: ``InputError`` when an explicit location lacks a manifest, or
  ///   nothing is found.
  public static func locate(
    option: String?, environment: [String: String], currentDirectory: URL, executable: URL?
  ) throws(InputError) -> URL {
    let fm = FileManager.default
    func holdsManifest(_ url: URL) -> Bool {
      fm.fileExists(atPath: url.appendingPathComponent(LessonManifest.fileName).path)
    }
    if let path = option {
      let url = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
      guard holdsManifest(url) else {
        throw InputError.parameter(.lessons, value: url.path, problem: "\(url.path) holds no \(LessonManifest.fileName)")
      }
      return url
    }
    if let path = environment[environmentVariable], !path.isEmpty {
      let url = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
      guard holdsManifest(url) else {
        throw InputError.environment(variable: environmentVariable, value: url.path, problem: "\(url.path) holds no \(LessonManifest.fileName)")
      }
      return url
    }
    var dir = currentDirectory.standardizedFileURL
    while true {
      let candidate = dir.appendingPathComponent("lessons", isDirectory: true)
      if holdsManifest(candidate) { return candidate }
      let parent = dir.deletingLastPathComponent()
      if parent.path == dir.path { break }
      dir = parent
    }
    if let exe = executable {
      let binDir = exe.resolvingSymlinksInPath().deletingLastPathComponent()
      let installed = binDir.deletingLastPathComponent().appendingPathComponent("share/hessian-lab/lessons", isDirectory: true)
      if holdsManifest(installed) { return installed.standardizedFileURL }
      var d = binDir
      while true {
        let candidate = d.appendingPathComponent("lessons", isDirectory: true)
        if holdsManifest(candidate) { return candidate.standardizedFileURL }
        let parent = d.deletingLastPathComponent()
        if parent.path == d.path { break }
        d = parent
      }
    }
    throw InputError.inconsistent(
      "no lessons folder found (looked for lessons/\(LessonManifest.fileName) here, in parent folders and next to the executable); "
        + "pass \(setting: .lessons, "PATH") or set \(environmentVariable)")
  }

  /// Problems that make the folder inconsistent with the catalog of compiled
  /// programs: a manifest entry without a program (or the reverse), a folder
  /// without `lesson.md`, a stray `NN-…` folder. Empty when consistent.
  public func problems(programs: [any LessonProgram]) -> [String] {
    var out: [String] = []
    for e in manifest.lessons {
      if !programs.contains(where: { $0.number == e.number && $0.id == e.id }) {
        out.append("lesson \(e.number) (\(e.id)) has no program in LessonCatalog")
      }
      do { _ = try narrative(of: e) } catch { out.append(error.description) }
    }
    for p in programs where !manifest.lessons.contains(where: { $0.number == p.number && $0.id == p.id }) {
      out.append("program \(p.number) (\(p.id)) has no manifest entry")
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    let expected = Set(manifest.lessons.map(\.directory))
    for name in names.sorted() where name.first?.isNumber == true && !expected.contains(name) {
      out.append("folder \(name) is not in the manifest (folders are named NN-id)")
    }
    return out
  }
}
