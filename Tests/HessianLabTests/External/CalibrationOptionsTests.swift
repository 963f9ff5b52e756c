import Testing

import HessianLab
@testable import HessianVerification

@Suite("CalibrationOptions: settings, the Bonferroni split and the run seeds")
struct CalibrationOptionsTests {
  @Test("p = P / (landscapes × tests): 0.01 over 5 × 2 is 0.001; a rank has one test")
  func split() {
    var o = CalibrationOptions(command: "x", quantity: .llc, masterSeed: 1)
    #expect(o.perTestFalseFailureProbability == 0.001)
    o.quantity = .rank
    #expect(abs(o.perTestFalseFailureProbability - 0.002) < 1e-15)
  }

  @Test("Run seeds are 32-bit, reproducible and distinct")
  func seeds() {
    var all = Set<UInt64>()
    for i in 0..<5 {
      for j in 0..<200 {
        let s = CalibrationOptions.runSeed(master: 7, landscape: i, run: j)
        #expect(s < 1 << 32)
        #expect(s == CalibrationOptions.runSeed(master: 7, landscape: i, run: j))
        all.insert(s)
      }
    }
    #expect(all.count == 1000)
    #expect(CalibrationOptions.runSeed(master: 7, landscape: 0, run: 0) != CalibrationOptions.runSeed(master: 8, landscape: 0, run: 0))
  }

  @Test("The run count is checked before anything runs")
  func ceiling() {
    var o = CalibrationOptions(command: "x", quantity: .llc, seeds: 2000, masterSeed: 1)
    #expect(throws: Never.self) { try o.validate() }
    o.seeds = 2001
    #expect(throws: InputError.self) { try o.validate() }
    o.seeds = Int.max
    #expect(throws: InputError.self) { try o.validate() }
  }
}
