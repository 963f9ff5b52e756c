import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore

/// `hessian-lab serve LANDSCAPE` end to end: every zoo landscape served by the built binary and
/// read back through the protocol client (``ExternalOracle``) equals the built-in landscape, and
/// its HELLO's `known` object is `describe --json` (without `schemaVersion`).
@Suite("hessian-lab serve")
struct ServeCommandTests {
  /// The shell command that serves `spec`, on the test process's BLAS kernels
  /// (``CommandRunner/sameKernels``: a trained landscape's centre is then the same bits).
  static func command(_ spec: String) -> String {
    let kernels = CommandRunner.sameKernels.map { "\($0.key)=\($0.value) " }.joined()
    return "\(kernels)'\(CommandRunner.executable.path)' serve '\(spec)'"
  }

  /// Runs `hessian-lab serve spec` with `input` on its standard input; returns its exit status,
  /// the frames on its standard output and its standard error.
  static func run(_ spec: String, input: [UInt8]) throws -> (status: Int32, frames: [OracleFrame], error: String) {
    let process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = ["serve", spec]
    process.currentDirectoryURL = Repository.root
    process.environment = ProcessInfo.processInfo.environment.merging(CommandRunner.sameKernels) { $1 }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    (process.standardInput, process.standardOutput, process.standardError) = (stdin, stdout, stderr)
    try process.run()
    let writer = Thread {
      try? stdin.fileHandleForWriting.write(contentsOf: Data(input))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, try frames(in: [UInt8](out)), String(decoding: err, as: UTF8.self))
  }

  /// The frames of `bytes`; a trailing fragment fails the test.
  static func frames(in bytes: [UInt8]) throws -> [OracleFrame] {
    var out: [OracleFrame] = [], offset = 0
    while offset < bytes.count {
      let header = try OracleFrame.Header.decode(Array(bytes[offset..<min(bytes.count, offset + OracleFrame.headerSize)]))
      let end = offset + OracleFrame.headerSize + header.length
      try #require(end <= bytes.count, "a truncated frame on standard output")
      out.append(OracleFrame(header: header, payload: Array(bytes[(offset + OracleFrame.headerSize)..<end])))
      offset = end
    }
    return out
  }

  /// Normal entries around `center`: rows×columns, scaled by `scale`.
  static func random(rows: Int, columns: Int, center: [Double]? = nil, scale: Double = 1, seed: UInt64) -> Matrix {
    var rng = SeededGenerator(seed: seed)
    var m = Matrix(rows: rows, columns: columns)
    for i in 0..<rows { for j in 0..<columns { m[i, j] = (center?[j] ?? 0) + scale * rng.nextNormal() } }
    return m
  }

