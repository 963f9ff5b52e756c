import ArgumentParser
import Dispatch
import Foundation
import HessianLab

/// Entry point with HessianLab's exit-status contract: 0 success, 1 a failed
/// verification, 2 bad input or usage (argument-parser's default for usage
/// errors would be 64), 128 + signal when interrupted (130 SIGINT, 143 SIGTERM, 129
/// SIGHUP, 131 SIGQUIT). Every error is one line on standard error
/// (``OneLine/sanitized(_:)``: control characters escaped, over-long echoes shortened). Output files are staged by the command and put in
/// place only after it succeeded and its standard output was written in full
/// (``OutputFile``); otherwise every output is left as it was.
@main
enum Main {
  static func main() async {
    BLASKernels.relaunchWithPreferredKernelsIfNeeded()
    let interrupts = installInterruptHandlers()
    defer { interrupts.forEach { $0.cancel() } }
    do {
      let arguments = joiningNegativeNumbers(Array(CommandLine.arguments.dropFirst()))
      try HelpTopic.check(arguments)
      try WorkBudget.checkEnvironment()
      try MemoryBudget.checkEnvironment()
      var command = try HessianLabCommand.parseAsRoot(arguments)
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      try finishOutputs()
    } catch let error as InputError {
      fail("hessian-lab: error: \(error.commandLineMessage)", status: 2)
    } catch let error as UsageError {
      fail("hessian-lab: error: \(error.message)", status: 2)
    } catch let error as VerificationFailure {
      fail("hessian-lab: verification failed: \(error.message)", status: 1)
    } catch let error as ExitCode {
      OutputFile.discard()
      exit(error.rawValue)
    } catch {
      let code = HessianLabCommand.exitCode(for: error)
      if code == .success {  // --help, --version: printed here so a failed write is caught too
        print(HessianLabCommand.fullMessage(for: error))
        if let reason = StandardOutput.flushFailure() {
          fail("hessian-lab: error: standard output: cannot write (\(reason))", status: 2)
        }
        exit(0)
      }
      let oneLine = ParserMessage.firstLineWithChoices(HessianLabCommand.message(for: error)) ?? "\(error)"
      fail("hessian-lab: error: \(negativePositional(oneLine) ?? oneLine)", status: 2)
    }
  }

  /// Ends a successful run: standard output is flushed and checked (a full disk or a
  /// closed descriptor is an error, not a silent loss), then the staged output files
  /// are put in place together.
  static func finishOutputs() throws(UsageError) {
    if let reason = StandardOutput.flushFailure() {
      throw UsageError("standard output: cannot write (\(reason)); no output file was changed")
    }
    try OutputFile.commit()
  }

  /// Prints `line` (made one sanitized line of bounded length) on standard error and
  /// exits with `status`, after removing every staged output file.
  static func fail(_ line: String, status: Int32) -> Never {
    // A stopping signal's handler is exiting (128 + signal): an error it caused must not win.
    if interrupting.withLock({ $0 }) { while true { pause() } }
    OutputFile.discard()
    FileHandle.standardError.write(Data((OneLine.sanitized(line) + "\n").utf8))
    exit(status)
  }

  /// Set once a stopping signal is handled (``fail(_:status:)`` then leaves the exit to the handler).
  static let interrupting = Locked(false)

  /// argument-parser reads a negative number given as a positional argument
  /// (`lesson start -1`) as an unknown short option; say what is really wrong.
  static func negativePositional(_ line: String) -> String? {
    let prefix = "Unknown option '", suffix = "'"
    guard line.hasPrefix(prefix), line.hasSuffix(suffix) else { return nil }
    let token = String(line.dropFirst(prefix.count).dropLast(suffix.count))
    guard isNegativeNumber(token) else { return nil }
    return "argument '\(token)': a negative number is not valid here"
  }

  /// `--kept -5` → `--kept=-5`: argument-parser reads a token starting with `-` as an
  /// option, so a negative number after a long option would be reported as a missing
  /// value instead of reaching the option's own check.
  static func joiningNegativeNumbers(_ arguments: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      if a == "--" {
        out += arguments[i...]
        break
      }
      if a.hasPrefix("--"), a.count > 2, !a.contains("="), i + 1 < arguments.count,
        isNegativeNumber(arguments[i + 1])
      {
        out.append(a + "=" + arguments[i + 1])
        i += 2
        continue
      }
      out.append(a)
      i += 1
    }
    return out
  }

  static func isNegativeNumber(_ token: String) -> Bool {
    guard token.hasPrefix("-"), token.count > 1 else { return false }
    let rest = token.dropFirst()
    guard let first = rest.first, first.isNumber || first == "." || rest.lowercased().hasPrefix("inf") || rest.lowercased() == "nan"
    else { return false }
    return Double(token) != nil || token.contains(",")
  }
}
