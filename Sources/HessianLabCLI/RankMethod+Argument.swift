import ArgumentParser
import HessianLab

/// `--method` of `rank`: the library's ``RankMethod`` cases by their raw values.
extension RankMethod: ExpressibleByArgument {}
