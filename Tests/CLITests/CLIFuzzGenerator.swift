import Foundation
import HessianLab
import Testing

/// A file a fuzz case needs in its scratch folder before it runs.
struct FuzzFile: Sendable, Hashable {
  enum Contents: Sendable, Hashable {
    case text(String)
    case directory
  }
  /// Relative to the case's scratch folder (the child's working directory).
  let name: String
  let contents: Contents
}

/// One generated `hessian-lab` invocation: its arguments, the files it reads, and
/// what the generator knows about it.
struct FuzzCase: Sendable, CustomTestStringConvertible {
  /// The root seed of the run and the case's index: together they regenerate the case.
  let rootSeed: UInt64
  let index: Int
  var arguments: [String]
  var files: [FuzzFile]
  /// Every spec and path the case passes (positional or in a file), so a refusal can be
  /// checked to name one of them.
  var names: [String]
  /// Set when the generator built an input the tool must refuse (exit 2); the oracle
  /// then also fails an exit 0.
  var mustRefuse: String?
  /// What the generator put in (edge values, cycles, …), for the known-failing gate.
  var traits: Set<FuzzTrait>

  var json: Bool { arguments.contains("--json") }
  /// Flags the case passes (`--kept` from `--kept=5` or `--kept 5`).
  var flags: [String] {
    arguments.filter { $0.hasPrefix("--") }.map { String($0.split(separator: "=", maxSplits: 1)[0]) }
  }
  /// A shell line that reproduces the case (after creating `files`).
  var commandLine: String { (["hessian-lab"] + arguments).map(FuzzCase.shellQuoted).joined(separator: " ") }
  var testDescription: String {
    let line = commandLine
    return "#\(index) " + (line.count > 160 ? String(line.prefix(160)) + "…" : line)
  }

  static func shellQuoted(_ s: String) -> String {
    let safe = s.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || "-_=:./,+*^|@%".unicodeScalars.contains($0)
    }
    if safe, !s.isEmpty, s.count < 200 { return s }
    let shown = s.count > 200 ? String(s.prefix(40)) + "…(\(s.count) characters)" : s
    return "$'" + shown.unicodeScalars.map { c -> String in
      switch c {
      case "'": "\\'"
      case "\\": "\\\\"
      case "\n": "\\n"
      case "\t": "\\t"
      case "\r": "\\r"
      default: c.value < 0x20 || c.value == 0x7f ? String(format: "\\x%02x", c.value) : String(c)
      }
    }.joined() + "'"
  }
}

/// What a generated case contains, by the fault class of issue 17 it can trigger.
enum FuzzTrait: String, Sendable, Hashable, CaseIterable {
  /// A fixture whose spec leads back to itself (directly, through others or `sum:`).
  case fixtureCycle
  /// A chain of fixtures deeper than any real use.
  case deepFixtureChain
  /// A dimension or size far beyond a cheap case (memory/time budgets, classes 2–3).
  case hugeSize
  /// Int.max, Int.min or a value near them for an integer option (class 4).
  case integerExtreme
  /// Subnormal, 1e±308 or other extreme floating-point values (class 5).
  case floatExtreme
  /// NaN or ±inf for an option (class 5/7).
  case nonFinite
  /// Control characters, empty or huge strings (class 7).
  case hostileString
  /// An input that is malformed and must be refused (class 8).
  case malformed
  /// An output path that is odd (a directory, a missing folder, the same path twice: class 6).
  case oddOutput
}

/// Generates ``FuzzCase``s from a seeded stream. Every draw goes through one
/// ``SeededGenerator`` per case (the child `index` of the root seed), so a case is
/// regenerated from (root seed, index) alone.
struct CLIFuzzGenerator {
  var rng: SeededGenerator
  var files: [FuzzFile] = []
  var names: [String] = []
  var traits: Set<FuzzTrait> = []
  var mustRefuse: String?
  var arguments: [String] = []
  /// Numbers scratch files uniquely (a name is taken before nested specs are drawn).
  var fileNumber = 0

