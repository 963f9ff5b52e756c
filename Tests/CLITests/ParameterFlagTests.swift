import Foundation
import HessianLab
import Testing
import TestSupport

@testable import hessian_lab

@Suite("Library parameters map to the flags a user types")
struct ParameterFlagTests {
  /// The help texts that list every option a user can type.
  static let helpCommands: [[String]] = [
    ["rank"], ["spectrum"], ["covariance"], ["llc"], ["compare"], ["verify"], ["reproduce"], ["bench"],
    ["lesson", "start"], ["lesson", "hint"], ["describe"], ["tour"], ["check"],
  ]

  @Test("Every parameter's flag is an option some command's --help lists")
  func everyParameterHasAFlag() throws {
    var help = ""
    for command in Self.helpCommands {
      let r = try CommandRunner.run(command + ["--help"])
      #expect(r.status == 0, "\(command): \(r.standardError)")
      help += r.standardOutput + "\n"
    }
    let listed = Set(help.matches(of: try Regex(#"--[a-z][a-z0-9-]*"#)).map { String(help[$0.range]) })
    for p in InputError.Parameter.allCases {
      #expect(listed.contains(p.flag), "\(p) → \(p.flag) is not an option of any command")
    }
    let flags = InputError.Parameter.allCases.map(\.flag)
    #expect(Set(flags).count == flags.count, "two parameters share a flag")
  }

  @Test("The tool prints a library error with the user's flags and the library's problem text")
  func rendering() {
    let e = InputError.parameter(.kept, value: "3", problem: "the \(.plan) pilot needs more; try \(setting: .kept, 12)")
    #expect(e.commandLineMessage == "--kept: the --plan pilot needs more; try --kept 12")
  }
}
