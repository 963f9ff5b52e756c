import Foundation
import HessianLab
@testable import HessianCore
@testable import HessianLessons
@testable import HessianVerification
@testable import HessianZoo

/// Small prescribed-spectrum quadratics shared by the Krylov tests (math notes
/// §5.2–5.5 use the same spectra).
enum KrylovFixtures {
  /// Counts products independently of ``HessianOperator/applicationCount``.
  final class Counter: @unchecked Sendable { var count = 0 }

  static func quadratic(_ name: String, _ eigenvalues: [Double], d: Int, seed: UInt64 = 11) throws -> QuadraticLandscape {
    try QuadraticLandscape.withSpectrum(
      name: name, nonzeroEigenvalues: eigenvalues, dimension: d, basis: .randomOrthonormal(seed: seed))
  }

  /// An operator that hides its matrix (so the dense reference pays d HVPs) and
  /// counts its products in `counter` as well.
  static func countedOperator(_ landscape: some Landscape, counter: Counter) -> HessianOperator {
    HessianOperator(dimension: landscape.dimension, name: landscape.name) { x, y in
      counter.count += 1
      landscape.hessianVectorProduct(at: landscape.minimum, x, into: &y)
    }
  }

  /// The named rank cases: (name, nonzero spectrum, d).
  static let rankCases: [(String, [Double], Int)] = [
    ("distinct-1..20", (1...20).map(Double.init), 200),
    ("all-equal-rank-20", [Double](repeating: 1, count: 20), 200),
    ("four-quintuplets", [1, 2, 3, 4].flatMap { [Double](repeating: $0, count: 5) }, 200),
    ("tiny-1e0..1e-9", (0..<10).map { pow10(-Double($0)) }, 100),
    ("exact-multiplet-7", [Double](repeating: 3, count: 7) + [10, 20], 60),
  ]

  static func pow10(_ e: Double) -> Double { pow(10, e) }
}
