import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab lesson`: guided lessons in which every claim is computed live
/// and checked (models: rustlings, ziglings, Exercism). The work is
/// ``LessonSession``'s; the subcommands are in `LessonSubcommands.swift`.
struct LessonCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "Guided lessons: Hessian rank, the covariance–Hessian relation and the learning coefficient, computed live.",
    discussion: CommandExamples.discussion(
      """
      Lessons live in lessons/NN-topic/ (narrative lesson.md) with lessons/manifest.json. \
      They are found with --lessons, $\(LessonLibrary.environmentVariable), ./lessons (or a parent's) \
      or next to the binary. Progress is kept in $\(LessonStateStore.environmentVariable), \
      $XDG_CONFIG_HOME/hessian-lab or ~/.config/hessian-lab (\(LessonStateStore.fileName)). \
      Colours only on a terminal; NO_COLOR turns them off.
      """, for: "lesson"),
    subcommands: [List.self, Start.self, Next.self, Hint.self, Check.self, Reset.self]
  )

  /// Plays `entry` (printing as it goes), then prints the closing line.
  static func play(_ entry: LessonManifest.Entry, location: LessonLocationOptions, nonInteractive: Bool, seed: UInt64?) async throws {
    let runner = LessonRunner(
      style: location.style, console: StandardConsole(), mode: nonInteractive ? .nonInteractive : .interactive)
    print(try await location.session().play(entry, runner: runner, seed: seed))
  }
}

/// Options shared by every `lesson` subcommand.
struct LessonLocationOptions: ParsableArguments {
  @Option(name: .customLong("lessons"), help: "The lessons folder (default: $HESSIAN_LAB_LESSONS, ./lessons or next to the binary).")
  var lessons: String?

  @OptionGroup var quietOption: QuietOption

  /// The lesson library found from `--lessons`, the environment, the working
  /// directory or the binary's folder, with the progress store of the environment.
  func session() throws -> LessonSession {
    let env = ProcessInfo.processInfo.environment
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    let exe = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let dir = try LessonLibrary.locate(option: lessons, environment: env, currentDirectory: cwd, executable: exe)
    return LessonSession(library: try LessonLibrary(directory: dir), store: try store)
  }

  /// The progress store of the environment; an unusable `$HESSIAN_LAB_STATE_DIR` is refused.
  var store: LessonStateStore {
    get throws(InputError) { try LessonStateStore.located(environment: ProcessInfo.processInfo.environment) }
  }

  /// Colour and wrap width for standard output (the terminal's width when it is one).
  var style: TerminalStyle {
    var size = winsize()
    let isTerminal = isatty(STDOUT_FILENO) != 0
    let columns = isTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : nil
    return TerminalStyle.detect(environment: ProcessInfo.processInfo.environment, isTerminal: isTerminal, columns: columns)
  }
}

/// Prints to standard output and reads answers from standard input.
final class StandardConsole: LessonConsole {
  func line(_ text: String) { Quiet.note(text) }
  func prompt(_ text: String) {
    print(text, terminator: "")
    fflush(nil)
  }
  func readAnswer() -> String? { Swift.readLine(strippingNewline: true) }
}
