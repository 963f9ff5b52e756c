import Foundation
import Testing
import TestSupport

/// Every command on a real `oracle:` input: `Tests/Fixtures/oracles/trust_oracle.py` (standard-library
/// Python) serves ½Σhᵢ(wᵢ − cᵢ)² with h = (3, 1, 0.5, 0, 0, 0), optionally with a defect.
@Suite("Commands on an oracle: trust checks, capabilities, honest wording, schema")
struct OracleCommandTests {
  static func spec(_ arguments: String = "") -> String {
    "oracle:python3 Tests/Fixtures/oracles/trust_oracle.py" + (arguments.isEmpty ? "" : " " + arguments)
  }

  static let commands: [[String]] = [
    ["rank", spec(), "--method", "block", "--seed", "1"],
    ["rank", spec(), "--seed", "1"],
    ["spectrum", spec(), "--top", "2", "--seed", "1"],
    ["covariance", spec(), "--population", "5", "--kept", "30", "--diagnostic-kept", "10", "--seed", "1"],
    ["covariance", spec(), "--population", "5", "--kept", "20", "--plan", "--seed", "1"],
    ["covariance", spec(), "--route", "cma", "--evaluations", "300", "--seed", "1"],
    ["llc", spec(), "--method", "bounds", "--seed", "1"],
    ["describe", spec("--capabilities loss")],
    ["compare", spec(), "--method", "dense", "--method", "block", "--confidence", "0.8", "--risk", "0.2"],
    ["compare", spec(), "--method", "block", "--method", "cma", "--confidence", "0.8", "--risk", "0.2"],
  ]

  @Test("text and --json: exit 0, the trust checks and their cost, no 'exact' or 'theorem', the schema", arguments: commands)
  func commandOnOracle(_ arguments: [String]) throws {
    let text = try CommandRunner.run(arguments)
    #expect(text.status == 0, "\(text.standardError)")
    #expect(text.standardOutput.contains("trust checks of the oracle ("), "\(text.standardOutput)")
    let json = try CommandRunner.run(arguments + ["--json"])
    #expect(json.status == 0, "\(json.standardError)")
    for output in [text.standardOutput, json.standardOutput] {
      #expect(!output.lowercased().contains("exact") && !output.lowercased().contains("theorem"), "\(output)")
    }
    let schema = arguments.contains("--plan") ? "covariance-plan" : arguments.contains("--route") ? "covariance-cma" : arguments[0]
    let errors = SchemaValidator(root: try JSONSchemaTests.loadSchema(schema)).errors(in: try JSONValue.parse(Data(json.standardOutput.utf8)))
    #expect(errors.isEmpty, "\(errors)")
  }

  @Test("the rank's report states the checks' cost: 9 HVPs, 0 losses, 13 gradients")
  func costPrinted() throws {
    let r = try CommandRunner.run(["rank", Self.spec(), "--method", "block", "--seed", "1"])
    #expect(r.standardOutput.contains("trust checks of the oracle (9 HVPs, 0 loss evaluations, 13 gradients):"), "\(r.standardOutput)")
    #expect(r.standardOutput.contains("rank 3 of d = 6"), "\(r.standardOutput)")
  }

  @Test(
    "a broken oracle is refused with one line naming the check; --ignore-oracle-checks runs it with a typed warning",
    arguments: [("asymmetric", "symmetry"), ("nonlinear", "linearity"), ("gradient", "gradientConsistency")])
  func brokenOracleRefused(_ defect: String, _ check: String) throws {
    let spec = Self.spec("--defect \(defect)")
    let refused = try CommandRunner.run(["rank", spec, "--method", "block", "--seed", "1"])
    #expect(refused.status == 2)
    let lines = refused.standardError.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].contains(spec) && lines[0].contains("failed the \(check) check: measured "), "\(refused.standardError)")
    #expect(refused.standardOutput.isEmpty)
    let accepted = try CommandRunner.run(["rank", spec, "--method", "block", "--seed", "1", "--ignore-oracle-checks", "--json"])
    #expect(accepted.status == 0, "\(accepted.standardError)")
    #expect(accepted.standardOutput.contains("\"oracleCheckFailed\""))
  }

  @Test("w* off the critical point warns (notACriticalPoint) and runs")
  func offCentreWarns() throws {
    let r = try CommandRunner.run(["rank", Self.spec("--defect offcentre"), "--method", "block", "--seed", "1", "--json"])
    #expect(r.status == 0, "\(r.standardError)")
    #expect(r.standardOutput.contains("\"notACriticalPoint\""))
  }

  @Test("a command needing a capability the oracle lacks is refused up front, naming both")
  func missingCapability() throws {
    let r = try CommandRunner.run(["rank", Self.spec("--capabilities loss"), "--seed", "1"])
    #expect(r.status == 2)
    #expect(r.standardError.contains("rank needs the oracle capability 'hvp', which this oracle does not offer (it offers: loss)"), "\(r.standardError)")
    let c = try CommandRunner.run(["covariance", Self.spec("--capabilities hvp"), "--population", "4", "--kept", "20", "--seed", "1"])
    #expect(c.status == 2 && c.standardError.contains("covariance needs the oracle capability 'loss'"), "\(c.standardError)")
  }

  @Test("two oracle processes give the same JSON as one (timing removed)")
  func processesDoNotChangeTheResult() throws {
    func run(_ n: String) throws -> String {
      let r = try CommandRunner.run(["spectrum", Self.spec(), "--top", "2", "--seed", "3", "--json", "--oracle-processes", n])
      #expect(r.status == 0, "\(r.standardError)")
      return r.standardOutput.split(separator: "\n").filter { !$0.contains("\"seconds\"") }.joined(separator: "\n")
    }
    #expect(try run("1") == run("2"))
  }

  /// Every command, with the oracle failing at its (k+1)-th request: k = 3…5 lands both inside the
  /// trust checks and inside the estimators (spectrum's Lanczos, rank's block, the covariance
  /// sampler, the volume LLC), so each place an oracle failure can surface is provoked.
  static let midRunCommands: [[String]] = [
    ["rank", "--method", "block"], ["rank", "--method", "lanczos"], ["spectrum", "--top", "2"],
    ["spectrum", "--density", "--probes", "2"],
    ["covariance", "--population", "5", "--kept", "30", "--diagnostic-kept", "10"],
    ["llc", "--method", "volume"],
  ]

  @Test("an oracle failing mid-run: one line naming the spec typed, exit 2, no output", arguments: midRunCommands, 3...5)
  func failureMidRunNamesTheSpec(_ command: [String], _ k: Int) throws {
    let spec = "oracle:python3 Tests/Fixtures/oracles/quadratic.py nan-after:\(k)"
    let r = try CommandRunner.run([command[0], spec] + command.dropFirst() + ["--seed", "1"])
    #expect(r.status == 2, "\(r.standardOutput)")
    let lines = r.standardError.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("hessian-lab: error: \(spec): ") && lines[0].contains("NaN in the reply"), "\(r.standardError)")
    #expect(r.standardOutput.isEmpty, "\(r.standardOutput)")
  }
}
