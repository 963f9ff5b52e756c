import ArgumentParser
import HessianLab

/// `--quantity llc|rank|top-eigenvalues|covariance-scale`: the library's choice, spelled by its raw value.
extension EstimatedQuantity: ExpressibleByArgument {}
