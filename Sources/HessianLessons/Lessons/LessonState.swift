import Foundation

/// A learner's progress through the lessons, kept in a small JSON file
/// (`lessons-state.json`) in the user's configuration folder.
///
/// Folder: `$HESSIAN_LAB_STATE_DIR` when set (tests point it at a temporary
/// folder), else `$XDG_CONFIG_HOME/hessian-lab/`, else `~/.config/hessian-lab/`
/// (the XDG Base Directory default). Lessons are keyed by id, so renumbering
/// the course keeps progress.
public struct LessonState: Sendable, Codable, Equatable {
  /// The format this code reads and writes.
  public static let currentFormatVersion = 1

  /// The format version of this state (``currentFormatVersion`` for a new one); ``LessonStateStore/load()``
  /// refuses a file with a newer one.
  public var formatVersion: Int = LessonState.currentFormatVersion
  /// The id of the lesson last started (the one `hint` and `check` apply to).
  public var current: String?
  /// Progress per lesson id.
  public var lessons: [String: Progress] = [:]

  /// Progress in one lesson.
  public struct Progress: Sendable, Codable, Equatable {
    /// Runs to the end (every step shown).
    public var runs = 0
    /// Whether the last run's checks all passed.
    public var checksPassed = false
    /// Predictions answered right / asked, over all runs.
    public var predictionsRight = 0
    /// Predictions asked, over all runs (the denominator of ``predictionsRight``).
    public var predictionsAsked = 0
    /// Hints revealed so far.
    public var hintsShown = 0
    /// Whether the exercise was solved.
    public var exercisePassed = false
    /// The seed of this learner's exercise instance (``LessonExercise/drawn``), drawn once
    /// from system entropy when the lesson is first started, hinted or checked; `nil` before.
    public var instanceSeed: UInt64?

    /// No progress: no runs, no hints shown, nothing passed.
    public init() {}

    /// Done: a run with passing checks and a solved exercise.
    public var isDone: Bool { checksPassed && exercisePassed }
  }

  /// A fresh state: no current lesson and no progress.
  public init() {}

  /// Progress of lesson `id` (empty when never started).
  public func progress(_ id: String) -> Progress { lessons[id] ?? Progress() }
}

/// Reads and writes ``LessonState`` at a fixed location.
public struct LessonStateStore: Sendable {
  /// The environment variable that overrides the state folder.
  public static let environmentVariable = "HESSIAN_LAB_STATE_DIR"
  /// The state file's name.
  public static let fileName = "lessons-state.json"

  /// The state file.
  public let url: URL

  /// A store for the state file at `url` (``init(environment:)`` finds the standard location).
  public init(url: URL) { self.url = url }

  /// The store at the standard location for `environment` (see ``LessonState``).
  public init(environment: [String: String]) {
    let folder: URL
    if let dir = environment[Self.environmentVariable], !dir.isEmpty {
      folder = URL(fileURLWithPath: dir, isDirectory: true)
    } else if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      folder = URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("hessian-lab", isDirectory: true)
    } else {
      let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        ?? FileManager.default.homeDirectoryForCurrentUser
      folder = home.appendingPathComponent(".config/hessian-lab", isDirectory: true)
    }
    url = folder.appendingPathComponent(Self.fileName)
  }

  /// ``init(environment:)`` after checking `$HESSIAN_LAB_STATE_DIR` when it is set: an
  /// empty value is refused (rather than silently falling back to the default folder),
  /// and so is a folder that exists as a file or whose parent folder does not exist
  /// (the tool creates the state folder itself, never a whole tree of folders).
  ///
  /// - Throws: ``InputError/environment(variable:value:problem:)`` naming the variable.
  public static func located(environment: [String: String]) throws(InputError) -> LessonStateStore {
    if let dir = environment[environmentVariable] {
      func refuse(_ problem: InputError.Phrase) -> InputError {
        .environment(variable: environmentVariable, value: dir, problem: problem)
      }
      guard !dir.isEmpty else {
        throw refuse("is set but empty; unset it for the default folder or give the folder for lesson progress")
      }
      let folder = URL(fileURLWithPath: dir, isDirectory: true)
      var info = stat()
      if stat(folder.path, &info) == 0 {
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw refuse("\(dir) is not a folder") }
      } else {
        let parent = folder.deletingLastPathComponent().path
        guard stat(parent, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
          throw refuse("the folder \(parent) does not exist (only the last folder of \(dir) is created)")
        }
      }
    }
    return LessonStateStore(environment: environment)
  }

  /// The saved state, or a fresh one when there is no file yet.
  ///
  /// - Throws: ``InputError`` when the file exists but cannot be read.
  public func load() throws(InputError) -> LessonState {
    var info = stat()
    guard lstat(url.path, &info) == 0 else { return LessonState() }
    do {
      let data: Data
      do { data = try ReadableFile.read(url.path) } catch {
        throw InputError.file(path: url.path, problem: "cannot read lesson progress (\(error.reason))")
      }
      let state = try JSONDecoder().decode(LessonState.self, from: data)
      guard state.formatVersion <= LessonState.currentFormatVersion else {
        throw InputError.file(path: url.path, problem: "state formatVersion \(state.formatVersion) is newer than this hessian-lab reads")
      }
      for (id, p) in state.lessons.sorted(by: { $0.key < $1.key }) {
        for (field, value) in [("runs", p.runs), ("predictionsRight", p.predictionsRight),
                               ("predictionsAsked", p.predictionsAsked), ("hintsShown", p.hintsShown)] where value < 0 {
          throw InputError.file(
            path: url.path, problem: "\"\(field)\" of lesson '\(id)' is \(value), a count must not be negative; run `hessian-lab lesson reset` to start over")
        }
      }
      return state
    } catch let error as InputError {
      throw error
    } catch {
      throw InputError.file(path: url.path, problem: "unreadable lesson progress; run `hessian-lab lesson reset` to start over")
    }
  }

  /// Writes `state` atomically (``AtomicFile``: a temporary file renamed into place, so a
  /// kill at any moment leaves the previous state or the new one), creating the folder.
  ///
  /// - Throws: ``InputError`` naming the path when it cannot be written.
  public func save(_ state: LessonState) throws(InputError) {
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try AtomicFile.write(encoder.encode(state), to: url)
    } catch let AtomicFile.Failure.unwritable(_, reason) {
      throw InputError.file(path: url.path, problem: "cannot save lesson progress (\(reason))")
    } catch {
      throw InputError.file(path: url.path, problem: "cannot save lesson progress (\(AtomicFile.reason(for: error)))")
    }
  }

  /// Deletes the state file (no error when it is absent).
  public func remove() throws(InputError) {
    guard FileManager.default.fileExists(atPath: url.path) else { return }
    do { try FileManager.default.removeItem(at: url) } catch {
      throw InputError.file(path: url.path, problem: "cannot remove lesson progress")
    }
  }
}
