import ArgumentParser
import Foundation
import HessianLab

/// Entry point with HessianLab's exit-status contract: 0 success, 1 a failed
/// verification, 2 bad input or usage (argument-parser's default for usage
/// errors would be 64). Every error is one line on standard error.
@main
enum Main {
  static func main() async {
    do {
      var command = try HessianLabCommand.parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let error as InputError {
      fail("hessian-lab: error: \(error.message)", status: 2)
    } catch let error as VerificationFailure {
      fail("hessian-lab: verification failed: \(error.message)", status: 1)
    } catch let error as ExitCode {
      exit(error.rawValue)
    } catch {
      let code = HessianLabCommand.exitCode(for: error)
      if code == .success {
        HessianLabCommand.exit(withError: error)  // --help, --version
      }
      let message = HessianLabCommand.message(for: error)
      let oneLine = message.split(separator: "\n").first.map(String.init) ?? "\(error)"
      fail("hessian-lab: error: \(oneLine)", status: 2)
    }
  }

  static func fail(_ line: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((line + "\n").utf8))
    exit(status)
  }
}
