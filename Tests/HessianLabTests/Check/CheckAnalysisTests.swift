import Foundation
import HessianLab
import Testing

@testable import HessianCore
@testable import HessianVerification
@testable import HessianZoo

@Suite("CheckAnalysis: an external estimate judged on a landscape spec")
struct CheckAnalysisTests {
  @Test("λ + 0.3 with SE 0.05 on dln-3-2-3 (λ = 7/2) fails; the truth with the same SE passes")
  func wrongAndRight() throws {
    let wrong = try CheckAnalysis.run("dln-3-2-3", quantity: .llc, value: "3.8", standardError: "0.05")
    #expect(wrong.judgement.verdict == .fail)
    #expect(wrong.failure?.message.contains("|z| = 6 > 2.576 at α = 0.01") == true)
    let right = try CheckAnalysis.run("dln-3-2-3", quantity: .llc, value: "3.5", standardError: "0.05")
    #expect(right.judgement.verdict == .pass && right.failure == nil)
  }

  @Test("an oracle: input has no known answers: refused naming the spec, before anything starts")
  func oracleRefused() {
    do {
      _ = try CheckAnalysis.run("oracle:python3 model.py", quantity: .llc, estimates: [1], standardErrors: nil)
      Issue.record("not refused")
    } catch {
      guard case let .spec(spec, problem) = error else { Issue.record("\(error)"); return }
      #expect(spec == "oracle:python3 model.py")
      #expect(problem.description.hasPrefix("an external oracle has no known answers"))
    }
  }

  @Test("the covariance scale with its selection; the selection is dropped for other quantities")
  func covariance() throws {
    let options = CheckOptions(selection: CovarianceSelection(population: 10, sigma: 0.5))
    // H = 2I (d = 2), λ = 10, σ = 0.5: c = σ²h/λ = 0.05 exactly (notes §1.3, d = 2).
    let r = try CheckAnalysis.run("quad:2,2:d=2", quantity: .covarianceScale, estimates: [0.051], standardErrors: [0.002], options: options)
    #expect(r.selection?.population == 10 && r.judgement.verdict == .pass)
    let other = try CheckAnalysis.run("quad:2,2:d=2", quantity: .rank, estimates: [2], standardErrors: nil, options: options)
    #expect(other.selection == nil)
  }

  @Test("a list value for a scalar quantity is refused on the estimate")
  func listForScalar() {
    #expect(throws: InputError.self) { try CheckAnalysis.run("nc-x2", quantity: .llc, value: "0.5,0.5", standardError: nil) }
  }
}
