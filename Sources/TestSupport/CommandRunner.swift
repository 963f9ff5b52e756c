import Foundation
import HessianLab

/// Runs the built `hessian-lab` executable and captures its output.
public struct CommandResult: Sendable {
  public let status: Int32
  public let standardOutput: String
  public let standardError: String
}

public enum CommandRunner {
  /// The `hessian-lab` binary next to the test bundle (SwiftPM builds it because
  /// the CLI test target depends on the executable target).
  public static var executable: URL {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("hessian-lab")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL.appendingPathComponent("hessian-lab")
  }

  /// Runs `hessian-lab arguments…` in `directory` (default: the repository root)
  /// with extra environment variables, and waits for it.
  public static func run(
    _ arguments: [String], in directory: URL = Repository.root, environment: [String: String] = [:]
  ) throws -> CommandResult {
    try runProgram(executable, arguments, in: directory, environment: environment)
  }

  /// Runs any program with `arguments` in `directory` and waits for it.
  public static func runProgram(
    _ program: URL, _ arguments: [String], in directory: URL = Repository.root,
    environment: [String: String] = [:]
  ) throws -> CommandResult {
    try launch(program, arguments, in: directory, environment: environment)
  }

  /// How a test stops a running process.
  public enum StopSignal: Sendable, CaseIterable, CustomStringConvertible {
    /// SIGINT (`Process.interrupt()`), as Ctrl-C in a terminal.
    case interrupt
    /// SIGTERM (`Process.terminate()`), as `kill PID` or a job scheduler.
    case terminate
    /// SIGHUP, as a closed terminal or SSH session.
    case hangup
    /// SIGQUIT, as Ctrl-\ in a terminal.
    case quit

    /// The signal's number.
    public var number: Int32 {
      switch self {
      case .interrupt: SIGINT
      case .terminate: SIGTERM
      case .hangup: SIGHUP
      case .quit: SIGQUIT
      }
    }

    public var description: String {
      switch self {
      case .interrupt: "SIGINT"
      case .terminate: "SIGTERM"
      case .hangup: "SIGHUP"
      case .quit: "SIGQUIT"
      }
    }
    /// The status the tool promises for it: 128 + the signal number.
    public var expectedStatus: Int32 { 128 + number }
  }

  /// Starts `hessian-lab arguments…`, sends it `signal` after `delay` seconds, and
  /// waits for it to exit.
  public static func runInterrupted(
    _ arguments: [String], after delay: Double, signal: StopSignal = .interrupt,
    in directory: URL = Repository.root
  ) throws -> CommandResult {
    try launch(executable, arguments, in: directory, environment: [:], stop: (delay, signal))
  }

  /// Runs `hessian-lab arguments…` without ``sameKernels``: OpenBLAS (and the tool's own
  /// correction, ``BLASKernels``) choose the kernel set as for a user.
  public static func runWithOwnKernelChoice(_ arguments: [String]) throws -> CommandResult {
    try launch(executable, arguments, in: Repository.root, environment: [:], pinKernels: false)
  }

  /// `OPENBLAS_CORETYPE` set to the kernel set this test process runs, unless the environment
  /// already names one: a child then rounds exactly as the library does in the test, so a test
  /// may compare the tool's numbers with the library's bit for bit (the tool would otherwise
  /// replace a fallback set that the test process keeps; ``BLASKernels``).
  public static var sameKernels: [String: String] {
    ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil ? ["OPENBLAS_CORETYPE": BLASKernels.coreName] : [:]
  }

  /// A process for `program arguments…` in `directory`, with the inherited environment plus
  /// `NO_COLOR=1`, ``sameKernels`` (unless `pinKernels` is false) and `environment`, its
  /// standard output and error on new pipes (not started).
  static func prepare(
    _ program: URL, _ arguments: [String], in directory: URL, environment: [String: String],
    pinKernels: Bool = true
  ) -> (process: Process, out: Pipe, err: Pipe) {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    if pinKernels { for (k, v) in sameKernels { env[k] = v } }
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    return (process, out, err)
  }

  /// Starts `program` with `NO_COLOR=1`, ``sameKernels`` (unless `pinKernels` is false) and `environment`, optionally sends it a
  /// signal after a delay, and collects its output.
  private static func launch(
    _ program: URL, _ arguments: [String], in directory: URL, environment: [String: String],
    stop: (delay: Double, signal: StopSignal)? = nil, pinKernels: Bool = true
  ) throws -> CommandResult {
    let (process, out, err) = prepare(program, arguments, in: directory, environment: environment, pinKernels: pinKernels)
    try process.run()
    if let stop {
      Thread.sleep(forTimeInterval: stop.delay)
      switch stop.signal {
      case .interrupt: process.interrupt()
      case .terminate: process.terminate()
      case .hangup, .quit: kill(process.processIdentifier, stop.signal.number)
      }
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus,
      standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }

  /// `--json` output with every timing line removed: pretty-printed lines whose key
  /// mentions seconds (`seconds`, `medianSeconds`, `secondsPerRun`, …). What remains
  /// must be byte-identical for the same seed and input.
  public static func withoutTiming(_ json: String) -> String {
    json.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { line in
        guard let key = line.split(separator: "\"", maxSplits: 2, omittingEmptySubsequences: false).dropFirst().first
        else { return true }
        let lower = key.lowercased()
        return !(lower.contains("seconds") || lower.contains("timing"))
      }
      .joined(separator: "\n")
  }

  /// Decodes standard output as one JSON object.
  public static func json(_ result: CommandResult) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    guard let dict = object as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
    return dict
  }
}
