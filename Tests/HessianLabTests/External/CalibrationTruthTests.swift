import Testing

import HessianLab
@testable import HessianVerification
@testable import HessianZoo

@Suite("CalibrationTruth: only independently known answers")
struct CalibrationTruthTests {
  @Test("The default landscapes have theorem λ and known ranks (dln:4-3-5:rank=2: λ = 8, rank 14)")
  func defaults() throws {
    for spec in CalibrationOptions.defaultLandscapes {
      let l = try LandscapeSpec.resolve(spec)
      #expect(try CalibrationTruth.of(.llc, on: l).provenance == .theorem, "\(spec)")
      _ = try CalibrationTruth.of(.rank, on: l)
    }
    let dln = try LandscapeSpec.resolve("dln:4-3-5:rank=2")
    #expect(try CalibrationTruth.of(.llc, on: dln).value == 8)
    #expect(try CalibrationTruth.of(.rank, on: dln).exact == "14")
  }

  @Test("An unknown λ is refused with the landscape's reason")
  func unknown() throws {
    #expect(throws: InputError.self) { try CalibrationTruth.of(.llc, on: try LandscapeSpec.resolve("poly-degenerate")) }
    do {
      _ = try CalibrationTruth.of(.llc, on: try LandscapeSpec.resolve("poly-degenerate"))
    } catch {
      #expect(error.description.contains("its learning coefficient λ is not known"))
    }
  }
}
