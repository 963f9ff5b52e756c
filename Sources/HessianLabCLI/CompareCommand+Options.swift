import HessianLab

extension CompareCommand {
  /// The parsed flags as the library's options (validated; the sweep's dimensions parsed).
  func analysisOptions() throws -> CompareAnalysis.Options {
    var options = CompareAnalysis.Options()
    options.configuration.confidence = confidence
    options.configuration.risk = risk
    options.configuration.seeds = seeds
    if !methods.isEmpty { options.configuration.methods = methods }
    options.configuration.population = population
    options.configuration.sigma = sigma
    options.configuration.keptCapFactor = keptCapFactor
    options.configuration.slqProbeCap = slqProbeCap
    options.configuration.cmaCapFactor = cmaCapFactor
    options.configuration.conversion = conversion
    options.configuration.seedRoot = seed
    options.configuration.hvp = hvp
    options.configuration.loss = loss
    options.rankFraction = rankFraction
    try options.configuration.validate()
    options.sweepDimensions = try sweep.map { s throws(InputError) in try DimensionSweep.parseDimensions(s) }
    return options
  }
}
