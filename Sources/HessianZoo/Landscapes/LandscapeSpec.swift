import Foundation

/// Turns a landscape argument into a landscape. Accepted forms:
///
/// - a zoo id (``Zoo``), e.g. `newton-edge`;
/// - a fixture path ending in `.json` (``LandscapeFixture``), named `ID (PATH)` when given on its own;
/// - a dense Hessian path ending in `.npy`: the quadratic ½wᵀHw, read by the one
///   loader ``QuadraticLandscape/fromNumpyHessian(path:name:check:)`` with the file's
///   precision (H checked symmetric, and positive semidefinite unless `hessianCheck`
///   says otherwise), also inside `sum:` and as a fixture's spec;
/// - `poly:EXPR[:d=N][:flat=K]` — a polynomial potential (``PolynomialLandscape``);
///   `d=N` fixes the number of variables, `flat=K` appends K unused ones;
/// - `dln:H1-H2-…-H{M+1}:rank=R` — a deep linear network (``DeepLinearNetworkLandscape``);
/// - `quad:EIGS:d=N[:seed=S]` — a quadratic with nonzero eigenvalues EIGS, a comma
///   list of `value` or `value*count` (may be empty); axis-aligned without a seed,
///   a seeded random orthonormal basis with one (``QuadraticLandscape``);
/// - `mlp:IN-H1-…-OUT:act=A:data=N:seed=S[:teacher=IN-h-…-OUT][:train=STEPS]` — a multilayer perceptron
///   with a narrower teacher embedded in it, or with `train=` the point L-BFGS training reaches
///   (``MultilayerPerceptronLandscape``, ``NetworkTraining``);
/// - `sum:SPEC|SPEC|…` — the direct sum on disjoint coordinates (``DirectSumLandscape``).
///
/// Strictness: every list refuses an empty item (``DelimitedList``: `quad:1,,2`,
/// `quad:,`); every `:key=value` option is known to its family and given once
/// (``SpecOptions``: `poly:x0^2:d=3:d=4` is refused); fixture references and
/// `sum:` blocks nest at most ``SpecNesting/maximumDepth`` deep and may not lead
/// back to a fixture on their own chain (``SpecNesting``). Each refusal is one line
/// naming the spec or the fixture file.
///
/// Cost: parsing is linear in the text; building costs what the family costs
/// (a random basis is one QR of a d×k matrix).
public enum LandscapeSpec {
  /// Resolves `text` (see the type's documentation), naming the landscape `name`
  /// (default: the text itself).
  ///
  /// - Parameter hessianCheck: what is required of every `.npy` Hessian in `text`
  ///   (default ``HessianFileCheck/minimum``: positive semidefinite).
  /// - Throws: ``InputError`` with one line naming the input, where, and what is wrong.
  public static func resolve(
    _ text: String, name: String? = nil, hessianCheck: HessianFileCheck = .minimum
  ) throws(InputError) -> any Landscape {
    try resolve(text, name: name, hessianCheck: hessianCheck, nesting: SpecNesting())
  }

  /// Resolves the spec of `fixture`, read from `path`, naming the landscape `name`
  /// (default: the fixture's id); `path` is the first link of the chain, so a spec
  /// leading back to it is refused as a cycle.
  ///
  /// - Throws: ``InputError`` naming `path` (`field 'spec': …`), or the fixture
  ///   where a cycle closes or the nesting passes ``SpecNesting/maximumDepth``.
  public static func resolve(
    fixture: LandscapeFixture, path: String, name: String? = nil, hessianCheck: HessianFileCheck = .minimum
  ) throws(InputError) -> any Landscape {
    try resolve(fixture: fixture, path: path, name: name, hessianCheck: hessianCheck, nesting: SpecNesting())
  }

  static func resolve(
    fixture: LandscapeFixture, path: String, name: String?, hessianCheck: HessianFileCheck, nesting: SpecNesting
  ) throws(InputError) -> any Landscape {
    let inner = try nesting.entering(fixture: path)
    do {
      return try resolve(fixture.spec, name: name ?? fixture.id, hessianCheck: hessianCheck, nesting: inner)
    } catch {
      if nesting.isNestingFailure(error) { throw error }
      throw InputError.file(path: path, problem: "field 'spec': \(error)")
    }
  }

