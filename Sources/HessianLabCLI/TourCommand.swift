import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab tour`: the whole question on one degenerate landscape, end to end.
struct TourCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tour",
    abstract: "One degenerate landscape end to end: known answers, HVP counting, covariance read-out, LLC bounds and estimates, head to head.",
    discussion: CommandExamples.discussion(
      """
      Non-interactive; 1–2 minutes in a release build (--quick: seconds, smaller seed \
      counts). All randomness comes from the committed seed table, so the text is the \
      same every run except timings and the measured HVP/loss-evaluation ratio. \
      Progress lines go to standard error, only when it is a terminal.
      """, for: "tour")
  )

  @Flag(help: "A short variant with small seed counts (for tests and a first look).")
  var quick = false

  func run() async throws {
    let status = StatusLine.make()
    defer { StatusLine.clear() }
    try await Tour.run(quick: quick, progress: status) { line in
      StatusLine.clear()
      print(line)
    }
  }
}
