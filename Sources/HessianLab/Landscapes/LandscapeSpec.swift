import Foundation

/// Turns a landscape argument into a landscape. Accepted forms:
///
/// - a zoo id (``Zoo``), e.g. `newton-edge`;
/// - a fixture path ending in `.json` (``LandscapeFixture``);
/// - a dense Hessian path ending in `.npy` (quadratic ½wᵀHw; H checked symmetric and PSD);
/// - `poly:EXPR[:d=N][:flat=K]` — a polynomial potential (``PolynomialLandscape``);
///   `d=N` fixes the number of variables, `flat=K` appends K unused ones;
/// - `dln:H1-H2-…-H{M+1}:rank=R` — a deep linear network (``DeepLinearNetworkLandscape``);
/// - `quad:EIGS:d=N[:seed=S]` — a quadratic with nonzero eigenvalues EIGS, a comma
///   list of `value` or `value*count` (may be empty); axis-aligned without a seed,
///   a seeded random orthonormal basis with one (``QuadraticLandscape``);
/// - `sum:SPEC|SPEC|…` — the direct sum on disjoint coordinates (``DirectSumLandscape``).
///
/// Cost: parsing is linear in the text; building costs what the family costs
/// (a random basis is one QR of a d×k matrix).
public enum LandscapeSpec {
  /// Resolves `text` (see the type's documentation).
  ///
  /// - Throws: ``InputError`` with one line naming the input, where, and what is wrong.
  public static func resolve(_ text: String) throws(InputError) -> any Landscape {
    try resolve(text, name: nil)
  }

  /// Resolves `text`, naming the landscape `name` (default: the text itself).
  public static func resolve(_ text: String, name: String?) throws(InputError) -> any Landscape {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix("poly:") { return try polynomial(trimmed, name: name) }
    if trimmed.hasPrefix("dln:") {
      return try DeepLinearNetworkLandscape(spec: trimmed, name: name)
    }
    if trimmed.hasPrefix("quad:") { return try quadratic(trimmed, name: name) }
    if trimmed.hasPrefix("sum:") {
      let parts = trimmed.dropFirst(4).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      guard parts.count >= 2 else {
        throw InputError("\(trimmed): a direct sum needs at least two specs separated by '|'")
      }
      var blocks: [any Landscape] = []
      for (k, part) in parts.enumerated() {
        guard !part.trimmingCharacters(in: .whitespaces).isEmpty else {
          throw InputError("\(trimmed): block \(k + 1) of the direct sum is empty")
        }
        blocks.append(try resolve(part, name: nil))
      }
      return DirectSumLandscape(name: name ?? trimmed, blocks: blocks)
    }
    if trimmed.hasSuffix(".json") {
      let fixture = try LandscapeFixture.load(path: trimmed)
      return try resolve(fixture.spec, name: name ?? fixture.id)
    }
    if trimmed.hasSuffix(".npy") { return try QuadraticLandscape.fromNumpyHessian(path: trimmed, name: name) }
    if let entry = Zoo.entry(id: trimmed) { return try resolve(entry.spec, name: name ?? entry.id) }
    if trimmed.isEmpty { throw InputError("landscape: empty specification") }
    let hint = Zoo.suggestions(for: trimmed).joined(separator: ", ")
    throw InputError(
      "\(trimmed): unknown landscape (not a zoo id, a .json fixture, a .npy file, poly:, dln:, quad: or sum:); closest zoo ids: \(hint)")
  }

  /// `poly:EXPR[:d=N][:flat=K]`.
  static func polynomial(_ text: String, name: String?) throws(InputError) -> PolynomialLandscape {
    let body = String(text.dropFirst(5))
    let fields = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    let expression = fields[0]
    guard !expression.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw InputError("\(text): empty expression after 'poly:'")
    }
    var dimension: Int?
    var flat = 0
    for field in fields.dropFirst() {
      let (key, value) = try option(field, in: text)
      switch key {
      case "d": dimension = try positiveInt(value, key: key, in: text, allowZero: false)
      case "flat": flat = try positiveInt(value, key: key, in: text, allowZero: true)
      default: throw InputError("\(text): unknown option '\(key)' (poly: takes d=N and flat=K)")
      }
    }
    let exprName = name == nil ? "poly:\(expression)" : "\(name ?? ""): poly:\(expression)"
    let p = try PolynomialParser.parse(expression, dimension: dimension, inputName: exprName)
    return try PolynomialLandscape(name: name ?? text, polynomial: p.padded(to: p.dimension + flat))
  }

  /// `quad:EIGS:d=N[:seed=S]`.
  static func quadratic(_ text: String, name: String?) throws(InputError) -> QuadraticLandscape {
    let fields = text.dropFirst(5).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    var values: [Double] = []
    for item in fields[0].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      let pieces = item.split(separator: "*").map(String.init)
      guard pieces.count <= 2, let v = Double(pieces[0]), v.isFinite, v > 0 else {
        throw InputError("\(text): eigenvalue '\(item)' is not a positive finite number (zeros come from d)")
      }
      var count = 1
      if pieces.count == 2 {
        guard let c = Int(pieces[1]), c >= 1 else {
          throw InputError("\(text): multiplicity in '\(item)' is not a positive integer")
        }
        count = c
      }
      values += [Double](repeating: v, count: count)
    }
    var d: Int?
    var seed: UInt64?
    for field in fields.dropFirst() {
      let (key, value) = try option(field, in: text)
      switch key {
      case "d": d = try positiveInt(value, key: key, in: text, allowZero: false)
      case "seed":
        guard let s = UInt64(value) else { throw InputError("\(text): seed '\(value)' is not a non-negative integer") }
        seed = s
      default: throw InputError("\(text): unknown option '\(key)' (quad: takes d=N and seed=S)")
      }
    }
    let dim = d ?? values.count
    guard dim >= max(values.count, 1) else {
      throw InputError("\(text): d = \(dim) is smaller than the \(values.count) nonzero eigenvalues")
    }
    let basis: QuadraticLandscape.Basis = seed.map { .randomOrthonormal(seed: $0) } ?? .axisAligned
    do {
      return try QuadraticLandscape.withSpectrum(
        name: name ?? text, nonzeroEigenvalues: values, dimension: dim, basis: basis)
    } catch {
      throw InputError("\(text): could not build the random basis: \(error)")
    }
  }

  static func option(_ field: String, in text: String) throws(InputError) -> (String, String) {
    let kv = field.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard kv.count == 2, !kv[0].isEmpty else {
      throw InputError("\(text): option '\(field)' is not of the form key=value")
    }
    return (kv[0], kv[1])
  }

  static func positiveInt(_ value: String, key: String, in text: String, allowZero: Bool) throws(InputError) -> Int {
    guard let v = Int(value), v >= (allowZero ? 0 : 1), v <= 10_000_000 else {
      throw InputError("\(text): \(key)=\(value) is not a \(allowZero ? "non-negative" : "positive") integer")
    }
    return v
  }
}
