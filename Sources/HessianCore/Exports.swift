// Core sees the bridge's dense linear algebra (Matrix, BLAS, SymmetricEigen, Distributions).
@_exported import GSLBridge
