import Foundation
import Testing
import HessianLab
@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

@Suite("SubjectSpec: one resolution for landscapes and oracle: inputs")
struct SubjectSpecTests {
  @Test("a landscape spec is a landscape subject; oracle:COMMAND goes to the launcher with the settings")
  func resolves() throws {
    let land = try SubjectSpec.resolve("quad-full-rank")
    #expect(!land.isOracle && land.name == "quad-full-rank" && land.knownAnswers != nil)
    let seen = LockedOptions()
    let settings = SubjectSpec.OracleSettings(processes: 3, timeoutSeconds: 7, trustPolicy: .warn)
    let subject = try SubjectSpec.resolve("  oracle:python3 m.py --x", oracle: settings) { options in
      seen.set(options)
      return OracleFixtures.quadratic(name: "m")
    }
    #expect(seen.value == OracleLaunchOptions(command: "python3 m.py --x", processes: 3, timeoutSeconds: 7))
    #expect(subject.isOracle && subject.trustPolicy == .warn && subject.input == "oracle:python3 m.py --x")
    #expect(subject.name == "m" && subject.knownAnswers == nil && subject.capabilities == Set(OracleCapability.allCases))
  }

  @Test("oracle: without a command is refused before anything is started")
  func emptyCommand() {
    let error = #expect(throws: InputError.self) {
      try SubjectSpec.resolve("oracle:  ") { _ in Issue.record("launched"); return OracleFixtures.quadratic() }
    }
    #expect(error?.description.contains("needs a command after 'oracle:'") == true)
    #expect(SubjectSpec.isOracle("\toracle:x") && !SubjectSpec.isOracle("quad:1:d=2"))
  }
}

/// The launch options a test launcher saw.
final class LockedOptions: @unchecked Sendable {
  private let lock = NSLock()
  private var options: OracleLaunchOptions?
  func set(_ o: OracleLaunchOptions) { lock.withLock { options = o } }
  var value: OracleLaunchOptions? { lock.withLock { options } }
}
