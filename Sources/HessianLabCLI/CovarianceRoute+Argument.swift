import ArgumentParser
import HessianLab

/// `--route selection|cma`: the library's choice, spelled by its raw value.
extension CovarianceRoute: ExpressibleByArgument {}
