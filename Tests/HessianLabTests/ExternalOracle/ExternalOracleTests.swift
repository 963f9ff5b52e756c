import Foundation
import Testing
import TestSupport

import HessianLab
@testable import HessianCore

/// Whether python3 is on PATH: the external-oracle suites run only then.
enum OraclePython {
  /// python3 is an executable in a PATH folder.
  static let available: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
  }()
  /// Why the suites are skipped otherwise.
  static let skipNote: Comment = "python3 is not on PATH: the external-oracle tests need it"
}

/// The external oracle against `Tests/Fixtures/oracles/quadratic.py` (standard-library Python):
/// correct answers, independence of the process count, and a clean end (no live child).
@Suite("External oracle", .enabled(if: OraclePython.available, OraclePython.skipNote))
struct ExternalOracleTests {
  /// H = diag(h) + u·uᵀ and w* of the fixture (rank 4 at d = 6).
  static let hessian: Matrix = {
    let h: [Double] = [3, 2, 0, 0, 1, 0], u: [Double] = [1, 0, 1, 0, 0, 2]
    var m = Matrix.diagonal(h)
    for i in 0..<6 { for j in 0..<6 { m[i, j] += u[i] * u[j] } }
    return m
  }()
  static let center: [Double] = [0.5, -1, 0, 2, 0, 0.25]