  static func resolve(
    _ text: String, name: String?, hessianCheck: HessianFileCheck, nesting: SpecNesting
  ) throws(InputError) -> any Landscape {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix("poly:") { return try polynomial(trimmed, name: name) }
    if trimmed.hasPrefix("dln:") {
      return try DeepLinearNetworkLandscape(spec: trimmed, name: name)
    }
    if trimmed.hasPrefix("quad:") { return try quadratic(trimmed, name: name) }
    if trimmed.hasPrefix("mlp:") { return try MultilayerPerceptronLandscape(spec: trimmed, name: name) }
    if trimmed.hasPrefix("sum:") {
      let parts = trimmed.dropFirst(4).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      guard parts.count >= 2 else {
        throw InputError.spec(trimmed, problem: "a direct sum needs at least two specs separated by '|'")
      }
      let inner = try nesting.enteringSum(trimmed)
      var blocks: [any Landscape] = []
      for (k, part) in parts.enumerated() {
        guard !part.trimmingCharacters(in: .whitespaces).isEmpty else {
          throw InputError.spec(trimmed, problem: "block \(k + 1) of the direct sum is empty")
        }
        blocks.append(try resolve(part, name: nil, hessianCheck: hessianCheck, nesting: inner))
      }
      return DirectSumLandscape(name: name ?? trimmed, blocks: blocks)
    }
    if trimmed.hasSuffix(".json") {
      let fixture = try LandscapeFixture.load(path: trimmed)
      // A fixture given by path on its own is named "ID (PATH)", so that every message naming the
      // landscape (a budget refusal deep in an analysis included) also names the file typed.
      let shown = name ?? (nesting.depth == 0 && fixture.id != trimmed ? "\(fixture.id) (\(trimmed))" : nil)
      return try resolve(fixture: fixture, path: trimmed, name: shown, hessianCheck: hessianCheck, nesting: nesting)
    }
    if trimmed.hasSuffix(".npy") || NumpyStandardInput.isStandardInput(trimmed) {
      return try QuadraticLandscape.fromNumpyHessian(path: trimmed, name: name, check: hessianCheck)
    }
    if let entry = Zoo.entry(id: trimmed) {
      return try resolve(entry.spec, name: name ?? entry.id, hessianCheck: .minimum, nesting: nesting)
    }
    if trimmed.isEmpty { throw InputError.spec("", problem: "empty specification") }
    let hint = Zoo.suggestions(for: trimmed).joined(separator: ", ")
    throw InputError.spec(
      trimmed,
      problem: "unknown landscape (not a zoo id, a .json fixture, a .npy file, poly:, dln:, quad:, mlp: or sum:); closest zoo ids: \(hint)")
  }

