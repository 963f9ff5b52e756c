import ArgumentParser
import HessianLab

/// `--estimate auto|second-moment|mean-centred`: the library's choice, spelled by its raw value.
extension CovarianceEstimateChoice: ExpressibleByArgument {}
