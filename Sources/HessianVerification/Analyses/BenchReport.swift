/// What `bench` prints: one JSON object per invocation (``BenchAnalysis``); every key
/// is always present, `null` where a case does not measure it.
public struct BenchReport: Sendable, Codable, Equatable {
  /// The case's command-line name (``BenchCase`` raw value).
  public var `case`: String
  /// Seconds of each timed run (the warm-up run excluded).
  public var seconds: [Double]
  /// Floating-point operations of one run, when meaningful.
  public var flops: Double?
  /// A value derived from the result, so the work cannot be optimised away and
  /// the twin's answer can be compared.
  public var checksum: Double
  /// Computed values, for comparing accuracy with the twin.
  public var values: [Double]? = nil
  /// HVPs of one run, where the kernel applies an operator.
  public var hessianVectorProducts: Int? = nil
  /// Seconds of each timed run of the plain `gemm` inside the kernel at the kernel's own shape
  /// (batched loss: the n × d points times the d × d H), timed alternately with the kernel in
  /// the same process: the machine's rate for the work the kernel cannot avoid.
  public var gemmSeconds: [Double]? = nil
  /// The OpenBLAS kernel set the run used (``BLASKernels/coreName``), e.g. `SkylakeX`.
  public var blasCore: String = BLASKernels.coreName

  /// A report from its fields.
  public init(
    case: String, seconds: [Double], flops: Double?, checksum: Double, values: [Double]? = nil,
    hessianVectorProducts: Int? = nil
  ) {
    self.case = `case`
    self.seconds = seconds
    self.flops = flops
    self.checksum = checksum
    self.values = values
    self.hessianVectorProducts = hessianVectorProducts
  }

  private enum CodingKeys: String, CodingKey { case `case`, seconds, flops, checksum, values, hessianVectorProducts, gemmSeconds, blasCore }

  /// Encodes every key, the ones a case does not measure as `null`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(`case`, forKey: .`case`)
    try c.encode(seconds, forKey: .seconds)
    try c.encode(flops, forKey: .flops)
    try c.encode(checksum, forKey: .checksum)
    try c.encode(values, forKey: .values)
    try c.encode(hessianVectorProducts, forKey: .hessianVectorProducts)
    try c.encode(gemmSeconds, forKey: .gemmSeconds)
    try c.encode(blasCore, forKey: .blasCore)
  }
}