  /// `poly:EXPR[:d=N][:flat=K]`.
  static func polynomial(_ text: String, name: String?) throws(InputError) -> PolynomialLandscape {
    let body = String(text.dropFirst(5))
    let fields = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    let expression = fields[0]
    guard !expression.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw InputError.spec(text, problem: "empty expression after 'poly:'")
    }
    let options = try SpecOptions(
      fields.dropFirst(), allowed: ["d", "flat"], usage: "poly: takes d=N and flat=K", in: text)
    let dimension = try options["d"].map { v throws(InputError) in try positiveInt(v, key: "d", in: text, allowZero: false) }
    let flat = try options["flat"].map { v throws(InputError) in try positiveInt(v, key: "flat", in: text, allowZero: true) } ?? 0
    let exprName = name == nil ? "poly:\(expression)" : "\(name ?? ""): poly:\(expression)"
    // Exponent vectors have d entries and the quadratic part is a dense d×d matrix
    // (exact rationals, 16 bytes, and a Double copy for the eigenvalue check with
    // its workspace, about 24 more): refuse a d that cannot fit before parsing (the parser
    // calls the check once it knows d, after tokenizing).
    let p = try PolynomialParser.parse(expression, dimension: dimension, inputName: exprName) { d throws(InputError) in
      try checkPolynomialMemory(dimension: d, flat: flat, text: text)
    }
    try ExactArithmeticCheck.quadraticPart(of: p, input: exprName)
    return try PolynomialLandscape(name: name ?? text, polynomial: p.padded(to: p.dimension + flat))
  }

  /// `quad:EIGS:d=N[:seed=S]`.
  static func quadratic(_ text: String, name: String?) throws(InputError) -> QuadraticLandscape {
    let fields = text.dropFirst(5).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    var groups: [(value: Double, count: Int)] = []
    var total = 0
    let items = try DelimitedList.items(fields[0]) { problem in
      InputError.spec(text, problem: "eigenvalue list '\(fields[0])': \(problem.description) (write values as 1,2*3)")
    }
    for item in items {
      let pieces = item.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
      guard pieces.count <= 2, let v = Double(pieces[0]), v.isFinite, v > 0 else {
        throw InputError.spec(text, problem: "eigenvalue '\(item)' is not a positive finite number (zeros come from d)")
      }
      var count = 1
      if pieces.count == 2 {
        guard let c = Int(pieces[1]), c >= 1 else {
          throw InputError.spec(text, problem: "multiplicity in '\(item)' is not a positive integer")
        }
        count = c
      }
      let (sum, overflow) = total.addingReportingOverflow(count)
      guard !overflow, sum <= 10_000_000 else {
        throw InputError.spec(text, problem: "more than 10,000,000 nonzero eigenvalues (at '\(item)')")
      }
      total = sum
      groups.append((v, count))
    }
    let options = try SpecOptions(
      fields.dropFirst(), allowed: ["d", "seed"], usage: "quad: takes d=N and seed=S", in: text)
    let d = try options["d"].map { v throws(InputError) in try positiveInt(v, key: "d", in: text, allowZero: false) }
    var seed: UInt64?
    if let value = options["seed"] {
      guard let s = UInt64(value) else { throw InputError.spec(text, problem: "seed '\(value)' is not a non-negative integer") }
      seed = s
    }
    let dim = d ?? total
    guard dim >= 1 else {
      throw InputError.spec(text, problem: "d = 0 (no eigenvalues and no d=N); a landscape needs at least one dimension")
    }
    guard dim >= total else {
      throw InputError.spec(text, problem: "d = \(dim) is smaller than the \(total) nonzero eigenvalues")
    }
    // The k×d basis rows (plus, for a random basis, the d×k Gaussian draw, its QR
    // factor and the transpose) and the diagonal: refuse before allocating them.
    let copies = seed == nil ? 1 : 4
    try MemoryBudget.check(
      MemoryBudget.product(total, dim, copies, 8).flatMap { $0 <= Int.max - 8 * dim ? $0 + 8 * dim : nil },
      for: "the \(total)×\(dim) eigenbasis", spec: text)
    var values: [Double] = []
    values.reserveCapacity(total)
    for g in groups { values += [Double](repeating: g.value, count: g.count) }
    let basis: QuadraticLandscape.Basis = seed.map { .randomOrthonormal(seed: $0) } ?? .axisAligned
    do {
      return try QuadraticLandscape.withSpectrum(
        name: name ?? text, nonzeroEigenvalues: values, dimension: dim, basis: basis)
    } catch {
      throw InputError.spec(text, problem: "could not build the random basis: \(error)")
    }
  }

  /// Refuses a polynomial whose dense d×d quadratic part would not fit in memory, or whose
  /// eigendecomposition (9·d³ flops) is above the ``WorkBudget`` ceiling.
  static func checkPolynomialMemory(dimension: Int, flat: Int, text: String) throws(InputError) {
    let d = dimension + flat
    try MemoryBudget.check(MemoryBudget.product(d, d, 40), for: "the dense \(d)×\(d) quadratic part", spec: text)
    try WorkBudget.check(
      WorkBudget.eigendecompositionFlops(dimension: d), .flops,
      for: "the eigendecomposition of the \(d)×\(d) quadratic part", spec: text)
  }

  static func positiveInt(_ value: String, key: String, in text: String, allowZero: Bool) throws(InputError) -> Int {
    guard let v = Int(value), v >= (allowZero ? 0 : 1) else {
      throw InputError.spec(text, problem: "\(key)=\(value) is not a \(allowZero ? "non-negative" : "positive") integer")
    }
    guard v <= 10_000_000 else {
      throw InputError.spec(text, problem: "\(key)=\(value) is too large (at most 10,000,000)")
    }
    return v
  }
}