  /// max|a − b| ≤ 1e-12·max(1, max|b|): equal to rounding.
  static func close(_ a: [Double], _ b: [Double]) -> Bool {
    guard a.count == b.count else { return false }
    let scale = max(1, b.map(abs).max() ?? 0)
    return zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * scale }
  }

  /// Every zoo id, then specs of each family outside the zoo (the `.npy` files by absolute path,
  /// so the server resolves them wherever it runs).
  static let servedSpecs: [String] = Zoo.all.map(\.id) + [
    "dln:4-3-5:rank=2", "poly:x0^2*x1^4 + x2^2:flat=2", "sum:quad:1,3:d=4|poly:x0^4",
    Repository.path("fixtures/hessians/rank3-d6.npy"), Repository.path("fixtures/hessians/rank4-d8-float32.npy"),
  ]

  @Test("Served losses, gradients and HVPs equal the built-in landscape's", arguments: servedSpecs)
  func roundTrip(_ spec: String) throws {
    let landscape = try LandscapeSpec.resolve(spec)
    let oracle = try ExternalOracle.launch(OracleLaunchOptions(command: Self.command(spec), timeoutSeconds: 120))
    defer { oracle.shutdown() }
    #expect(oracle.name == spec && landscape.name == spec)
    let d = landscape.dimension
    #expect(oracle.dimension == d && oracle.precision == landscape.precision)
    #expect(oracle.center == landscape.minimum)
    #expect(oracle.capabilities == Set(OracleCapability.allCases))
    let seed = UInt64(Self.servedSpecs.firstIndex(of: spec)! + 1)
    let points = Self.random(rows: 4, columns: d, center: landscape.minimum, scale: 0.3, seed: seed)
    let vectors = Self.random(rows: d, columns: 3, seed: seed + 100)
    #expect(Self.close(try oracle.losses(at: points), landscape.losses(at: points)))
    #expect(Self.close(try oracle.gradients(at: points).elements, try landscape.gradients(at: points).elements))
    let product = landscape.hessianProduct(at: landscape.minimum, block: vectors).elements
    #expect(Self.close(try oracle.apply(vectors).elements, product))
    // The check fails on a wrong answer: a product off by one part in 10⁹ is caught.
    #expect(!Self.close(product.map { $0 * (1 + 1e-9) + 1e-9 }, product))
    oracle.shutdown()
    #expect(oracle.processIDs.isEmpty)
  }

  @Test("HELLO's known answers are describe --json's", arguments: Zoo.all.map(\.id) + [
    "dln:4-3-5:rank=2", "poly:(x0 - x1^2)^2", "sum:quad:1,3:d=4|poly:x0^4", "fixtures/hessians/rank3-d6.npy",
    "fixtures/hessians/rank4-d8-float32.npy",
  ])
  func knownAnswers(_ spec: String) throws {
    let served = try Self.run(spec, input: [])  // end of input at once: HELLO, POINT, exit 0
    #expect(served.status == 0 && served.error.isEmpty, "\(served.error)")
    try #require(served.frames.count == 2)
    #expect(served.frames.map(\.header.kind) == [.hello, .point])
    let hello = try #require(try JSONSerialization.jsonObject(with: Data(served.frames[0].payload)) as? [String: Any])
    var describe = try CommandRunner.json(try CommandRunner.run(["describe", spec, "--json"]))
    describe["schemaVersion"] = nil
    describe["toolVersion"] = nil
    describe["symmetrizedAsymmetry"] = nil  // a property of how the CLI read the file, not of the landscape
    let known = try #require(hello["known"] as? [String: Any])
    #expect(NSDictionary(dictionary: known).isEqual(to: describe), "\(known) vs \(describe)")
    #expect(hello["dimension"] as? Int == describe["dimension"] as? Int)
    #expect(served.frames[1].header.columns == describe["dimension"] as? Int)
  }

  @Test("A malformed request: an ERROR frame, one line on standard error naming the landscape, exit 2")
  func malformedRequest() throws {
    let wrongWidth = OracleFrame.array(.hvp, rows: 1, columns: 3, elements: [1, 2, 3]).encoded()
    let served = try Self.run("newton-edge", input: wrongWidth)
    #expect(served.status == 2)
    #expect(served.frames.map(\.header.kind) == [.hello, .point, .error])
    let lines = served.error.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("hessian-lab: error: newton-edge: serving request 1 (HVP of 1×3 float64): 3 columns") == true, "\(served.error)")
  }

  @Test("An unknown landscape: an ERROR frame instead of HELLO, one line naming it, exit 2")
  func unknownLandscape() throws {
    let served = try Self.run("no-such-landscape", input: [])
    #expect(served.status == 2)
    #expect(served.frames.map(\.header.kind) == [.error])
    #expect(served.error.split(separator: "\n").count == 1 && served.error.contains("no-such-landscape"), "\(served.error)")
  }

  @Test("SHUTDOWN ends the server with status 0 and nothing more on standard output")
  func shutdown() throws {
    let served = try Self.run("nc-x2", input: OracleFrame.empty(.shutdown).encoded())
    #expect(served.status == 0 && served.error.isEmpty)
    #expect(served.frames.map(\.header.kind) == [.hello, .point])
  }

  @Test("Block rank through the served oracle equals the built-in run (same seed): rank, eigenvalues to rounding, HVPs up to 15 made ahead",
        arguments: ["quad:3,2,1:d=6", "dln-3-2-3", "newton-x2-plus-yz2", "sum-quad-dln"])
  func blockRankThroughTheServer(_ spec: String) throws {
    let landscape = try LandscapeSpec.resolve(spec)
    let oracle = try ExternalOracle.launch(OracleLaunchOptions(command: Self.command(spec), timeoutSeconds: 120))
    defer { oracle.shutdown() }
    var rngServed = SeededGenerator(seed: 11), rngBuiltIn = SeededGenerator(seed: 11)
    let served = try RankComputation.rank(of: HessianOperator(oracle, name: spec), method: .block, using: &rngServed)
    let builtIn = try RankComputation.rank(of: HessianOperator(productsOnlyOf: landscape), method: .block, using: &rngBuiltIn)
    #expect(served.rank == landscape.knownAnswers.rank.value && served.rank == builtIn.rank)
    // The same test vectors; an external oracle gets them in blocks of up to 16
    // (``ExternalOracle/preferredBlockSize``), so up to 15 products are made ahead and not used.
    #expect(served.hessianVectorProducts >= builtIn.hessianVectorProducts)
    #expect(served.hessianVectorProducts <= builtIn.hessianVectorProducts + 15)
    #expect(Self.close(served.eigenvalues, builtIn.eigenvalues))
  }

  /// Whether the built binary accepts `oracle:` landscape specs (without them, `oracle:exit 3`
  /// is an unknown landscape).
  static let oracleSpecs: Bool = {
    guard let result = try? CommandRunner.run(["describe", "oracle:exit 3", "--json"]) else { return false }
    return !result.standardError.contains("unknown landscape")
  }()

  @Test(
    "rank 'oracle:hessian-lab serve quad:3,2,1:d=6' --method block counts rank 3, as the built-in run does",
    .enabled(if: oracleSpecs, "this hessian-lab has no oracle: landscape specs"))
  func rankThroughTheCommandLine() throws {
    let spec = "quad:3,2,1:d=6"
    // One fixed seed for both runs: unseeded, each run draws its own test vectors, and how many
    // Ritz values a run reports (p = r or more) depends on them.
    let served = try CommandRunner.run(["rank", "oracle:\(Self.command(spec))", "--method", "block", "--seed", "7", "--json"])
    #expect(served.status == 0, "\(served.standardError)")
    let json = try CommandRunner.json(served)
    let builtIn = try CommandRunner.json(try CommandRunner.run(["rank", spec, "--method", "block", "--seed", "7", "--json"]))
    #expect(json["rank"] as? Int == 3 && builtIn["rank"] as? Int == 3)
    let eigenvalues = try #require(json["eigenvalues"] as? [Double]), expected = try #require(builtIn["eigenvalues"] as? [Double])
    #expect(Self.close(eigenvalues.sorted(), expected.sorted()), "\(eigenvalues) vs \(expected)")
  }
}
