/// Committed seeds for the statistical checks of the test suite and of
/// `hessian-lab verify`.
///
/// A check draws its seeds from this table by name, so a run is reproducible
/// and a failure names the seed that produced it. The table is fixed: changing
/// a seed to make a check pass is forbidden (CONTRIBUTING.md).
public enum SeedTable {
  /// The base seeds, chosen once (digits of π in groups of eight) and never edited.
  public static let base: [UInt64] = [
    31_415_926, 53_589_793, 23_846_264, 33_832_795, 2_884_197, 16_939_937, 51_058_209, 74_944_592,
    30_781_640, 62_862_089, 98_628_034, 82_534_211, 70_679_821, 48_086_513, 28_230_664, 70_938_446,
  ]

  /// The i-th seed for the check `name`: a child of a base seed chosen by the
  /// name's stable hash (FNV-1a), so different checks get different streams.
  public static func seed(for name: String, index: Int = 0) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in name.utf8 {
      h ^= UInt64(byte)
      h = h &* 0x0000_0100_0000_01B3
    }
    let base = base[Int(h % UInt64(base.count))]
    return SeededGenerator.childSeed(root: base ^ h, index: UInt64(index))
  }
}
