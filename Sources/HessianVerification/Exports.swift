// Verification and comparison run the core's estimators on the zoo's landscapes.
@_exported import HessianZoo
