/// `hessian-lab landscapes` as one library call: every entry of the ``Zoo``
/// with its d, rank, λ and m. Builds each landscape (no loss evaluations, no HVPs).
public enum LandscapesAnalysis {
  /// The zoo, in ``Zoo/all`` order.
  ///
  /// - Throws: ``InputError`` when an entry's spec does not build (a bug of the zoo).
  public static func run() throws -> LandscapesReport {
    var rows: [LandscapesReport.Row] = []
    for entry in Zoo.all {
      let l = try entry.make()
      let k = l.knownAnswers
      rows.append(
        LandscapesReport.Row(
          id: entry.id, spec: entry.spec, summary: entry.summary, dimension: l.dimension, rank: k.rank.value,
          learningCoefficient: k.learningCoefficient.value?.description, multiplicity: k.multiplicity.value,
          provenance: k.learningCoefficient.provenance))
    }
    return LandscapesReport(landscapes: rows)
  }
}
