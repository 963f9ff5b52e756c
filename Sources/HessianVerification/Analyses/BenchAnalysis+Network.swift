import Foundation

extension BenchAnalysis {
  /// `bench dln-rank`: the block Krylov rank (``BlockKrylovRank``) of the deep linear network
  /// whose `dln:` spec is the text of `specFile`, at its canonical minimum; HVP-bound (each HVP
  /// about 12M layer products). The checksum is the rank.
  ///
  /// - Throws: ``InputError`` naming the file when it cannot be read or is not a `dln:` spec.
  static func networkRank(specFile: String, repetitions: Int) throws -> BenchReport {
    let text: String
    do { text = try String(contentsOfFile: specFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) } catch {
      throw InputError.file(path: specFile, problem: "cannot be read (\(error.localizedDescription))")
    }
    guard text.hasPrefix("dln:") else { throw InputError.file(path: specFile, problem: "expected a dln: spec, got '\(text)'") }
    let landscape = try DeepLinearNetworkLandscape(spec: text)
    let op = HessianOperator(landscape: landscape)
    var rank = 0
    var hvps = 0
    let times = time(repetitions) {
      var rng = SeededGenerator(seed: 1)
      let before = op.applicationCount
      rank = (try? BlockKrylovRank.rank(of: op, using: &rng).rank) ?? -1
      hvps = op.applicationCount - before
    }
    return BenchReport(case: BenchCase.dlnRank.rawValue, seconds: times, flops: nil, checksum: Double(rank), hessianVectorProducts: hvps)
  }
}
