import ArgumentParser
import Foundation
import HessianLab

/// `hessian-lab compare`: the head-to-head — the cost of an exact Hessian rank
/// with a stated probability, by every HVP method and by the covariance
/// read-out, in HVPs, loss evaluations and one common unit.
struct CompareCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Which route is cheaper: raise each rank method's budget until it is exact with the requested probability.",
    discussion: CommandExamples.discussion(
      """
      For each landscape and method (dense, lanczos, block, slq, covariance; cma when named) \
      the budget doubles (Lanczos steps 1…d, range-finder test vectors 1…16, SLQ probes \
      1…2048, kept points 2d…64d at λ = 100, σ = 1; for cma, CMA-ES loss evaluations \
      2λd…256λd at its default λ = 4 + ⌊3 ln d⌋, σ₀ = σ, a run with a read-out warning \
      counting as wrong) until the method returns the exact rank on \
      enough independent seeds: with the defaults (--confidence 0.95 --risk 0.05) all 59 \
      seeds of a budget must be exact, so that the one-sided Clopper–Pearson lower bound \
      on P(exact) is ≥ 0.95 (risk 0.05 per budget level). A budget is abandoned after \
      10 seeds once it has too many wrong ranks; its error count is reported. Costs are \
      counted (not formulas); the common unit is the loss evaluation, with one HVP charged \
      a stated 10 loss evaluations (a gradient costs at most about 5 loss evaluations by \
      reverse-mode differentiation, Griewank & Walther 2008; an HVP about 2 gradients, \
      Pearlmutter 1994), so the headline factor is the same on every run. The HVP's time in \
      loss evaluations on that landscape is measured too and printed beside it with its own \
      verdict (JSON keys timing*; it varies between runs; --conversion measured puts it in \
      the headline). With cma the verdict names the cheapest method of each family (HVP \
      counting, (1,λ), CMA) and the ratios between the best of each (JSON key families); cma \
      is skipped on a full-rank landscape, whose rank its read-out cannot confirm. Seeds come \
      from the committed seed table unless --seed is given. Default runs \
      take seconds on the zoo's small landscapes; --sweep d=10,30,100,300,1000 adds quadratics \
      of a fixed rank fraction (slower: budgets above 4·10⁶ loss evaluations or 4·10⁵ HVPs \
      per run are not tried and count as over the cap).
      """, for: "compare")
  )

  @Argument(help: "Zoo ids, fixture .json files, poly:/dln:/quad:/sum: specs, or oracle:COMMAND (needs hvp; the covariance route also loss; runs are judged against a dense reference through the oracle).", completion: .landscape)
  var landscapes: [String] = []

  @Option(help: "The probability with which a method must return the exact rank.")
  var confidence: Double = 0.95

  @Option(help: "Risk that a budget is reported as reaching the confidence although it does not (per budget level).")
  var risk: Double = 0.05

  @Option(help: "Seeds per budget (default: the minimum that can establish the confidence, 59 for 0.95/0.05).")
  var seeds: Int?

  @Option(name: .customLong("method"), help: "A method to compare (repeatable; default all but cma).")
  var methods: [ComparedMethod] = []

  @Option(help: "Covariance route: population λ.")
  var population: Int = 100

  @Option(help: "Covariance route: sampling σ (also σ₀ of cma).")
  var sigma: Double = 1

  @Option(help: "Covariance route: kept points double from 2d up to this factor × d.")
  var keptCapFactor: Int = 64

  @Option(help: "CMA route: loss evaluations double from 2λd up to this factor × λd.")
  var cmaCapFactor: Int = 256

  @Option(help: "SLQ: largest number of probes tried.")
  var slqProbeCap: Int = 2048

  @Option(
    help: "Headline cost of an HVP in loss evaluations: theoretical (the stated 10, reproducible) or measured (timed on the landscape, varies between runs); the timed one is always printed beside it.")
  var conversion: CostConversion = .theoretical

  @Option(help: "Root seed (default: the committed seed table).")
  var seed: UInt64?

  @Option(help: HVPErrorModel.help, transform: HVPErrorModel.parse)
  var hvp: HVPErrorModel = .exact

  @Option(help: LossErrorModel.help, transform: LossErrorModel.parse)
  var loss: LossErrorModel = .exact

  @Option(help: "Dimension sweep over quadratics of a fixed rank fraction, e.g. d=10,30,100,300,1000.")
  var sweep: String?

  @Option(help: "Sweep: rank r = round(fraction · d).")
  var rankFraction: Double = 0.1

  @Flag(help: "Print one JSON object instead of the report.")
  var json = false

  @Option(help: "Write an SVG plot (the sweep's log-log cost plot, or the per-method costs).")
  var svg: String?

  func validate() throws {
    if let path = svg { try OutputFile.check(path, option: "--svg") }
    try figure.check(svg: svg)
  }

  @OptionGroup var figure: FigureOptions
  @OptionGroup var quietOption: QuietOption

  @OptionGroup var ceilings: BudgetOptions

  @OptionGroup var oracleOptions: OracleOptions

  @OptionGroup var symmetrizeOption: SymmetrizeOption

  func run() async throws {
    try await symmetrizeOption.run(json: json) { try await ceilings.run { try await runWithinBudget() } }
  }

  /// The command's work, run with the ceilings of `--allow-long`.
  func runWithinBudget() async throws {
    if landscapes.isEmpty && sweep == nil {
      throw UsageError("compare: give at least one landscape or --sweep d=N,N,…")
    }
    let options = try analysisOptions()
    let settings = try oracleOptions.settings(for: landscapes)
    var resolved: [AnalysisSubject] = []
    let report: CompareReport
    do {
      for text in landscapes { resolved.append(try SubjectSpec.resolve(text, oracle: settings)) }
      report = try await CompareAnalysis.run(subjects: resolved, options: options, progress: StatusLine.make())
      for s in resolved { s.shutdown() }
    } catch {
      for s in resolved { s.shutdown() }  // not a defer: see AnalysisSubject.whileOpen
      throw error
    }
    StatusLine.clear()
    if let path = svg { try OutputFile.write(figure.render(report.plot), to: path, option: "--svg") }
    if json {
      print(try JSONOutput.string(Versioned(base: report, normals: .reported(.current))))
    } else {
      print(
        Quiet.isOn
          ? Quiet.withoutPlot(report.text, TerminalPlot.render(report.plot)) : report.text + (svg.map { "\n\nwrote \($0)" } ?? ""))
    }
  }
}

extension ComparedMethod: ExpressibleByArgument {}
extension CostConversion: ExpressibleByArgument {}
