import ArgumentParser
import HessianLab

/// `--reorthogonalization` of `rank`: the library's ``Reorthogonalization`` cases by their raw values.
extension Reorthogonalization: ExpressibleByArgument {}
