import Foundation
import HessianLab
import Testing

@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

@Suite("KnownSpectrum: the reference spectrum of H at w*")
struct KnownSpectrumTests {
  @Test("descending, d values, zeros included, for a factored Hessian")
  func factored() throws {
    let s = try KnownSpectrum(of: LandscapeSpec.resolve("quad:3,1:d=4:seed=2"))
    #expect(s.descending == [3, 1, 0, 0])
    #expect(s.provenance == .construction)
  }

  @Test("a dense eigendecomposition beyond the flop ceiling is refused before it starts, naming the landscape")
  func flopCeiling() throws {
    // dln:60-60-60:rank=1 has d = 2·60·60 = 7200 and no stored Hessian: 9·d³ = 3.4·10¹² flops > 2·10¹².
    let land = try LandscapeSpec.resolve("dln:60-60-60:rank=1")
    #expect(land.dimension == 7200)
    do {
      _ = try KnownSpectrum(of: land)
      Issue.record("not refused")
    } catch {
      guard case let .spec(name, _) = error else { Issue.record("\(error)"); return }
      #expect(name == "dln:60-60-60:rank=1")
    }
    // Under --allow-long's task-local the same check passes (not run here: it would take minutes).
    #expect(WorkBudget.$allowLong.withValue(true) { WorkBudget.allowLong })
  }
}
