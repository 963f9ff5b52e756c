import ArgumentParser
import HessianLab

/// The options of an `oracle:COMMAND` input, shared by rank, spectrum, covariance, llc, compare
/// and describe: how many oracle processes, how long to wait, and whether a failed trust check
/// refuses the run. Given with a landscape input they are refused (one line): they would do nothing.
struct OracleOptions: ParsableArguments {
  @Option(
    name: .customLong("oracle-processes"),
    help: ArgumentHelp(
      "oracle: inputs: start N copies of the command (1…64) and split each block across them (default 1).", valueName: "n"))
  var processes: Int?

  @Option(
    name: .customLong("oracle-timeout"),
    help: ArgumentHelp(
      "oracle: inputs: the longest wait, in seconds, for the handshake or any one reply (default 300).", valueName: "seconds"))
  var timeout: Double?

  @Flag(
    name: .customLong("ignore-oracle-checks"),
    help: "oracle: inputs: run even when the oracle fails a trust check (symmetry, linearity, gradient consistency); the failure becomes a warning.")
  var ignoreChecks = false

  /// The most processes `--oracle-processes` accepts.
  static let processLimit = 64

  func validate() throws {
    if let n = processes, !(1...Self.processLimit).contains(n) {
      throw UsageError("--oracle-processes: \(n) must be between 1 and \(Self.processLimit)")
    }
    if let t = timeout, !(t.isFinite && t > 0) {
      throw UsageError("--oracle-timeout: \(t) must be a positive, finite number of seconds")
    }
  }

  /// The library settings; refuses an oracle option given with inputs none of which is `oracle:`.
  func settings(for inputs: [String]) throws -> SubjectSpec.OracleSettings {
    if !inputs.contains(where: SubjectSpec.isOracle) {
      let given = [processes.map { _ in "--oracle-processes" }, timeout.map { _ in "--oracle-timeout" }, ignoreChecks ? "--ignore-oracle-checks" : nil]
      if let flag = given.compactMap({ $0 }).first {
        throw UsageError("\(flag): applies only to an oracle:COMMAND input, not to \(inputs.first ?? "no input")")
      }
    }
    var s = SubjectSpec.OracleSettings()
    if let n = processes { s.processes = n }
    if let t = timeout { s.timeoutSeconds = t }
    s.trustPolicy = ignoreChecks ? .warn : .refuse
    return s
  }
}

extension AnalysisSubject {
  /// Runs `body` on the subject, then shuts its oracle processes down, on success and on error
  /// alike. (Not a `defer` in the caller: Swift 6.3 miscompiles a `defer` releasing this value
  /// in some async functions, a crash at the end of `spectrum`.)
  func whileOpen<T>(_ body: (AnalysisSubject) async throws -> T) async throws -> T {
    do {
      let value = try await body(self)
      shutdown()
      return value
    } catch {
      shutdown()
      throw error
    }
  }
}
