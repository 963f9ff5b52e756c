import Foundation
import Testing
import HessianLab
import TestSupport
@testable import HessianCore
@testable import HessianVerification

/// The three covariance–Hessian figures (`reproduce covariance-hessian --svg`, minutes in a
/// debug build, so checked here on a result of the real shape): every text inside the viewBox
/// in the default and in extreme layouts, legends included.
@Suite("ReproductionSVG: the covariance–Hessian figures")
struct ReproductionSVGTests {
  /// A result with the full grid (4 λ × 5 condition numbers, measureID from the notes' sim K),
  /// the κ table for d = 1, 2, 5, 10, 20 and a d = 20, r = 5 degenerate case.
  static let result: CovarianceHessianReproduction = {
    var cells: [CovarianceHessianReproduction.MeasureCell] = []
    for (i, lambda) in CovarianceHessianReproduction.lambdas.enumerated() {
      for (j, c) in CovarianceHessianReproduction.conditions.enumerated() {
        let m = CovarianceHessianReproduction.simKMeasureID[i][j]
        cells.append(.init(lambda: lambda, condition: c, kept: 20_000, measureID: m, measureCE: m / 2, noiseFloor: 0.06, simK: m))
      }
    }
    var rows: [CovarianceHessianReproduction.KappaRow] = []
    for d in [1, 2, 5, 10, 20] {
      for lambda in [2, 10, 100, 1000, 10_000] {
        let exact: Double = pow(Double(lambda), -2.0 / Double(d))
        rows.append(.init(dimension: d, lambda: lambda, exact: exact, asymptotic: exact * 1.1, monteCarlo: nil))
      }
    }
    let eigenvalues: [Double] = (0..<20).map { (i: Int) -> Double in
      let x = Double(i)
      return i < 5 ? 0.1 + 0.001 * x : 0.8 + 0.02 * x
    }
    return CovarianceHessianReproduction(
      quick: true, seed: 2020, measureCells: cells, kappaRows: rows,
      degenerate: .init(
        dimension: 20, hessianRank: 5, lambda: 100, kept: 2000, eigenvalues: eigenvalues, threshold: 0.81,
        readoutRank: 5, nullInterval: [0.82, 1.19], predictedRangeVariance: 0.1),
      lossEvaluations: 1)
  }()

  @Test(
    "each figure keeps its text inside the viewBox in every layout",
    arguments: [SVGLayout.standard, SVGLayout(width: 200, height: 150, fontSize: 48), SVGLayout(width: 2000, height: 1200, fontSize: 6)])
  func insideViewBox(layout: SVGLayout) throws {
    let figures = Self.result.plotModels()
    #expect(figures.count == 3)
    for (name, plot) in figures {
      let svg = SVGPlot.render(plot, layout: layout)
      #expect(SVGTextBounds.outside(svg).isEmpty, "\(name) \(layout): \(SVGTextBounds.outside(svg).prefix(3))")
      #expect(plot.series.allSatisfy { !$0.name.isEmpty })
    }
    #expect(Self.result.svgPlots()["covariance-hessian-kappa.svg"]?.contains("d = 20 asymptote") == true)
  }
}
