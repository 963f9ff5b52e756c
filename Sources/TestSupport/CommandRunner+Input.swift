import Foundation

extension CommandRunner {
  /// Runs `hessian-lab arguments…` with `input` piped into its standard input (closed after
  /// the last byte), like `cat FILE | hessian-lab …`. A process that exits before reading all
  /// of `input` is not an error here (the write stops at the broken pipe).
  public static func run(
    _ arguments: [String], input: Data, in directory: URL = Repository.root, environment: [String: String] = [:]
  ) throws -> CommandResult {
    let (process, out, err) = prepare(executable, arguments, in: directory, environment: environment)
    let stdin = Pipe()
    process.standardInput = stdin
    signal(SIGPIPE, SIG_IGN)  // a refusal before the payload closes the pipe early
    try process.run()
    let writer = stdin.fileHandleForWriting
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      try? writer.write(contentsOf: input)
      try? writer.close()
      done.signal()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    done.wait()
    return CommandResult(
      status: process.terminationStatus,
      standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }
}
