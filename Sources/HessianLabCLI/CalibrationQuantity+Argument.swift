import ArgumentParser
import HessianLab

extension CalibrationQuantity: ExpressibleByArgument {}
