// The dense linear-algebra types (Matrix, SymmetricEigen, BLAS, Distributions)
// are part of HessianLab's public API.
@_exported import GSLBridge
