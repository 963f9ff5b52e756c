import Foundation
import Testing
import TestSupport

/// One bad input: the arguments, the input the message must name, and a fragment
/// saying what is wrong. Paths starting with `$TMP/` are files written by
/// ``BadInputFiles`` into a fresh temporary directory.
struct BadInput: Sendable, CustomTestStringConvertible {
  let label: String
  let arguments: [String]
  /// The input named in the message (a file name, a spec, an option).
  let names: String
  /// What the message must say is wrong.
  let says: String

  init(_ label: String, _ arguments: [String], names: String, says: String) {
    self.label = label
    self.arguments = arguments
    self.names = names
    self.says = says
  }

  var testDescription: String { label }
}

/// Malformed `.npy` and fixture files, written once per test process.
///
/// The `.npy` bytes are assembled here by hand (magic, version, little-endian
/// header length, dict text, raw data) rather than by the library's writer, so the
/// tests do not depend on the code they judge.
enum BadInputFiles {
  static let directory: URL = {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("hessianlab-bad-input-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, bytes) in files {
      let url = dir.appendingPathComponent(name)  // a name may hold one folder level (bench inputs)
      try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? bytes.write(to: url)
    }
    return dir
  }()

  /// A `.npy` file: `dict` is the header text without padding; `values` are float64 LE.
  static func npy(_ dict: String, _ values: [Double] = [], version: UInt8 = 1, magic: [UInt8]? = nil) -> Data {
    var out = Data(magic ?? [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59])
    out.append(contentsOf: [version, 0])
    let preamble = version == 1 ? 10 : 12
    var header = Array(dict.utf8)
    while (preamble + header.count + 1) % 64 != 0 { header.append(0x20) }
    header.append(0x0A)
    if version == 1 {
      withUnsafeBytes(of: UInt16(header.count).littleEndian) { out.append(contentsOf: $0) }
    } else {
      withUnsafeBytes(of: UInt32(header.count).littleEndian) { out.append(contentsOf: $0) }
    }
    out.append(contentsOf: header)
    for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
    return out
  }

  static func f8(_ shape: String) -> String { "{'descr': '<f8', 'fortran_order': False, 'shape': \(shape), }" }

  static let identity2: [Double] = [1, 0, 0, 1]

  static let goodFixture = """
    {"schemaVersion": 1, "id": "bad", "description": "x", "spec": "poly:x0^2", "tags": [],
     "known": {"dimension": 1, "rank": 1, "learningCoefficient": "1/2", "multiplicity": 1,
               "provenance": "theorem", "source": "test"}}
    """

