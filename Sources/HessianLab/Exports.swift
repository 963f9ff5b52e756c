// The public library: every layer, re-exported, so `import HessianLab` gives the whole API.
// The dense linear-algebra types (Matrix, SymmetricEigen, BLAS, Distributions) are part of it.
@_exported import GSLBridge
@_exported import HessianCore
@_exported import HessianLessons
@_exported import HessianVerification
@_exported import HessianZoo
