import Foundation
import HessianLab
import Testing
import TestSupport

/// The JSON of every report on an oracle against `docs/schema/` — built here in process, from an
/// in-process oracle (the quadratic ½wᵀHw with H = diag(3, 1, 0, 0, 0, 0) at 0), with the
/// `schemaVersion` the command line adds. The command-line runs on `oracle:` inputs are in
/// `OracleCommandTests`.
@Suite("Reports on an oracle match docs/schema")
struct OracleSchemaTests {
  static func oracle(_ capabilities: Set<OracleCapability> = Set(OracleCapability.allCases)) -> InProcessModelOracle {
    let h: [Double] = [3, 1, 0, 0, 0, 0]
    let d = h.count
    let hvp: @Sendable (Matrix) throws -> Matrix = { v in
      Matrix(rows: d, columns: v.columns, elements: (0..<d * v.columns).map { h[$0 / v.columns] * v.elements[$0] })
    }
    let losses: @Sendable (Matrix) throws -> [Double] = { p in
      (0..<p.rows).map { r in (0..<d).reduce(0) { $0 + 0.5 * h[$1] * p[r, $1] * p[r, $1] } }
    }
    let gradients: @Sendable (Matrix) throws -> Matrix = { p in
      Matrix(rows: p.rows, columns: d, elements: (0..<p.rows * d).map { h[$0 % d] * p.elements[$0] })
    }
    return InProcessModelOracle(
      name: "oracle:schema", point: [Double](repeating: 0, count: d), hvp: capabilities.contains(.hvp) ? hvp : nil,
      losses: capabilities.contains(.loss) ? losses : nil, gradients: capabilities.contains(.gradient) ? gradients : nil)
  }

  /// `report`'s JSON with `schemaVersion`, validated against `schema`; returns the errors.
  static func errors(_ report: some Encodable, _ schema: String) throws -> [String] {
    guard case .object(var object) = try JSONValue.parse(try JSONEncoder().encode(report)) else { return ["not an object"] }
    object["schemaVersion"] = .number(3)
    let root = try JSONSchemaTests.loadSchema(schema)
    // The envelope the CLI adds around every report (`Versioned`): the normal stream and the
    // symmetrization measure, where the schema has them.
    if case .object(let properties)? = root["properties"] {
      if properties["normalStream"] != nil { object["normalStream"] = .string(NormalStream.current.rawValue) }
      if properties["symmetrizedAsymmetry"] != nil { object["symmetrizedAsymmetry"] = .null }
    }
    var errors = SchemaValidator(root: root).errors(in: .object(object))
    if case .object(let properties)? = root["properties"] {
      errors += Set(object.keys).subtracting(properties.keys).sorted().map { "undocumented key \($0)" }
    }
    return errors
  }

  @Test("rank, spectrum, covariance, plan, llc, describe and compare on an oracle validate")
  func oracleReportsValidate() async throws {
    let subject = AnalysisSubject(oracle: Self.oracle())
    #expect(try Self.errors(RankAnalysis.run(subject, options: .init(method: .block, seed: 1)), "rank") == [])
    #expect(try Self.errors(SpectrumAnalysis.run(subject, options: .init(mode: .density, probes: 3, seed: 1)), "spectrum") == [])
    let cov = CovarianceAnalysis.Options(population: 5, kept: 30, diagnosticKept: 10, hessianComparison: .knownOrExactProducts, seed: 1)
    #expect(try await Self.errors(CovarianceAnalysis.run(subject, options: cov), "covariance") == [])
    #expect(try await Self.errors(CovarianceAnalysis.plan(subject, options: cov), "covariance-plan") == [])
    var llc = LLCAnalysis.Options(seed: 1)
    llc.method = .bounds
    #expect(try Self.errors(LLCAnalysis.run(subject, options: llc), "llc") == [])
    let lossOnly = AnalysisSubject(oracle: Self.oracle([.loss]))
    #expect(try Self.errors(LLCAnalysis.run(lossOnly, options: llc), "llc") == [])
    #expect(try Self.errors(DescribeAnalysis.run(lossOnly), "describe") == [])
    var compare = CompareAnalysis.Options()
    compare.configuration.confidence = 0.8
    compare.configuration.risk = 0.2
    compare.configuration.methods = [.dense, .block]
    #expect(try await Self.errors(CompareAnalysis.run(subjects: [subject], options: compare), "compare") == [])
  }

  @Test("the oracle layout is checked: an llc report on an oracle without its trust checks does not validate")
  func schemaCanFail() throws {
    var llc = LLCAnalysis.Options(seed: 1)
    llc.method = .bounds
    guard case let .oracle(report) = try LLCAnalysis.run(AnalysisSubject(oracle: Self.oracle()), options: llc) else {
      Issue.record("not an oracle report")
      return
    }
    guard case .object(var object) = try JSONValue.parse(try JSONEncoder().encode(report)) else { return }
    object["schemaVersion"] = .number(3)
    object["trustChecks"] = nil
    #expect(!SchemaValidator(root: try JSONSchemaTests.loadSchema("llc")).errors(in: .object(object)).isEmpty)
  }
}
