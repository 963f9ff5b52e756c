import ArgumentParser
import Foundation
import HessianLab

/// `--symmetrize`, shared by every command whose LANDSCAPE may be a `.npy` Hessian: an
/// asymmetric matrix is replaced by (H + Hᵀ)/2 instead of refused
/// (``HessianSymmetrization``), and the run reports ‖H − Hᵀ‖_F/‖H‖_F: in the text as one
/// line after the report (kept under `--quiet`: it changes what the result is about), and
/// in `--json` as `symmetrizedAsymmetry` (``Versioned``; `null` when nothing was symmetrized).
/// Without the flag, the asymmetry error suggests it.
struct SymmetrizeOption: ParsableArguments {
  @Flag(help: "A .npy Hessian that is not symmetric: use (H + Hᵀ)/2 instead of refusing it, and report ‖H − Hᵀ‖_F/‖H‖_F.")
  var symmetrize = false

  /// Runs `body` with the choice set for the files it reads, then prints the text line
  /// when a matrix was symmetrized and the output is text.
  func run<T>(json: Bool, _ body: () async throws -> T) async throws -> T {
    let choice: HessianSymmetrization = symmetrize ? .symmetrize(HessianSymmetrization.Record()) : .refuse
    return try await HessianSymmetrization.$current.withValue(choice) {
      let result = try await body()
      if !json, let value = Self.measured {
        print(Self.line(value))
      }
      return result
    }
  }

  /// The largest ‖H − Hᵀ‖_F/‖H‖_F symmetrized in this task; nil when none was.
  static var measured: Double? {
    if case .symmetrize(let record)? = HessianSymmetrization.current { record.largest } else { nil }
  }

  /// The text line stating the symmetrization.
  static func line(_ value: Double) -> String {
    "symmetrized: the .npy Hessian was not symmetric, ‖H − Hᵀ‖_F/‖H‖_F = \(String(format: "%.3g", value)); (H + Hᵀ)/2 was used"
  }
}
