/// The kernels `hessian-lab bench` times (``BenchAnalysis``), each on inputs
/// written by `scripts/bench`, which times the NumPy/SciPy twin on the same files.
public enum BenchCase: String, Sendable, Codable, CaseIterable {
  /// `losses(at:)` of a quadratic ½wᵀHw on a batch X (H.npy, X.npy): a positive-definite H by its
  /// Cholesky factor (one triangular product, nd² + 2nd flops), any other H by one gemm (2nd² + 2nd).
  case batchedLoss = "batched-loss"
  /// The dense numerical rank of H.npy: eigenvalues, then the precision-relative threshold.
  case denseRank = "dense-rank"
  /// The same rank of the same H.npy counted by ``InertiaRank`` (two LDLᵀ and a Cholesky; seed 1).
  case inertiaRank = "inertia-rank"
  /// The top 20 eigenvalues of H.npy by ``ExtremeEigenvalues`` (HVPs counted).
  case topEigenvalues = "top-eigenvalues"
  /// The block Krylov rank of a factored quadratic (B.npy, values.npy; HVPs counted).
  case blockRank = "block-rank"
  /// 5000 kept points of the (100, 1) selection sampler on the quadratic of H.npy.
  case covariance
  /// One 1000×1000 matrix product (2n³ flops).
  case dgemm
  /// The block Krylov rank of the deep linear network named in dln.txt (a `dln:` spec; HVPs counted).
  case dlnRank = "dln-rank"
  /// 10⁷ standard normal draws into a new array (``SeededGenerator/normals(_:)``, the
  /// ``NormalStream/zigguratV2`` stream); no input files.
  case normals
}
