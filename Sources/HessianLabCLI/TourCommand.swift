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
      Non-interactive; most of the time goes to the head-to-head and the d-sweep, and the \
      tour prints its own running time at the end (--quick: smaller seed counts and \
      sweep). All randomness comes from the committed seed table, so the text is the \
      same every run except timings and the measured HVP/loss-evaluation ratio. \
      Progress lines go to standard error, only when it is a terminal.
      """, for: "tour")
  )

  @Flag(help: "A short variant with small seed counts (for tests and a first look).")
  var quick = false

  @Flag(name: .long, help: "Print one JSON object at the end: the same text split into its sections (docs/schema/tour.schema.json).")
  var json = false

  @OptionGroup var quietOption: QuietOption

  func run() async throws {
    let status = StatusLine.make()
    defer { StatusLine.clear() }
    var transcript = TourTranscript(quick: quick)
    try await Tour.run(quick: quick, progress: status) { line in
      if json || Quiet.isOn { return transcript.append(line) }
      StatusLine.clear()
      print(line)
    }
    if json {
      print(try JSONOutput.string(Versioned(base: transcript)))
    } else if Quiet.isOn {  // results only: the verdict section
      for line in transcript.sections.last?.lines ?? [] { print(line) }
    }
  }
}