  static func generate(rootSeed: UInt64, index: Int) -> FuzzCase {
    var g = CLIFuzzGenerator(rng: SeededGenerator(seed: rootSeed).child(UInt64(index)))
    g.build()
    return FuzzCase(
      rootSeed: rootSeed, index: index, arguments: g.arguments, files: g.files, names: g.names,
      mustRefuse: g.mustRefuse, traits: g.traits)
  }

  // MARK: Draws

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
  mutating func chance(_ p: Double) -> Bool { rng.nextUniform() < p }
  mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }

  // MARK: Edge values

  /// An integer option value from the edge classes (or, most often, a small sane value).
  mutating func integerValue(sane: ClosedRange<Int>) -> String {
    switch int(0...9) {
    case 0, 1:
      traits.insert(.integerExtreme)
      return pick(["\(Int.max)", "\(Int.min)", "\(Int.max - 1)", "9223372036854775808", "\(Int.max / 2)", "\(Int32.max)"])
    case 2:
      traits.insert(.hugeSize)
      return pick(["1000000", "100000000", "1000000000000", "4294967296"])
    case 3: return pick(["0", "-1", "-0", "1"])
    case 4: return otherValue()
    default: return "\(int(sane))"
    }
  }

  /// A floating-point option value from the edge classes (or a sane one in `sane`).
  mutating func doubleValue(sane: ClosedRange<Double>) -> String {
    switch int(0...9) {
    case 0:
      traits.insert(.nonFinite)
      return pick(["nan", "inf", "-inf", "NaN", "+inf", "infinity", "1e999"])
    case 1:
      traits.insert(.floatExtreme)
      return pick(["1e308", "-1e308", "1e-308", "5e-324", "2.2250738585072014e-308", "1e-200", "1e300", "1.7976931348623157e308"])
    case 2: return pick(["0", "-1", "-0", "1", "0.5"])
    case 3: return otherValue()
    default: return "\(sane.lowerBound + rng.nextUniform() * (sane.upperBound - sane.lowerBound))"
    }
  }

  /// Strings no option expects: empty, huge, control characters, junk.
  mutating func otherValue() -> String {
    traits.insert(.hostileString)
    switch int(0...7) {
    case 0: return ""
    case 1: return String(repeating: "9", count: pick([400, 10_000]))
    case 2: return String(repeating: "x", count: pick([300, 5000]))
    case 3: return pick(["1\n2", "\u{1}", "\t", "3\r", "1\u{7f}", "\u{1b}[31m"])
    case 4: return pick(["0x10", " 3", "3 ", "1e3", "1_000", "١٢", "½"])
    case 5: return pick(["-", "--", "=", ",", "1,", ",1"])
    case 6: return pick(["true", "null", "[]", "{}", "%n%s"])
    default: return "é" + String(repeating: "\u{301}", count: 50)
    }
  }

  // MARK: Specs

  /// A landscape argument: zoo ids, `quad:`/`poly:`/`dln:`/`mlp:`/`sum:` specs, fixture and
  /// `.npy` paths, and malformed variants. Cheap (d ≤ 8) unless it draws a huge size.
  mutating func spec(depth: Int = 0) -> String {
    let s: String
    switch int(0...11) {
    case 0, 1: s = zooId()
    case 2, 3: s = quadSpec()
    case 4: s = polySpec()
    case 5: s = chance(0.5) ? dlnSpec() : mlpSpec()
    case 6: s = depth < 2 ? sumSpec(depth: depth) : quadSpec()
    case 7, 8: s = depth < 2 ? fixturePath(depth: depth) : zooId()
    case 9: s = npyPath()
    case 10: s = malformedSpec()
    default: s = pick(["nc-x2", "quad:1,2:d=3", "poly:x0^2+x1^4", "dln:2-1-2:rank=1"])
    }
    return s
  }

  mutating func zooId() -> String {
    if chance(0.15) {
      traits.insert(.malformed)
      mustRefuse = mustRefuse ?? "unknown zoo id"
      return pick(["nosuch", "nc-x3", "NC-X2", "nc-x2 x", "../nc-x2"])
    }
    return pick([
      "nc-x2", "nc-x4", "nc-xy2", "nc-x2y4", "dln-2-1-2", "dln-3-2-3", "newton-edge", "newton-vertex",
      "poly-degenerate", "quad-clusters", "quad-full-rank", "quad-multiplet", "quad-rank-deficient",
      "quad-tiny-axis", "quad-tiny-rotated", "quad-zero", "sum-edge-xy2",
    ])
  }

  mutating func eigenvalue() -> String {
    switch int(0...9) {
    case 0:
      traits.insert(.floatExtreme)
      return pick(["1e308", "1e-315", "2e-315", "5e-324", "1e306", "1e-300", "1.7976931348623157e308"])
    case 1: return pick(["1e-12", "1e12", "1e-8"])
    default: return pick(["1", "2", "0.5", "3", "10", "0.01"])
    }
  }

  mutating func quadSpec() -> String {
    let count = int(0...3)
    var items: [String] = []
    for _ in 0..<count {
      var e = eigenvalue()
      if chance(0.2) { e += "*\(int(1...3))" }
      items.append(e)
    }
    let total = items.reduce(0) { $0 + (Int($1.split(separator: "*").dropFirst().first ?? "1") ?? 1) }
    var d = total + int(0...3)
    if d == 0 { d = 1 }
    var dText = "\(d)"
    if chance(0.05) {
      traits.insert(.hugeSize)
      dText = pick(["100000", "1000000", "10000000"])
    }
    var s = "quad:" + items.joined(separator: ",") + ":d=" + dText
    if chance(0.3) { s += ":seed=\(int(0...99))" }
    return s
  }

  mutating func polySpec() -> String {
    let vars = int(1...3)
    var terms: [String] = []
    for _ in 0..<int(1...3) {
      var monomial: [String] = []
      for v in 0..<vars where chance(0.6) { monomial.append("x\(v)^\(int(1...4))") }
      if monomial.isEmpty { monomial = ["x0^2"] }
      terms.append((chance(0.3) ? "\(int(2...5))*" : "") + monomial.joined(separator: "*"))
    }
    var s = "poly:" + terms.joined(separator: "+")
    if chance(0.4) { s += ":d=\(vars + int(0...2))" }
    if chance(0.2) { s += ":flat=\(int(0...2))" }
    if chance(0.04) {
      traits.insert(.hugeSize)
      s = pick(["poly:x0^2:d=10000", "poly:x0^2:flat=100000", "poly:x0^2:d=10000000"])
    }
    return s
  }

  mutating func dlnSpec() -> String {
    let widths = (0..<int(3...4)).map { _ in int(1...3) }
    let rank = int(0...(widths.min() ?? 1))
    if chance(0.04) {
      traits.insert(.hugeSize)
      return pick(["dln:300-300:rank=1", "dln:1000-1000-1000:rank=1", "dln:100000-1:rank=0"])
    }
    return "dln:" + widths.map(String.init).joined(separator: "-") + ":rank=\(rank)"
  }

  mutating func mlpSpec() -> String {
    let widths = (0..<int(2...4)).map { _ in int(1...3) }
    if chance(0.04) {
      traits.insert(.hugeSize)
      return pick([
        "mlp:1000-1000-1000:act=tanh:data=10000000:seed=1", "mlp:100000-100000:act=relu:data=1:seed=1",
        "mlp:2000-2000-2:act=gelu:data=1:seed=1",
      ])
    }
    var s = "mlp:" + widths.map(String.init).joined(separator: "-")
    s += ":act=" + pick(["tanh", "relu", "linear", "gelu"]) + ":data=\(int(1...8)):seed=\(int(0...99))"
    if chance(0.3) { s += ":teacher=" + widths.map { String(max(1, $0 - int(0...1))) }.joined(separator: "-") }
    return s
  }

  mutating func sumSpec(depth: Int) -> String {
    let parts = (0..<int(2...3)).map { _ in spec(depth: depth + 1) }
    return "sum:" + parts.joined(separator: "|")
  }

  /// Malformed specs the tool must refuse (exit 2, naming the spec).
  mutating func malformedSpec() -> String {
    traits.insert(.malformed)
    mustRefuse = mustRefuse ?? "malformed spec"
    return pick([
      "quad:1,,2:d=3", "quad:,:d=3", "quad:1:d=3:d=4", "quad:-1:d=2", "quad:nan:d=2", "quad:1:d=0",
      "quad:1,2:d=1", "quad:1*0:d=2", "quad:1:d=2:seed=-1", "quad:1:e=2", "quad:", "quad:1:d=",
      "poly:x0^2:d=3:d=4", "poly:", "poly:x0^", "poly:x0^2:d=0", "poly:(x0", "poly:x0^2:flat=-1",
      "dln:3-2-3:rank=1:rank=2", "dln:3-2-3", "dln:0-1:rank=0", "dln:3-2-3:rank=9", "dln:-1-2:rank=0",
      "mlp:3-4-2:data=5:seed=1", "mlp:3-4-2:act=sigmoid:data=5:seed=1", "mlp:3-4-2:act=tanh:seed=1",
      "mlp:3-4-2:act=tanh:data=5", "mlp:3-4-2:act=tanh:data=0:seed=1", "mlp:3:act=tanh:data=5:seed=1",
      "mlp:3-4-2:act=tanh:data=5:seed=1:teacher=3-5-2", "mlp:3-4-2:act=tanh:data=5:seed=1:teacher=2-2-2",
      "mlp:3-4-2:act=relu:data=5:seed=1:seed=1", "mlp:3--2:act=relu:data=5:seed=1",
      "mlp:2-2-1:act=tanh:data=5:seed=1:train=0", "mlp:2-2-1:act=tanh:data=5:seed=1:train=nan",
      "sum:", "sum:nc-x2", "sum:nc-x2|", "sum:|quad:1:d=1", "", " ", "quad:1:d=2\nx", "nc-x2\u{1}",
      String(repeating: "q", count: 5000), "quad:" + String(repeating: "1,", count: 2000) + ":d=1",
    ])
  }

  mutating func npyPath() -> String {
    switch int(0...3) {
    case 0:
      mustRefuse = mustRefuse ?? "missing .npy"
      return "missing.npy"
    case 1:
      traits.insert(.malformed)
      mustRefuse = mustRefuse ?? "a directory named .npy"
      let name = "dir\(newFileNumber()).npy"
      files.append(FuzzFile(name: name, contents: .directory))
      return name
    case 2:
      traits.insert(.malformed)
      mustRefuse = mustRefuse ?? "not a .npy file"
      let name = "junk\(newFileNumber()).npy"
      files.append(FuzzFile(name: name, contents: .text(pick(["", "\u{93}NUMPY", "hello", "{\"a\":1}"]))))
      return name
    default:
      return "fixtures/hessians/missing.npy"
    }
  }

  // MARK: Fixtures

  /// A fixture JSON text with `spec` and the given known-answer fields.
  func fixtureJSON(id: String, spec: String, dimension: String, extra: String = "", schema: String = "1") -> String {
    let specJSON = String(decoding: (try? JSONEncoder().encode(spec)) ?? Data("\"\"".utf8), as: UTF8.self)
    return """
      {"schemaVersion": \(schema), "id": "\(id)", "description": "fuzz", "spec": \(specJSON), "tags": [],
       "known": {"dimension": \(dimension), \(extra)"provenance": "construction", "source": "fuzz"}}
      """
  }

  mutating func newFileNumber() -> Int {
    fileNumber += 1
    return fileNumber - 1
  }

  mutating func newFixtureName() -> String { "f\(newFileNumber()).json" }

  /// A fixture path: a plain one, a malformed one, a cycle (self, pair, through
  /// `sum:`), or a deep chain.
  mutating func fixturePath(depth: Int) -> String {
    let name = newFixtureName()
    switch int(0...9) {
    case 0:
      traits.insert(.fixtureCycle)
      mustRefuse = mustRefuse ?? "fixture cycle"
      files.append(FuzzFile(name: name, contents: .text(fixtureJSON(id: "f", spec: name, dimension: "1"))))
    case 1:
      traits.insert(.fixtureCycle)
      mustRefuse = mustRefuse ?? "fixture cycle"
      let other = "g\(newFileNumber()).json"
      files.append(FuzzFile(name: name, contents: .text(fixtureJSON(id: "f", spec: other, dimension: "1"))))
      files.append(FuzzFile(name: other, contents: .text(fixtureJSON(id: "g", spec: name, dimension: "1"))))
      names.append(other)
    case 2:
      traits.insert(.fixtureCycle)
      mustRefuse = mustRefuse ?? "fixture cycle"
      let text = fixtureJSON(id: "f", spec: "sum:quad:1:d=1|\(name)", dimension: "2")
      files.append(FuzzFile(name: name, contents: .text(text)))
    case 3:
      traits.insert(.deepFixtureChain)
      let length = pick([3, 20, 200])
      let base = newFileNumber()
      for k in 0..<length {
        let me = k == 0 ? name : "c\(base)_\(k).json"
        let next = k == length - 1 ? "quad:1:d=2" : "c\(base)_\(k + 1).json"
        files.append(FuzzFile(name: me, contents: .text(fixtureJSON(id: "c", spec: next, dimension: "2"))))
      }
    case 4:
      traits.insert(.malformed)
      mustRefuse = mustRefuse ?? "malformed fixture"
      let text = pick([
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "1.5"),
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "2", schema: "99"),
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "2", extra: "\"learningCoefficient\": \"1/0\", "),
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "2", extra: "\"learningCoefficient\": \"x\", "),
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "1e400"),
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "\(Int.max)0"),
        "{", "", "[]", "null", "{\"schemaVersion\": 1}",
        String(repeating: "[", count: 100_000),
      ])
      files.append(FuzzFile(name: name, contents: .text(text)))
    case 5:
      traits.insert(.malformed)
      let text = pick([
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "2", extra: "\"multiplicity\": -5, "),
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "2", extra: "\"multiplicity\": 0, "),
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "-3"),
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "2", extra: "\"rank\": \(Int.max), "),
        fixtureJSON(id: "f", spec: "quad:1:d=2", dimension: "\(Int.max)"),
      ])
      files.append(FuzzFile(name: name, contents: .text(text)))
    default:
      let inner = spec(depth: depth + 1)
      files.append(FuzzFile(name: name, contents: .text(fixtureJSON(id: "f", spec: inner, dimension: "\(int(1...4))"))))
    }
    return name
  }

  // MARK: Commands

  /// `--flag=value`, or the two-argument form when the value cannot be read as a flag.
  mutating func option(_ flag: String, _ value: String) {
    if chance(0.7) || value.hasPrefix("-") {
      arguments.append("\(flag)=\(value)")
    } else {
      arguments += [flag, value]
    }
  }

  mutating func outputPath(_ ext: String) -> String {
    switch int(0...7) {
    case 0:
      traits.insert(.oddOutput)
      mustRefuse = mustRefuse ?? "output into a missing folder"
      return "nodir/out.\(ext)"
    case 1:
      traits.insert(.oddOutput)
      mustRefuse = mustRefuse ?? "output onto a directory"
      files.append(FuzzFile(name: "outdir.\(ext)", contents: .directory))
      return "outdir.\(ext)"
    default: return "out.\(ext)"
    }
  }

  /// Draws one case.
  mutating func build() {
    let landscape = spec()
    names.insert(landscape, at: 0)
    let command = pick(["describe", "describe", "rank", "rank", "rank", "spectrum", "spectrum", "covariance", "covariance", "llc", "llc", "compare", "verify"])
    arguments = [command, landscape]
    // Cheap defaults (each may be swapped for an edge value) and extra options.
    var cheap: [(flag: String, value: String)] = []
    var drawn: [(flag: String, value: String)] = []
    switch command {
    case "describe": break
    case "rank":
      cheap = [("--seed", "1")]
      let method = pick(["dense", "lanczos", "block", "slq", "auto", "nosuch"])
      if method == "nosuch" { mustRefuse = mustRefuse ?? "unknown method" }
      drawn.append(("--method", method))
      if chance(0.3) { drawn.append(("--threshold", pick(["precision", "gap", "rel:0.1", "abs:1e-6", "rel:" + doubleValue(sane: 0...1), "abs:" + doubleValue(sane: 0...1), "rel:", "nosuch"]))) }
      if chance(0.3) { drawn.append(("--steps", integerValue(sane: 1...10))) }
      if chance(0.3) { drawn.append(("--probes", integerValue(sane: 1...8))) }
      if chance(0.2) { drawn.append(("--save", outputPath("npy"))) }
    case "spectrum":
      cheap = [("--seed", "1")]
      switch int(0...2) {
      case 0: drawn.append(("--top", integerValue(sane: 1...3)))
      case 1: drawn.append(("--bottom", integerValue(sane: 1...3)))
      default:
        arguments.append("--density")
        if chance(0.5) { drawn.append(("--probes", integerValue(sane: 1...4))) }
      }
      if chance(0.3) { drawn.append(("--steps", integerValue(sane: 2...20))) }
      if chance(0.2) { drawn.append(("--svg", outputPath("svg"))) }
      if chance(0.2) { drawn.append(("--save", outputPath("npy"))) }
    case "covariance":
      cheap = [("--population", "8"), ("--kept", "20"), ("--seed", "1"), ("--diagnostic-kept", "0"), ("--workers", "1")]
      if chance(0.3) { drawn.append(("--sigma", doubleValue(sane: 0.01...2))) }
      if chance(0.2) { drawn.append(("--mu", integerValue(sane: 1...8))) }
      if chance(0.15) { drawn.append(("--rank-of", integerValue(sane: 1...8))) }
      if chance(0.2) {
        drawn.append(("--center-offset", pick(["0", "1,", "40", "1e300", "nan", doubleValue(sane: -1...1), "0,0,0,0,0,0,0,0,0"])))
      }
      if chance(0.15) { drawn.append(("--estimate", pick(["auto", "second-moment", "mean-centred", "nosuch"]))) }
      if chance(0.15) { arguments.append("--plan") }
      if chance(0.15) { drawn.append(("--save", outputPath("npy"))) }
    case "llc":
      cheap = [("--seed", "1"), ("--particles", "8"), ("--replicates", "1"), ("--moves", "1"), ("--chains", "1"), ("--steps", "40"), ("--burn-in", "10")]
      drawn.append(("--method", pick(["bounds", "exact", "volume", "sgld", "bounds", "exact"])))
      if chance(0.2) { drawn.append(("--rank-method", pick(["dense", "lanczos", "block", "slq", "auto"]))) }
      if chance(0.2) { drawn.append(("--rank", integerValue(sane: 0...4))) }
      if chance(0.15) { drawn.append(("--multiplicity", pick(["known", integerValue(sane: 1...3)]))) }
      if chance(0.15) { drawn.append(("--epsilon-min", doubleValue(sane: 0...0.1))) }
      if chance(0.15) { drawn.append(("--epsilon-max", doubleValue(sane: 0.1...0.9))) }
      if chance(0.15) { drawn.append(("--n", integerValue(sane: 10...1000))) }
      if chance(0.15) { drawn.append(("--gamma", doubleValue(sane: 1...100))) }
      if chance(0.15) { drawn.append(("--step-size", doubleValue(sane: 1e-4...1e-2))) }
    case "compare":
      cheap = [("--seed", "1"), ("--seeds", "2"), ("--confidence", "0.5"), ("--risk", "0.5")]
      drawn.append(("--method", pick(["dense", "dense", "lanczos", "block", "slq", "covariance"])))
      if chance(0.2) { drawn.append(("--kept-cap-factor", integerValue(sane: 1...4))) }
      if chance(0.2) { drawn.append(("--slq-probe-cap", integerValue(sane: 1...8))) }
    default:  // verify
      cheap = [("--seed", "1"), ("--budget", "0.01")]
      arguments.append("--quick")
    }
    // Swap at most one or two cheap defaults for edge values.
    for i in cheap.indices where chance(0.15) {
      let flag = cheap[i].flag
      cheap[i].value = ["--budget", "--confidence", "--risk"].contains(flag)
        ? doubleValue(sane: 0.001...0.5) : integerValue(sane: 1...8)
    }
    for (flag, value) in cheap + drawn { option(flag, value) }
    if chance(0.7) { arguments.append("--json") }
  }
}