/// A dry run of the exact arithmetic ``PolynomialLandscape`` does on the quadratic
/// part (H_ii = 2c, H_ij = c, then Gauss–Jordan elimination over 64-bit rationals
/// for the exact rank), with every product and sum overflow-checked.
///
/// The landscape's own arithmetic traps on overflow; running the same operations
/// in the same order here first turns a huge-coefficient expression such as
/// `poly:5000000000*1000000000*x0^2` into an ``InputError`` instead of a crash.
/// Cost: O(d·r²) checked operations for r used variables; free when there is no
/// quadratic part.
enum ExactArithmeticCheck {
  typealias Q = (n: Int, d: Int)

  static func quadraticPart(of p: Polynomial, input: String) throws(InputError) {
    let overflow = InputError.spec(
      input, problem: "a coefficient is too large for exact 64-bit rational arithmetic (the Hessian's exact rank overflows)")
    let quadratic = p.terms.filter { $0.degree == 2 }
    guard !quadratic.isEmpty else { return }
    // The same d×d matrix and the same operations in the same order (pivot
    // choice and row swaps included), so this overflows exactly when they would.
    let n = p.dimension
    var m = [[Q]](repeating: [Q](repeating: (0, 1), count: n), count: n)
    for t in quadratic {
      let s = t.exponents.indices.filter { t.exponents[$0] > 0 }
      let c = (t.coefficient.numerator, t.coefficient.denominator)
      let a = s[0]
      if s.count == 1 {
        guard let two = mul(c, (2, 1)) else { throw overflow }
        m[a][a] = two
      } else {
        let b = s[1]
        m[a][b] = c
        m[b][a] = c
      }
    }
    var r = 0
    for c in 0..<n where r < n {
      guard let pivot = (r..<n).first(where: { m[$0][c].n != 0 }) else { continue }
      m.swapAt(r, pivot)
      guard let inv = div((1, 1), m[r][c]) else { throw overflow }
      for j in 0..<n {
        guard let v = mul(m[r][j], inv) else { throw overflow }
        m[r][j] = v
      }
      for i in 0..<n where i != r && m[i][c].n != 0 {
        let f = m[i][c]
        for j in 0..<n {
          guard let fr = mul(f, m[r][j]), let v = sub(m[i][j], fr) else { throw overflow }
          m[i][j] = v
        }
      }
      r += 1
    }
  }

  /// Rational(p, q) as ``Rational`` normalises it, nil where that would trap.
  static func make(_ p: Int, _ q: Int) -> Q? {
    guard q != 0, p != Int.min, q != Int.min else { return nil }
    let g = max(Rational.gcd(abs(p), abs(q)), 1)
    let sign = q < 0 ? -1 : 1
    return (sign * p / g, sign * q / g)
  }

  static func mul(_ a: Q, _ b: Q) -> Q? {
    let (p, o1) = a.n.multipliedReportingOverflow(by: b.n)
    let (q, o2) = a.d.multipliedReportingOverflow(by: b.d)
    return o1 || o2 ? nil : make(p, q)
  }

  static func div(_ a: Q, _ b: Q) -> Q? {
    let (p, o1) = a.n.multipliedReportingOverflow(by: b.d)
    let (q, o2) = a.d.multipliedReportingOverflow(by: b.n)
    return o1 || o2 ? nil : make(p, q)
  }

  static func sub(_ a: Q, _ b: Q) -> Q? {
    let (x, o1) = a.n.multipliedReportingOverflow(by: b.d)
    let (y, o2) = b.n.multipliedReportingOverflow(by: a.d)
    let (p, o3) = x.subtractingReportingOverflow(y)
    let (q, o4) = a.d.multipliedReportingOverflow(by: b.d)
    return o1 || o2 || o3 || o4 ? nil : make(p, q)
  }
}
