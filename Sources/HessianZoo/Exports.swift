// The zoo is built on the core (operators, oracles, estimators, .npy I/O).
@_exported import HessianCore