  static var files: [(String, Data)] {
    var big = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
    big.append(contentsOf: [0xFF, 0xFF])  // header length 65535, file ends here
    return [
      ("truncated.npy", npy(f8("(2, 2)"), [1, 0, 0])),
      ("magic.npy", npy(f8("(2, 2)"), identity2, magic: Array("PKZIP!".utf8))),
      ("lies-short.npy", npy(f8("(3, 3)"), identity2)),
      ("lies-long.npy", npy(f8("(2, 2)"), [Double](repeating: 0, count: 9))),
      ("bigendian.npy", npy("{'descr': '>f8', 'fortran_order': False, 'shape': (2, 2), }", identity2)),
      ("int64.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }", identity2)),
      ("complex.npy", npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1, 1), }", [1, 0])),
      ("half.npy", npy("{'descr': '<f2', 'fortran_order': False, 'shape': (2, 2), }", [0])),
      ("object.npy", npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", [0, 0])),
      ("vector.npy", npy(f8("(4,)"), identity2)),
      ("cube.npy", npy(f8("(2, 2, 2)"), identity2 + identity2)),
      ("nan.npy", npy(f8("(2, 2)"), [1, .nan, .nan, 1])),
      ("inf.npy", npy(f8("(2, 2)"), [1, 0, 0, .infinity])),
      ("asymmetric.npy", npy(f8("(2, 2)"), [1, 2, 0, 1])),
      ("indefinite.npy", npy(f8("(2, 2)"), [1, 0, 0, -1])),
      ("empty-matrix.npy", npy(f8("(0, 0)"))),
      ("rectangular.npy", npy(f8("(2, 3)"), [1, 0, 0, 0, 1, 0])),
      ("huge.npy", npy(f8("(1000000, 1000000)"), identity2)),
      ("overflow.npy", npy(f8("(99999999999999999999, 2)"))),
      ("negative.npy", npy(f8("(-2, 2)"))),
      ("version.npy", npy(f8("(2, 2)"), identity2, version: 9)),
      ("short-header.npy", big),
      ("three-bytes.npy", Data([0x93, 0x4E, 0x55])),
      ("zero-bytes.npy", Data()),
      ("not-a-dict.npy", npy("[1, 2, 3]", identity2)),
      ("no-shape.npy", npy("{'descr': '<f8', 'fortran_order': False, }", identity2)),
      ("order-flag.npy", npy("{'descr': '<f8', 'fortran_order': 0, 'shape': (2, 2), }", identity2)),
      ("missing-spec.json", Data(goodFixture.replacingOccurrences(of: "\"spec\": \"poly:x0^2\", ", with: "").utf8)),
      ("missing-dimension.json", Data(goodFixture.replacingOccurrences(of: "\"dimension\": 1, ", with: "").utf8)),
      ("schema2.json", Data(goodFixture.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2").utf8)),
      ("broken.json", Data(goodFixture.dropLast(3).utf8)),
      ("wrong-type.json", Data(goodFixture.replacingOccurrences(of: "\"dimension\": 1", with: "\"dimension\": \"one\"").utf8)),
      ("bad-lambda.json", Data(goodFixture.replacingOccurrences(of: "\"1/2\"", with: "\"one half\"").utf8)),
      ("intmin-lambda.json", Data(goodFixture.replacingOccurrences(of: "\"1/2\"", with: "\"-9223372036854775808/1\"").utf8)),
      ("bad-spec.json", Data(goodFixture.replacingOccurrences(of: "poly:x0^2", with: "poly:(x0^2").utf8)),
      // bench inputs: B must be r × d for the r values (here transposed, d × r), X must be n × d.
      ("bench-transposed/B.npy", npy(f8("(3, 2)"), [1, 0, 0, 1, 0, 0])),
      ("bench-transposed/values.npy", npy(f8("(2,)"), [2, 1])),
      ("bench-points/H.npy", npy(f8("(2, 2)"), identity2)),
      ("bench-points/X.npy", npy(f8("(1, 3)"), [1, 2, 3])),
      ("bad-provenance.json", Data(goodFixture.replacingOccurrences(of: "\"theorem\"", with: "\"hearsay\"").utf8)),
    ]
  }

  static func resolve(_ argument: String) -> String {
    argument.hasPrefix("$TMP/") ? directory.appendingPathComponent(String(argument.dropFirst(5))).path : argument
  }
}

@Suite("Bad input: exit status 2, one line on stderr naming the input, nothing on stdout")
struct BadInputTests {
  static let cases: [BadInput] = [
    // .npy through `rank` (the one loader: HessianFile, then QuadraticLandscape.fromNumpyHessian) --
    BadInput("truncated .npy", ["rank", "$TMP/truncated.npy"], names: "truncated.npy", says: "truncated"),
    BadInput("wrong magic", ["rank", "$TMP/magic.npy"], names: "magic.npy", says: "bad magic"),
    BadInput("header claims more values", ["rank", "$TMP/lies-short.npy"], names: "lies-short.npy", says: "header says 9 values"),
    BadInput("header claims fewer values", ["rank", "$TMP/lies-long.npy"], names: "lies-long.npy", says: "trailing data"),
    BadInput("big-endian dtype", ["rank", "$TMP/bigendian.npy"], names: "bigendian.npy", says: "big-endian"),
    BadInput("integer dtype", ["rank", "$TMP/int64.npy"], names: "int64.npy", says: "unsupported dtype '<i8'"),
    BadInput("complex dtype", ["rank", "$TMP/complex.npy"], names: "complex.npy", says: "unsupported dtype '<c16'"),
    BadInput("float16 dtype", ["rank", "$TMP/half.npy"], names: "half.npy", says: "unsupported dtype '<f2'"),
    BadInput("object array", ["rank", "$TMP/object.npy"], names: "object.npy", says: "object array"),
    BadInput("1-D array", ["rank", "$TMP/vector.npy"], names: "vector.npy", says: "expected a 2-D array, got shape (4,)"),
    BadInput("3-D array", ["rank", "$TMP/cube.npy"], names: "cube.npy", says: "expected a 2-D array, got shape (2, 2, 2)"),
    BadInput("NaN entry", ["rank", "$TMP/nan.npy"], names: "nan.npy", says: "entry (0, 1) is nan"),
    BadInput("infinite entry", ["rank", "$TMP/inf.npy"], names: "inf.npy", says: "entry (1, 1) is inf"),
    BadInput("asymmetric matrix", ["rank", "$TMP/asymmetric.npy"], names: "asymmetric.npy", says: "not symmetric"),
    BadInput("d = 0", ["rank", "$TMP/empty-matrix.npy"], names: "empty-matrix.npy", says: "d = 0"),
    BadInput("rectangular matrix", ["rank", "$TMP/rectangular.npy"], names: "rectangular.npy", says: "must be square"),
    BadInput(
      "10⁶×10⁶ header refused before allocating", ["rank", "$TMP/huge.npy"], names: "huge.npy",
      says: "8000000000000 bytes"),
    BadInput("shape overflows Int", ["rank", "$TMP/overflow.npy"], names: "overflow.npy", says: "too large"),
    BadInput("negative dimension", ["rank", "$TMP/negative.npy"], names: "negative.npy", says: "negative dimension"),
    BadInput("unsupported version", ["rank", "$TMP/version.npy"], names: "version.npy", says: "version 9.0"),
    BadInput("header length past EOF", ["rank", "$TMP/short-header.npy"], names: "short-header.npy", says: "65535"),
    BadInput("three-byte file", ["rank", "$TMP/three-bytes.npy"], names: "three-bytes.npy", says: "too short"),
    BadInput("empty file", ["rank", "$TMP/zero-bytes.npy"], names: "zero-bytes.npy", says: "too short"),
    BadInput("header not a dict", ["rank", "$TMP/not-a-dict.npy"], names: "not-a-dict.npy", says: "expected a dict"),
    BadInput("header without shape", ["rank", "$TMP/no-shape.npy"], names: "no-shape.npy", says: "missing key 'shape'"),
    BadInput("fortran_order not a bool", ["rank", "$TMP/order-flag.npy"], names: "order-flag.npy", says: "fortran_order"),
    BadInput("missing .npy file", ["rank", "$TMP/absent.npy"], names: "absent.npy", says: "no such file"),
    // .npy through `describe`, `llc`, `spectrum` and `sum:` (the same loader) -----------------------
    BadInput(
      "negative eigenvalue given as a minimum", ["describe", "$TMP/indefinite.npy"], names: "indefinite.npy",
      says: "not positive semidefinite"),
    BadInput(
      "llc: a saddle has no learning coefficient", ["llc", "$TMP/indefinite.npy", "--method", "bounds", "--seed", "1"],
      names: "indefinite.npy", says: "not positive semidefinite"),
    BadInput("spectrum: asymmetric", ["spectrum", "$TMP/asymmetric.npy", "--top", "1"], names: "asymmetric.npy", says: "not symmetric"),
    BadInput("describe: asymmetric", ["describe", "$TMP/asymmetric.npy"], names: "asymmetric.npy", says: "not symmetric"),
    BadInput("describe: NaN", ["describe", "$TMP/nan.npy"], names: "nan.npy", says: "is nan"),
    BadInput("describe: d = 0", ["describe", "$TMP/empty-matrix.npy"], names: "empty-matrix.npy", says: "empty"),
    BadInput("describe: 3-D", ["describe", "$TMP/cube.npy"], names: "cube.npy", says: "expected a 2-D array"),
    BadInput(
      "describe: 10⁶×10⁶ header", ["describe", "$TMP/huge.npy"], names: "huge.npy", says: "refused before reading"),
    BadInput("describe: truncated", ["describe", "$TMP/truncated.npy"], names: "truncated.npy", says: "truncated"),
    // Fixture JSON ----------------------------------------------------------------------------
    BadInput("fixture without spec", ["describe", "$TMP/missing-spec.json"], names: "missing-spec.json", says: "missing key 'spec'"),
    BadInput(
      "fixture without known.dimension", ["describe", "$TMP/missing-dimension.json"], names: "missing-dimension.json",
      says: "missing key 'known.dimension'"),
    BadInput("wrong schema version", ["describe", "$TMP/schema2.json"], names: "schema2.json", says: "schemaVersion 2 is not supported"),
    BadInput("malformed JSON", ["describe", "$TMP/broken.json"], names: "broken.json", says: "malformed JSON"),
    BadInput("wrong field type", ["describe", "$TMP/wrong-type.json"], names: "wrong-type.json", says: "wrong type at 'known.dimension'"),
    BadInput("λ not rational", ["describe", "$TMP/bad-lambda.json"], names: "bad-lambda.json", says: "not a rational"),
    // Regression: Rational(Int.min, 1) trapped in abs().
    BadInput("λ = Int.min", ["describe", "$TMP/intmin-lambda.json"], names: "intmin-lambda.json", says: "not a rational"),
    BadInput("fixture with a bad spec", ["describe", "$TMP/bad-spec.json"], names: "bad-spec.json", says: "unbalanced parenthesis"),
    BadInput("unknown provenance", ["describe", "$TMP/bad-provenance.json"], names: "bad-provenance.json", says: "known.provenance"),
    BadInput("missing fixture", ["describe", "$TMP/absent.json"], names: "absent.json", says: "cannot read fixture"),
    // poly: -----------------------------------------------------------------------------------
    BadInput("unbalanced '('", ["describe", "poly:(x0 + x1^2"], names: "poly:(x0 + x1^2", says: "unbalanced parenthesis at column 1"),
    BadInput("unbalanced ')'", ["describe", "poly:x0)^2"], names: "poly:x0)^2", says: "unbalanced parenthesis at column 3"),
    BadInput("variable beyond d", ["describe", "poly:x0^2 + x3^2:d=2"], names: "x0^2 + x3^2", says: "unknown variable x3 at column 8"),
    BadInput("overflowing exponent", ["describe", "poly:x0^65"], names: "poly:x0^65", says: "exponent 65 at column 4 overflows"),
    BadInput("exponent with 20 digits", ["describe", "poly:x0^99999999999999999999"], names: "poly:x0^", says: "too many digits"),
    BadInput("empty expression", ["describe", "poly:"], names: "poly:", says: "empty expression"),
    BadInput("blank expression", ["describe", "poly:   :d=2"], names: "poly:", says: "empty expression"),
    BadInput("unknown variable name", ["describe", "poly:y^2"], names: "poly:y^2", says: "unknown variable 'y'"),
    BadInput("dangling operator", ["describe", "poly:x0^2 +"], names: "poly:x0^2 +", says: "unexpected end of expression"),
    BadInput("chained exponent", ["describe", "poly:x0^2^2"], names: "poly:x0^2^2", says: "chained exponent"),
    BadInput("saddle, not a minimum", ["describe", "poly:x0^2 - x1^2"], names: "poly:x0^2 - x1^2", says: "not a minimum"),
    BadInput(
      "edge polynomial negative on the torus", ["describe", "poly:x0^2 - 3*x0*x1^2 + x1^4"],
      names: "poly:x0^2 - 3*x0*x1^2 + x1^4", says: "take negative values arbitrarily close to the origin"),
    BadInput("linear term", ["describe", "poly:x0 + x1^2"], names: "poly:x0 + x1^2", says: "gradient there is not 0"),
    BadInput(
      "expansion with too many terms", ["describe", "poly:(x0+x1+x2+x3+x4+x5+x6+x7)^40"], names: "poly:(x0",
      says: "more than 20000 terms"),
    // Regression: Rational * trapped on the doubled diagonal coefficient (5e18 · 2).
    BadInput(
      "coefficient overflows when doubled", ["describe", "poly:5000000000*1000000000*x0^2"],
      names: "poly:5000000000*1000000000*x0^2", says: "too large for exact 64-bit rational arithmetic"),
    // Regression: the exact rank elimination trapped on overflow.
    BadInput(
      "exact rank elimination overflows",
      ["describe", "poly:(1234567*x0+7654321*x1+1111111*x2)^2+(7777777*x0+3333333*x1+9999999*x2)^2+(2222227*x0+5555551*x1+x2)^2"],
      names: "poly:(1234567*x0", says: "too large for exact 64-bit rational arithmetic"),
    BadInput(
      "dense quadratic part beyond memory", ["describe", "poly:x0^2:d=10000000"], names: "poly:x0^2:d=10000000",
      says: "refused before allocating"),
    BadInput("d = 0 for poly:", ["describe", "poly:x0^2:d=0"], names: "poly:x0^2:d=0", says: "d=0 is not a positive integer"),
    BadInput("d beyond the cap", ["describe", "poly:x0^2:d=20000000"], names: "poly:x0^2:d=20000000", says: "too large"),
    BadInput("unknown poly: option", ["describe", "poly:x0^2:e=3"], names: "poly:x0^2:e=3", says: "unknown option 'e'"),
    // dln: ------------------------------------------------------------------------------------
    BadInput("zero width", ["describe", "dln:3-0-3:rank=1"], names: "dln:3-0-3:rank=1", says: "width 2 ('0')"),
    BadInput("missing rank", ["describe", "dln:3-2-3"], names: "dln:3-2-3", says: "missing ':rank=R'"),
    BadInput("rank above the smallest width", ["describe", "dln:3-2-3:rank=5"], names: "dln:3-2-3:rank=5", says: "smallest width 2"),
    BadInput("one width", ["describe", "dln:3:rank=1"], names: "dln:3:rank=1", says: "at least two widths"),
    BadInput("rank not an integer", ["describe", "dln:3-2-3:rank=x"], names: "dln:3-2-3:rank=x", says: "rank=x is not an integer"),
    BadInput(
      "layer products beyond memory", ["describe", "dln:100000-1-100000:rank=1"], names: "dln:100000-1-100000:rank=1",
      says: "refused before allocating"),
    // mlp: ------------------------------------------------------------------------------------
    BadInput("mlp: missing act", ["describe", "mlp:3-4-2:data=5:seed=1"], names: "mlp:3-4-2:data=5:seed=1", says: "missing ':act="),
    BadInput(
      "mlp: unknown activation", ["describe", "mlp:3-4-2:act=sigmoid:data=5:seed=1"], names: "mlp:3-4-2:act=sigmoid:data=5:seed=1",
      says: "act=sigmoid is not one of tanh, relu, linear, gelu"),
    BadInput("mlp: missing seed", ["describe", "mlp:3-4-2:act=tanh:data=5"], names: "mlp:3-4-2:act=tanh:data=5", says: "missing ':seed=S'"),
    BadInput("mlp: data = 0", ["describe", "mlp:3-4-2:act=tanh:data=0:seed=1"], names: "mlp:3-4-2:act=tanh:data=0:seed=1", says: "data=0"),
    BadInput(
      "mlp: teacher wider than the student", ["rank", "mlp:3-4-2:act=tanh:data=5:seed=1:teacher=3-5-2"],
      names: "mlp:3-4-2:act=tanh:data=5:seed=1:teacher=3-5-2", says: "wider than the student"),
    BadInput(
      "mlp: d beyond the cap", ["describe", "mlp:2000-2000-2:act=gelu:data=1:seed=1"], names: "mlp:2000-2000-2:act=gelu:data=1:seed=1",
      says: "too large"),
    BadInput(
      "mlp: activations beyond memory", ["describe", "mlp:1000-1000-1000:act=tanh:data=10000000:seed=1"],
      names: "mlp:1000-1000-1000:act=tanh:data=10000000:seed=1", says: "refused before allocating"),
    // train=STEPS: 1…100,000 L-BFGS steps, the work checked before training.
    BadInput("mlp: train = 0", ["describe", "mlp:2-2-1:act=tanh:data=5:seed=1:train=0"], names: "mlp:2-2-1:act=tanh:data=5:seed=1:train=0", says: "train=0 is not an integer from 1 to 100000"),
    BadInput("mlp: train = -1", ["rank", "mlp:2-2-1:act=tanh:data=5:seed=1:train=-1"], names: "mlp:2-2-1:act=tanh:data=5:seed=1:train=-1", says: "train=-1 is not an integer"),
    BadInput(
      "mlp: train = Int.max", ["rank", "mlp:2-2-1:act=tanh:data=5:seed=1:train=9223372036854775807"],
      names: "mlp:2-2-1:act=tanh:data=5:seed=1:train=9223372036854775807", says: "is not an integer from 1 to 100000"),
    BadInput("mlp: train = nan", ["describe", "mlp:2-2-1:act=tanh:data=5:seed=1:train=nan"], names: "mlp:2-2-1:act=tanh:data=5:seed=1:train=nan", says: "train=nan is not an integer"),
    BadInput("mlp: train = inf", ["llc", "mlp:2-2-1:act=tanh:data=5:seed=1:train=inf"], names: "mlp:2-2-1:act=tanh:data=5:seed=1:train=inf", says: "train=inf is not an integer"),
    BadInput("mlp: train empty", ["describe", "mlp:2-2-1:act=tanh:data=5:seed=1:train="], names: "mlp:2-2-1:act=tanh:data=5:seed=1:train=", says: "train"),
    BadInput(
      "mlp: training work above the ceiling", ["describe", "mlp:200-200-10:act=tanh:data=20000:seed=1:train=100000"],
      names: "mlp:200-200-10:act=tanh:data=20000:seed=1:train=100000", says: "train=100000 L-BFGS steps"),
    // Zoo ids ----------------------------------------------------------------------------------
    BadInput("unknown zoo id", ["describe", "newton-edg"], names: "newton-edg", says: "closest zoo ids: newton-edge"),
    BadInput("misspelt dln id", ["describe", "dln-3-2-4"], names: "dln-3-2-4", says: "closest zoo ids: dln-3-2-3"),
    BadInput("empty landscape", ["describe", ""], names: "landscape", says: "empty specification"),
    // quad: ------------------------------------------------------------------------------------
    BadInput(
      "quad: basis beyond memory", ["describe", "quad:1*1000000:d=10000000"], names: "quad:1*1000000:d=10000000",
      says: "refused before allocating"),
    BadInput("quad: negative eigenvalue", ["describe", "quad:-1:d=3"], names: "quad:-1:d=3", says: "not a positive finite number"),
    BadInput("quad: NaN eigenvalue", ["describe", "quad:nan:d=3"], names: "quad:nan:d=3", says: "not a positive finite number"),
    BadInput("quad: d below k", ["describe", "quad:1,2,3:d=2"], names: "quad:1,2,3:d=2", says: "smaller than the 3"),
    BadInput("quad: d = 0", ["describe", "quad:"], names: "quad:", says: "d = 0"),
    BadInput(
      "quad: multiplicity overflows", ["describe", "quad:1*100000000000000000000"], names: "quad:1*1000",
      says: "multiplicity"),
    BadInput("quad: too many eigenvalues", ["describe", "quad:1*9000000,1*9000000"], names: "quad:1*9000000", says: "more than 10,000,000"),
    BadInput("quad: negative seed", ["describe", "quad:1:d=3:seed=-1"], names: "quad:1:d=3:seed=-1", says: "seed '-1'"),
    // sum: -------------------------------------------------------------------------------------
    BadInput("sum: one block", ["describe", "sum:poly:x0^2"], names: "sum:poly:x0^2", says: "at least two specs"),
    BadInput("sum: empty block", ["describe", "sum:poly:x0^2|"], names: "sum:poly:x0^2|", says: "block 2"),
    // Numeric options: covariance ------------------------------------------------------------------
    BadInput("λ < 2", ["covariance", "nc-x2", "--population", "1", "--kept", "10"], names: "--population", says: "at least 2"),
    BadInput(
      "λ beyond memory", ["covariance", "nc-x2", "--population", "100000000000", "--kept", "10"], names: "--population",
      says: "refused before allocating"),
    BadInput("n ≤ d for a read-out", ["covariance", "quad-full-rank", "--population", "10", "--kept", "10"], names: "--kept", says: "n = 10, d = 10"),
    BadInput("negative n", ["covariance", "nc-x2", "--population", "10", "--kept", "-5"], names: "--kept", says: "n = -5"),
    BadInput("σ = 0", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--sigma", "0"], names: "--sigma", says: "positive and finite"),
    BadInput("σ < 0", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--sigma", "-1"], names: "--sigma", says: "σ = -1.0"),
    BadInput("σ = NaN", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--sigma", "nan"], names: "--sigma", says: "σ = nan"),
    BadInput("μ > λ", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--mu", "11"], names: "--mu", says: "between 1 and"),
    BadInput("ℓ = 0", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--rank-of", "0"], names: "--rank-of", says: "ℓ = 0"),
    BadInput("μ and ℓ", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--mu", "2", "--rank-of", "2"], names: "--mu", says: "not both"),
    BadInput("0 workers", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--workers", "0"], names: "--workers", says: "at least 1"),
    BadInput(
      "offset of the wrong length", ["covariance", "quad-full-rank", "--population", "10", "--kept", "20", "--center-offset", "1,2"],
      names: "--center-offset", says: "2 numbers given, the landscape has d = 10"),
    BadInput(
      "non-finite offset", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--center-offset", "inf"],
      names: "--center-offset", says: "not a finite number"),
    BadInput(
      "negative diagnostic size", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--diagnostic-kept", "-1"],
      names: "--diagnostic-kept", says: "must be 0"),
    BadInput("--save not .npy", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--save", "$TMP/c.txt"], names: "--save", says: "must end in .npy"),
    BadInput(
      "--save into a missing folder", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--save", "$TMP/no/c.npy"],
      names: "--save", says: "does not exist"),
    BadInput("negative seed", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--seed", "-1"], names: "--seed", says: "'-1' is invalid"),
    // covariance --route cma
    BadInput("cma: E = 0", ["covariance", "nc-x2", "--route", "cma", "--evaluations", "0"], names: "--evaluations", says: "E = 0"),
    BadInput("cma: E = −1", ["covariance", "nc-x2", "--route", "cma", "--evaluations", "-1"], names: "--evaluations", says: "E = -1"),
    BadInput(
      "cma: E = Int.max", ["covariance", "nc-x2", "--route", "cma", "--evaluations", "9223372036854775807"], names: "--evaluations",
      says: "ceiling"),
    BadInput("cma: E = NaN", ["covariance", "nc-x2", "--route", "cma", "--evaluations", "nan"], names: "--evaluations", says: "'nan' is invalid"),
    BadInput("cma: E = inf", ["covariance", "nc-x2", "--route", "cma", "--evaluations", "inf"], names: "--evaluations", says: "'inf' is invalid"),
    BadInput("cma: E empty", ["covariance", "nc-x2", "--route", "cma", "--evaluations="], names: "--evaluations", says: "Missing value"),
    BadInput(
      "cma: one generation", ["covariance", "nc-x2", "--route", "cma", "--evaluations", "5"], names: "--evaluations",
      says: "fewer than two generations"),
    BadInput("cma: no budget", ["covariance", "nc-x2", "--route", "cma"], names: "--evaluations", says: "required with --route cma"),
    BadInput("cma: λ = 3", ["covariance", "nc-x2", "--route", "cma", "--evaluations", "100", "--population", "3"], names: "--population", says: "at least 4"),
    BadInput(
      "cma: σ₀ subnormal square", ["covariance", "nc-x2", "--route", "cma", "--evaluations", "100", "--sigma", "1e-200"], names: "--sigma",
      says: "normal floating-point square"),
    BadInput(
      "cma: --kept", ["covariance", "nc-x2", "--route", "cma", "--evaluations", "100", "--kept", "10"], names: "--kept",
      says: "only with --route selection"),
    BadInput("cma: bad route", ["covariance", "nc-x2", "--route", "bogus"], names: "--route", says: "'bogus' is invalid"),
    BadInput(
      "selection: --evaluations", ["covariance", "nc-x2", "--population", "5", "--kept", "10", "--evaluations", "10"],
      names: "--evaluations", says: "only with --route cma"),
    BadInput("selection: no λ", ["covariance", "nc-x2", "--kept", "10"], names: "--population", says: "required by the selection route"),
    // figure size (--width, --height, --font-size on every command with --svg) ---------------------
    BadInput("--width 0", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--width", "0"], names: "--width", says: "must be between 200 and 10000"),
    BadInput("--width -1", ["spectrum", "nc-x2", "--top", "1", "--svg", "$TMP/f.svg", "--width", "-1"], names: "--width", says: "must be between"),
    BadInput("--width Int.max", ["compare", "nc-x2", "--svg", "$TMP/f.svg", "--width", "9223372036854775807"], names: "--width", says: "must be between"),
    BadInput("--width huge", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--width", "99999999999999999999"], names: "--width", says: "'99999999999999999999' is invalid"),
    BadInput("--width NaN", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--width", "nan"], names: "--width", says: "'nan' is invalid"),
    BadInput("--width empty", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--width", ""], names: "--width", says: "'' is invalid"),
    BadInput("--height 0", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--height", "0"], names: "--height", says: "must be between 150 and 10000"),
    BadInput("--height -1", ["reproduce", "robustness", "--svg", "$TMP/.", "--height", "-1"], names: "--height", says: "must be between"),
    BadInput("--height Int.max", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--height", "9223372036854775807"], names: "--height", says: "must be between"),
    BadInput("--height NaN", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--height", "nan"], names: "--height", says: "'nan' is invalid"),
    BadInput("--font-size 0", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--font-size", "0"], names: "--font-size", says: "must be between 6 and 48"),
    BadInput("--font-size -1", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--font-size", "-1"], names: "--font-size", says: "must be between"),
    BadInput("--font-size huge", ["reproduce", "covariance-hessian", "--svg", "$TMP/.", "--font-size", "1e308"], names: "--font-size", says: "must be between"),
    BadInput("--font-size NaN", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--font-size", "nan"], names: "--font-size", says: "must be between"),
    BadInput("--font-size inf", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--font-size", "inf"], names: "--font-size", says: "must be between"),
    BadInput("--font-size empty", ["rank", "nc-x2", "--svg", "$TMP/f.svg", "--font-size", ""], names: "--font-size", says: "'' is invalid"),
    BadInput("--width without --svg", ["spectrum", "nc-x2", "--top", "1", "--width", "800"], names: "--width", says: "give --svg too"),
    // rank / spectrum ----------------------------------------------------------------------------
    BadInput("rank: 0 steps", ["rank", "nc-x2", "--method", "lanczos", "--steps", "0"], names: "--steps", says: "at least 1"),
    BadInput("rank: 0 probes", ["rank", "nc-x2", "--method", "slq", "--probes", "0"], names: "--probes", says: "at least 1"),
    BadInput("rank: rel:0", ["rank", "nc-x2", "--threshold", "rel:0"], names: "--threshold", says: "F = 0.0 must be in (0, 1)"),
    BadInput("rank: rel:NaN", ["rank", "nc-x2", "--threshold", "rel:nan"], names: "--threshold", says: "F = nan must be in (0, 1)"),
    BadInput("rank: abs:-1", ["rank", "nc-x2", "--threshold", "abs:-1"], names: "--threshold", says: "T = -1.0 must be positive"),
    BadInput("rank: abs:x", ["rank", "nc-x2", "--threshold", "abs:x"], names: "--threshold", says: "'x' is not a number"),
    BadInput("rank: unknown policy", ["rank", "nc-x2", "--threshold", "median"], names: "--threshold", says: "expected precision, gap"),
    BadInput("--hvp h=0", ["rank", "nc-x2", "--hvp", "finite-difference:h=0"], names: "--hvp", says: "h = 0.0 must be positive and finite"),
    BadInput("--hvp h=-1", ["rank", "nc-x2", "--hvp", "finite-difference:h=-1"], names: "--hvp", says: "h = -1.0 must be positive and finite"),
    BadInput("--hvp h=NaN", ["rank", "nc-x2", "--hvp", "finite-difference:h=nan"], names: "--hvp", says: "h = nan must be positive and finite"),
    BadInput("--hvp h=inf", ["rank", "nc-x2", "--hvp", "finite-difference:h=inf"], names: "--hvp", says: "h = inf must be positive and finite"),
    BadInput("--hvp empty h", ["rank", "nc-x2", "--hvp", "finite-difference:h="], names: "--hvp", says: "h = '' is not a number"),
    BadInput("--hvp empty model", ["rank", "nc-x2", "--hvp", ""], names: "--hvp", says: "expected exact, float32 or finite-difference"),
    BadInput("--hvp unknown scheme", ["rank", "nc-x2", "--hvp", "finite-difference:scheme=backward"], names: "--hvp", says: "is not central or forward"),
    BadInput("--hvp unknown key", ["rank", "nc-x2", "--hvp", "finite-difference:k=1"], names: "--hvp", says: "unknown key 'k'"),
    BadInput("--hvp unknown model", ["rank", "nc-x2", "--hvp", "float16"], names: "--hvp", says: "expected exact, float32 or finite-difference"),
    BadInput("spectrum: --hvp h=0", ["spectrum", "quad-full-rank", "--top", "1", "--hvp", "finite-difference:h=0"], names: "--hvp", says: "must be positive"),
    BadInput("llc: --hvp h=-1", ["llc", "nc-x2", "--hvp", "finite-difference:h=-1"], names: "--hvp", says: "must be positive"),
    BadInput("compare: --hvp empty", ["compare", "nc-x2", "--hvp", ""], names: "--hvp", says: "expected exact"),
    BadInput("--loss 0", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--loss", "noise:0"], names: "--loss", says: "SIGMA = 0.0 must be positive and finite"),
    BadInput("--loss -1", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--loss", "noise:-1"], names: "--loss", says: "SIGMA = -1.0 must be positive"),
    BadInput("--loss NaN", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--loss", "noise:nan"], names: "--loss", says: "SIGMA = nan must be positive"),
    BadInput("--loss inf", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--loss", "noise:inf"], names: "--loss", says: "SIGMA = inf must be positive"),
    BadInput("--loss empty SIGMA", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--loss", "noise:"], names: "--loss", says: "SIGMA = '' is not a number"),
    BadInput("--loss empty", ["covariance", "nc-x2", "--population", "10", "--kept", "10", "--loss", ""], names: "--loss", says: "expected exact, float32 or noise:SIGMA"),
    BadInput("compare: --loss noise:0", ["compare", "nc-x2", "--loss", "noise:0"], names: "--loss", says: "must be positive"),
    BadInput("spectrum: --top 0", ["spectrum", "quad-full-rank", "--top", "0"], names: "--top", says: "at least 1"),
    BadInput("spectrum: --top > d", ["spectrum", "quad-full-rank", "--top", "11"], names: "--top", says: "K = 11 is more than the dimension d = 10"),
    BadInput("spectrum: --bottom > d", ["spectrum", "nc-x2", "--bottom", "2"], names: "--bottom", says: "more than the dimension d = 1"),
    BadInput("spectrum: steps < K", ["spectrum", "quad-full-rank", "--top", "3", "--steps", "2"], names: "--steps", says: "K = 3"),
    BadInput("spectrum: 0 probes", ["spectrum", "quad-full-rank", "--density", "--probes", "0"], names: "--probes", says: "at least 1"),
    BadInput("spectrum: two modes", ["spectrum", "quad-full-rank", "--top", "1", "--density"], names: "--top", says: "exactly one"),
    BadInput("spectrum: --save-vectors empty", ["spectrum", "quad-full-rank", "--top", "2", "--save-vectors", ""], names: "--save-vectors", says: ".npy"),
    BadInput("spectrum: --save-vectors not .npy", ["spectrum", "quad-full-rank", "--top", "2", "--save-vectors", "V.txt"], names: "--save-vectors", says: ".npy"),
    BadInput("spectrum: --save-vectors a folder", ["spectrum", "quad-full-rank", "--top", "2", "--save-vectors", "$TMP"], names: "--save-vectors", says: ".npy"),
    BadInput("spectrum: --save-vectors with --density", ["spectrum", "quad-full-rank", "--density", "--save-vectors", "V.npy"], names: "--save-vectors", says: "--top/--bottom only"),
    BadInput(
      "spectrum: --save-vectors over the memory budget", ["spectrum", "quad:1:d=200000", "--top", "200000", "--save-vectors", "V.npy"],
      names: "--top", says: "memory budget"),
    BadInput("rank: asymmetric suggests --symmetrize", ["rank", "$TMP/asymmetric.npy"], names: "asymmetric.npy", says: "--symmetrize"),
    BadInput("rank: --save empty", ["rank", "quad-full-rank", "--save", ""], names: "--save", says: "the path is empty"),
    BadInput("rank: --svg empty", ["rank", "quad-full-rank", "--svg", ""], names: "--svg", says: "the path is empty"),
    BadInput("spectrum: --save-vectors empty", ["spectrum", "quad-full-rank", "--top", "1", "--save-vectors", ""], names: "--save-vectors", says: "the path is empty"),
    BadInput("reproduce: --svg empty", ["reproduce", "covariance-hessian", "--quick", "--svg", ""], names: "--svg", says: "the path is empty"),
    BadInput("verify: --fixtures empty", ["verify", "--quick", "--fixtures", ""], names: "--fixtures", says: "the path is empty"),
    BadInput("spectrum: --svg is a folder", ["spectrum", "quad-full-rank", "--top", "1", "--svg", "/tmp"], names: "--svg", says: "is a directory"),
    // llc ---------------------------------------------------------------------------------------
    BadInput("llc: ε-min = 0", ["llc", "nc-x2", "--epsilon-min", "0"], names: "--epsilon-min", says: "must be in (0, 1)"),
    BadInput("llc: ε-max ≥ 1", ["llc", "nc-x2", "--epsilon-max", "1"], names: "--epsilon-max", says: "must be in (0, 1)"),
    BadInput("llc: ε range reversed", ["llc", "nc-x2", "--epsilon-min", "0.01", "--epsilon-max", "0.001"], names: "--epsilon-min", says: "smaller than --epsilon-max"),
    BadInput("llc: γ < 0", ["llc", "nc-x2", "--gamma", "-1"], names: "--gamma", says: "γ = -1.0"),
    BadInput("llc: γ = NaN", ["llc", "nc-x2", "--gamma", "nan"], names: "--gamma", says: "γ = nan"),
    BadInput("llc: n = 1", ["llc", "nc-x2", "--n", "1"], names: "--n", says: "> 1"),
    BadInput("llc: 0 chains", ["llc", "nc-x2", "--chains", "0"], names: "--chains", says: "at least 1"),
    BadInput("llc: 0 steps", ["llc", "nc-x2", "--steps", "0"], names: "--steps", says: "at least 1"),
    BadInput("llc: burn-in ≥ steps", ["llc", "nc-x2", "--steps", "100", "--burn-in", "100"], names: "--burn-in", says: "less than --steps 100"),
    BadInput("llc: 2 particles", ["llc", "nc-x2", "--particles", "2"], names: "--particles", says: "at least 4"),
    BadInput("llc: 0 replicates", ["llc", "nc-x2", "--replicates", "0"], names: "--replicates", says: "at least 1"),
    BadInput("llc: step size 0", ["llc", "nc-x2", "--step-size", "0"], names: "--step-size", says: "positive and finite"),
    BadInput("llc: multiplicity 0", ["llc", "nc-x2", "--multiplicity", "0"], names: "--multiplicity", says: "integer ≥ 1"),
    BadInput("llc: rank beyond d", ["llc", "nc-x2", "--method", "bounds", "--rank", "5"], names: "--rank", says: "between 0 and d = 1"),
    // compare / verify / reproduce / lesson / bench ------------------------------------------------
    BadInput("compare: confidence 1", ["compare", "nc-x2", "--confidence", "1"], names: "--confidence", says: "must be in (0, 1)"),
    BadInput("compare: confidence 0", ["compare", "nc-x2", "--confidence", "0"], names: "--confidence", says: "must be in (0, 1)"),
    BadInput("compare: risk NaN", ["compare", "nc-x2", "--risk", "nan"], names: "--risk", says: "must be in (0, 1)"),
    BadInput("compare: sweep syntax", ["compare", "--sweep", "d="], names: "--sweep", says: "expected d=N,N"),
    BadInput("compare: sweep d = 0", ["compare", "--sweep", "d=10,0"], names: "--sweep", says: "'0' is not a dimension"),
    BadInput("compare: too few seeds", ["compare", "nc-x2", "--seeds", "3"], names: "--seeds", says: "at least 59"),
    BadInput("compare: cma cap factor 0", ["compare", "nc-x2", "--method", "cma", "--cma-cap-factor", "0"], names: "--cma-cap-factor", says: "at least 2"),
    BadInput("compare: cma cap factor -1", ["compare", "nc-x2", "--method", "cma", "--cma-cap-factor", "-1"], names: "--cma-cap-factor", says: "at least 2"),
    BadInput("compare: cma cap factor 1", ["compare", "nc-x2", "--method", "cma", "--cma-cap-factor", "1"], names: "--cma-cap-factor", says: "at least 2"),
    BadInput(
      "compare: cma cap factor Int.max", ["compare", "quad:1:d=2", "--method", "cma", "--cma-cap-factor", "\(Int.max)"],
      names: "--cma-cap-factor", says: "is too large"),
    BadInput("compare: cma cap factor NaN", ["compare", "nc-x2", "--method", "cma", "--cma-cap-factor", "nan"], names: "--cma-cap-factor", says: "'nan' is invalid"),
    BadInput("compare: cma cap factor inf", ["compare", "nc-x2", "--method", "cma", "--cma-cap-factor", "inf"], names: "--cma-cap-factor", says: "'inf' is invalid"),
    BadInput("compare: cma cap factor empty", ["compare", "nc-x2", "--method", "cma", "--cma-cap-factor", ""], names: "--cma-cap-factor", says: "'' is invalid"),
    BadInput("compare: cma σ₀ too small", ["compare", "quad:1:d=2", "--method", "cma", "--sigma", "1e-200"], names: "--sigma", says: "normal floating-point square"),
    BadInput("verify: budget 0", ["verify", "--budget", "0"], names: "--budget", says: "must be in (0, 1)"),
    BadInput("verify: budget 1.5", ["verify", "--budget", "1.5"], names: "--budget", says: "must be in (0, 1)"),
    BadInput("verify: explore < 0", ["verify", "--explore", "-2"], names: "--explore", says: "N = -2"),
    BadInput("verify: missing fixtures folder", ["verify", "--fixtures", "$TMP/none"], names: "--fixtures", says: "not an existing directory"),
    BadInput("unknown enum value lists the choices", ["rank", "nc-x2", "--method", "nosuch"], names: "--method", says: "one of the following: auto, dense"),
    BadInput("reproduce: 0 workers", ["reproduce", "covariance-hessian", "--workers", "0"], names: "--workers", says: "at least 1"),
    BadInput("reproduce: --svg not a folder", ["reproduce", "covariance-hessian", "--svg", "$TMP/none"], names: "--svg", says: "not an existing directory"),
    BadInput("reproduce robustness: 0 workers", ["reproduce", "robustness", "nc-x2", "--workers", "0"], names: "--workers", says: "at least 1"),
    BadInput("reproduce robustness: --svg not a folder", ["reproduce", "robustness", "nc-x2", "--svg", "$TMP/none"], names: "--svg", says: "not an existing directory"),
    BadInput("reproduce robustness: unknown landscape", ["reproduce", "robustness", "nosuch-landscape"], names: "nosuch-landscape", says: "unknown"),
    BadInput("lesson 0", ["lesson", "start", "0", "--lessons", "lessons"], names: "lesson 0", says: "no such lesson"),
    BadInput("lesson 99", ["lesson", "hint", "--lesson", "99", "--lessons", "lessons"], names: "lesson 99", says: "no such lesson"),
    BadInput("bench: --repeat 0", ["bench", "dense-rank", "--repeat", "0"], names: "--repeat", says: "at least 1"),
    BadInput(
      "bench: B.npy transposed", ["bench", "block-rank", "--inputs", "$TMP/bench-transposed"], names: "B.npy",
      says: "B must be r × d"),
    BadInput(
      "bench: X.npy of the wrong width", ["bench", "batched-loss", "--inputs", "$TMP/bench-points"], names: "X.npy",
      says: "X must be n × d"),
    BadInput("bench: --workers 0", ["bench", "covariance", "--workers", "0"], names: "--workers", says: "at least 1"),
    // --threads (every command with --allow-long, and bench) ------------------------------------
    BadInput("--threads 0", ["rank", "nc-x2", "--threads", "0"], names: "--threads", says: "between 1 and 1024"),
    BadInput("--threads -1", ["spectrum", "nc-x2", "--top", "1", "--threads=-1"], names: "--threads", says: "between 1 and 1024"),
    BadInput(
      "--threads Int.max", ["describe", "nc-x2", "--threads", "9223372036854775807"], names: "--threads", says: "between 1 and 1024"),
    BadInput("--threads nan", ["covariance", "nc-x2", "--threads", "nan"], names: "--threads", says: "'nan' is invalid"),
    BadInput("--threads inf", ["llc", "nc-x2", "--threads", "inf"], names: "--threads", says: "'inf' is invalid"),
    BadInput("--threads empty", ["rank", "nc-x2", "--threads", ""], names: "--threads", says: "'' is invalid"),
    BadInput("bench: --threads 0", ["bench", "dense-rank", "--threads", "0"], names: "--threads", says: "between 1 and 1024"),
    // Usage --------------------------------------------------------------------------------------
    BadInput("describe without a landscape", ["describe"], names: "landscape", says: "Missing expected argument"),
    BadInput("unknown flag", ["describe", "nc-x2", "--frobnicate"], names: "--frobnicate", says: "Unknown option"),
    BadInput("negative lesson number", ["lesson", "start", "-1"], names: "'-1'", says: "negative number is not valid"),
    // oracle: inputs and the --oracle-* options.
    BadInput("oracle: without a command", ["rank", "oracle:"], names: "oracle:", says: "needs a command after 'oracle:'"),
    BadInput("--oracle-processes 0", ["rank", "oracle:true", "--oracle-processes", "0"], names: "--oracle-processes", says: "between 1 and 64"),
    BadInput("--oracle-processes 65", ["llc", "oracle:true", "--oracle-processes", "65"], names: "--oracle-processes", says: "between 1 and 64"),
    BadInput("--oracle-timeout 0", ["spectrum", "oracle:true", "--oracle-timeout", "0"], names: "--oracle-timeout", says: "positive, finite"),
    BadInput("--oracle-timeout nan", ["covariance", "oracle:true", "--population", "4", "--kept", "10", "--oracle-timeout", "nan"], names: "--oracle-timeout", says: "positive, finite"),
    BadInput("--oracle-processes with a landscape", ["describe", "nc-x2", "--oracle-processes", "2"], names: "--oracle-processes", says: "applies only to an oracle:COMMAND input"),
    BadInput("--ignore-oracle-checks with a landscape", ["compare", "nc-x2", "--ignore-oracle-checks"], names: "--ignore-oracle-checks", says: "applies only to an oracle:COMMAND input"),
    // check: the estimate, its standard error, α and the selection.
    BadInput("check --value x", ["check", "nc-x2", "--quantity", "llc", "--value", "x"], names: "--value", says: "'x' is not a number"),
    BadInput("check --value 1,,2", ["check", "quad-full-rank", "--quantity", "top-eigenvalues", "--value", "1,,2"], names: "--value", says: "item 2 is empty"),
    BadInput("check --value list for llc", ["check", "nc-x2", "--quantity", "llc", "--value", "0.5,0.5"], names: "--value", says: "is one number"),
    BadInput("check --standard-error 0", ["check", "nc-x2", "--quantity", "llc", "--value", "0.5", "--standard-error", "0"], names: "--standard-error", says: "positive finite"),
    BadInput("check --standard-error nan", ["check", "nc-x2", "--quantity", "llc", "--value", "0.5", "--standard-error", "nan"], names: "--standard-error", says: "not a finite number"),
    BadInput("check --alpha 0", ["check", "nc-x2", "--quantity", "llc", "--value", "0.5", "--alpha", "0"], names: "--alpha", says: "must be in (0, 0.5]"),
    BadInput("check fractional rank", ["check", "nc-x2", "--quantity", "rank", "--value", "0.5"], names: "--value", says: "whole number"),
    BadInput("check too many eigenvalues", ["check", "nc-x2", "--quantity", "top-eigenvalues", "--value", "2,1"], names: "--value", says: "dimension d = 1"),
    BadInput("check covariance without --sigma", ["check", "nc-x2", "--quantity", "covariance-scale", "--value", "0.1", "--population", "10"], names: "--sigma", says: "needs --population and --sigma"),
    BadInput("check --population 1", ["check", "nc-x2", "--quantity", "covariance-scale", "--value", "0.1", "--population", "1", "--sigma", "1"], names: "--population", says: "at least 2"),
    BadInput("check --sigma with llc", ["check", "nc-x2", "--quantity", "llc", "--value", "0.5", "--sigma", "1"], names: "--sigma", says: "only --quantity covariance-scale"),
    BadInput("check oracle:", ["check", "oracle:true", "--quantity", "llc", "--value", "0.5"], names: "oracle:true", says: "no known answers"),
    BadInput("check --tolerance -1", ["check", "quad-full-rank", "--quantity", "top-eigenvalues", "--value", "1", "--tolerance", "-1"], names: "--tolerance", says: "finite number ≥ 0"),
  ]

  @Test("At least 40 bad inputs are covered")
  func coverage() {
    #expect(Self.cases.count >= 140)
  }

  @Test("Rejected with status 2 and one line naming the input", arguments: cases)
  func rejected(_ input: BadInput) throws {
    let result = try CommandRunner.run(input.arguments.map(BadInputFiles.resolve))
    let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(result.status == 2, "status \(result.status): \(result.standardError.prefix(300))")
    #expect(result.standardOutput.isEmpty, "stdout: \(result.standardOutput.prefix(200))")
    #expect(lines.count == 2 && lines[1].isEmpty, "expected one line on stderr, got: \(result.standardError.prefix(400))")
    #expect(result.standardError.hasPrefix("hessian-lab: error:"), "\(result.standardError)")
    #expect(result.standardError.contains(input.names), "does not name '\(input.names)': \(result.standardError)")
    #expect(result.standardError.contains(input.says), "does not say '\(input.says)': \(result.standardError)")
  }
}