  /// A fresh file for the fixture's process ids.
  static func pidFile() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("oracle-pids-\(UUID().uuidString)").path
  }

  /// The shell command that runs the fixture in `mode`, recording its process ids in `pids`.
  static func command(_ mode: String, pids: String? = nil, exec: Bool = false) -> String {
    let script = Repository.path("Tests/Fixtures/oracles/quadratic.py")
    return (pids.map { "HESSIANLAB_TEST_PIDS='\($0)' " } ?? "") + (exec ? "exec " : "") + "python3 '\(script)' \(mode)"
  }

  /// Every process id the fixture recorded (its shell's and its own), ours excluded.
  static func recordedProcesses(_ file: String) -> [Int32] {
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    return text.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }.filter { $0 != getpid() }
  }

  /// Whether no process `pid` is running: gone (`kill(pid, 0)` → ESRCH), or, for a grandchild
  /// that init has not collected yet, a zombie. Polls up to 2 s for the grandchild case.
  static func isGone(_ pid: Int32, allowZombie: Bool = true) -> Bool {
    for _ in 0..<200 {
      if kill(pid, 0) == -1, errno == ESRCH { return true }
      if allowZombie, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z"
      {
        return true
      }
      usleep(10_000)
    }
    return false
  }

  /// Checks that `oracle`'s children and every recorded process have ended and left the registry.
  static func expectNoChild(pids: [Int32], recorded file: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    let live = Set(OracleProcesses.liveProcessIDs)
    for pid in pids {
      #expect(!live.contains(pid), "pid \(pid) still registered", sourceLocation: sourceLocation)
      #expect(isGone(pid, allowZombie: false), "child \(pid) is still running or unreaped", sourceLocation: sourceLocation)
    }
    let recorded = file.map(recordedProcesses) ?? []
    if file != nil { #expect(!recorded.isEmpty, "the fixture recorded no pid", sourceLocation: sourceLocation) }
    for pid in recorded { #expect(isGone(pid), "process \(pid) outlived the oracle", sourceLocation: sourceLocation) }
  }

  /// A seeded block of `rows`×`columns` normal entries.
  static func block(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var rng = SeededGenerator(seed: seed)
    return Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in rng.nextNormal() })
  }

  @Test("HVPs, losses and gradients match the known quadratic; 1 and 3 processes agree exactly")
  func correctAnswers() throws {
    let file = Self.pidFile()
    var results: [[Double]] = []
    var pids: [Int32] = []
    for processes in [1, 3] {
      let oracle = try ExternalOracle.launch(OracleLaunchOptions(command: Self.command("ok", pids: file), processes: processes))
      #expect(oracle.dimension == 6 && oracle.precision == .float64)
      #expect(oracle.capabilities == [.hvp, .loss, .gradient] && oracle.name == "quadratic test oracle")
      #expect(oracle.center == Self.center)
      #expect(oracle.processIDs.count == processes)
      pids += oracle.processIDs
      let v = Self.block(6, 7, seed: 18)
      let hv = try oracle.apply(v)
      let points = Self.block(5, 6, seed: 19)
      let losses = try oracle.losses(at: points)
      let gradients = try oracle.gradients(at: points)
      let exact = try MatrixOperator(Self.hessian).apply(v)
      for (a, b) in zip(hv.elements, exact.elements) { #expect(abs(a - b) <= 1e-12 * (1 + abs(b))) }
      for i in 0..<5 {
        let x = zip(points.row(i), Self.center).map { $0 - $1 }
        let g = try MatrixOperator(Self.hessian).apply(Matrix(rows: 6, columns: 1, elements: x)).elements
        #expect(abs(losses[i] - 0.5 * zip(x, g).map(*).reduce(0, +)) <= 1e-12 * (1 + abs(losses[i])))
        for j in 0..<6 { #expect(abs(gradients[i, j] - g[j]) <= 1e-12 * (1 + abs(g[j]))) }
      }
      #expect(try oracle.apply(Matrix(rows: 6, columns: 0)).columns == 0)
      #expect(try oracle.apply(Matrix(rows: 6, columns: 2, elements: Array(v.elements[0..<12]))).rows == 6)
      results.append(hv.elements + losses + gradients.elements)
      oracle.shutdown()
      #expect(oracle.processIDs.isEmpty)
      #expect(throws: InputError.oracle(
        command: Self.command("ok", pids: file), request: "hvp request of 7 vectors", problem: "the oracle was shut down",
        lastStandardErrorLine: nil)) { try oracle.apply(v) }
    }
    #expect(results[0] == results[1])
    Self.expectNoChild(pids: pids, recorded: file)
  }

  @Test("Traffic counts requests and bytes exactly (an identity oracle over 2 processes)")
  func traffic() throws {
    let oracle = try ExternalOracle.launch(OracleLaunchOptions(command: Self.command("identity:150"), processes: 2))
    defer { oracle.shutdown() }
    #expect(oracle.traffic == OracleTraffic())
    let v = Self.block(150, 7, seed: 5)
    #expect(try oracle.apply(v) == v)
    let t = oracle.traffic
    #expect(t.requests == 1 && t.bytesSent == 2 * 32 + 7 * 150 * 8 && t.bytesReceived == t.bytesSent)
    #expect(t.codecSeconds > 0 && t.codecSeconds <= t.seconds)
  }

  @Test("float32 replies are widened, and the precision comes from HELLO")
  func float32() throws {
    let oracle = try ExternalOracle.launch(OracleLaunchOptions(command: Self.command("float32")))
    defer { oracle.shutdown() }
    #expect(oracle.precision == .float32)
    let v = Self.block(6, 3, seed: 7)
    let exact = try MatrixOperator(Self.hessian).apply(v)
    for (a, b) in zip(try oracle.apply(v).elements, exact.elements) { #expect(abs(a - b) <= 1e-6 * (1 + abs(b))) }
  }

  @Test("A missing capability and a wrong operand shape are refused before the oracle is asked")
  func capabilitiesAndShapes() throws {
    let oracle = try ExternalOracle.launch(OracleLaunchOptions(command: Self.command("hvp-only")))
    defer { oracle.shutdown() }
    #expect(oracle.capabilities == [.hvp])
    #expect(throws: OracleError.missingCapability(.loss)) { try oracle.losses(at: Matrix(rows: 1, columns: 6)) }
    #expect(throws: OracleError.missingCapability(.gradient)) { try oracle.gradients(at: Matrix(rows: 1, columns: 6)) }
    #expect(throws: OracleError.operandShape(dimension: 6, rows: 5, columns: 2)) { try oracle.apply(Matrix(rows: 5, columns: 2)) }
    #expect(try oracle.apply(Matrix.identity(6)) == Self.hessian)  // still usable after the refusals
  }

  @Test("The child starts with default signal actions (HessianLab's ignored SIGPIPE is not inherited)")
  func signalDispositions() throws {
    let oracle = try ExternalOracle.launch(OracleLaunchOptions(command: Self.command("report-signals")))
    defer { oracle.shutdown() }
    let ignored = try #require(UInt64(oracle.name, radix: 16), "SigIgn mask: \(oracle.name)")
    #expect(ignored & (1 << UInt64(SIGPIPE - 1)) == 0, "the shell ignores SIGPIPE (mask \(oracle.name))")
    #expect(ignored & (1 << UInt64(SIGTERM - 1)) == 0, "the shell ignores SIGTERM (mask \(oracle.name))")
  }

  @Test("Unusable launch options and empty commands are refused before anything starts")
  func options() {
    #expect(throws: InputError.self) { try ExternalOracle.launch(OracleLaunchOptions(command: "true", processes: 0)) }
    #expect(throws: InputError.self) { try ExternalOracle.launch(OracleLaunchOptions(command: "true", timeoutSeconds: 0)) }
    #expect(throws: InputError.self) { try ExternalOracle.launch(OracleLaunchOptions(command: "true", timeoutSeconds: .nan)) }
    #expect(throws: InputError.spec("oracle:  ", problem: OracleSpec.emptyCommandProblem)) {
      try ExternalOracle.launch(OracleLaunchOptions(command: "  "))
    }
  }
}
