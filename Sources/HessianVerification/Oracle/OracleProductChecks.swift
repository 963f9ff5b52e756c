import Foundation

/// The symmetry and linearity checks of an oracle's Hessian-vector products, from one block.
///
/// With k seeded pairs of unit vectors (uᵢ, vᵢ) and fixed coefficients (a, b) = (3, −2), one
/// block [U | V | aU + bV] of 3k columns is sent, and
///
/// ```
/// symmetry:   max_i |uᵢᵀ(Hvᵢ) − vᵢᵀ(Huᵢ)| / N
/// linearity:  max_i ‖H(a uᵢ + b vᵢ) − a Huᵢ − b Hvᵢ‖ / ((|a| + |b|)·N)
/// ```
///
/// with N = max ‖H x‖ over the 2k unit probes, each held to ``OracleTrustTolerance/products(dimension:precision:)``.
/// Since ‖a u + b v‖ ≈ √13 ≠ 1, a product that scales wrongly with the length of its operand
/// (H·v·‖v‖) fails linearity. Cost: 3k HVPs (one block).
public enum OracleProductChecks {
  /// The coefficients (a, b) of the linearity probe.
  public static let coefficients = (a: 3.0, b: -2.0)

  /// The two checks, and the unit probes U (d×k) with their products HU (d×k) for reuse.
  ///
  /// - Throws: whatever the counted operator throws (a broken oracle, a non-finite product).
  public static func run(
    _ op: HessianOperator, pairs k: Int, using rng: inout SeededGenerator
  ) throws -> (symmetry: OracleTrustCheck, linearity: OracleTrustCheck, probes: [[Double]], products: [[Double]], norm: Double) {
    let d = op.dimension
    let (a, b) = coefficients
    let u = (0..<k).map { _ in unit(rng.normals(d)) }
    let v = (0..<k).map { _ in unit(rng.normals(d)) }
    let mixed = (0..<k).map { i in (0..<d).map { a * u[i][$0] + b * v[i][$0] } }
    let out = try op.apply(block(u + v + mixed, rows: d))
    let hu = (0..<k).map { out.column($0) }
    let hv = (0..<k).map { out.column(k + $0) }
    let hm = (0..<k).map { out.column(2 * k + $0) }
    let norm = (hu + hv).map(length).max() ?? 0
    var asym = 0.0, nonlin = 0.0
    for i in 0..<k {
      asym = max(asym, abs(dot(u[i], hv[i]) - dot(v[i], hu[i])))
      nonlin = max(nonlin, length((0..<d).map { hm[i][$0] - a * hu[i][$0] - b * hv[i][$0] }))
    }
    let tol = OracleTrustTolerance.products(dimension: d, precision: op.precision)
    let f = OracleTrustTolerance.productsFormula
    let symmetry = OracleTrustCheck.judged(
      .symmetry, measured: OracleTrustTolerance.ratio(asym, norm), tolerance: tol, formula: f, above: .failed,
      message: "max |uᵀHv − vᵀHu| / ‖H‖ over \(k) seeded pairs of unit vectors")
    let linearity = OracleTrustCheck.judged(
      .linearity, measured: OracleTrustTolerance.ratio(nonlin, (abs(a) + abs(b)) * norm), tolerance: tol, formula: f,
      above: .failed, message: "max ‖H(3u − 2v) − 3Hu + 2Hv‖ / (5‖H‖) over the same pairs")
    return (symmetry, linearity, u, hu, norm)
  }

  /// x / ‖x‖ (x unchanged when it is 0).
  static func unit(_ x: [Double]) -> [Double] {
    let n = length(x)
    return n > 0 ? x.map { $0 / n } : x
  }

  /// ‖x‖₂.
  static func length(_ x: [Double]) -> Double { dot(x, x).squareRoot() }

  /// xᵀy.
  static func dot(_ x: [Double], _ y: [Double]) -> Double { zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }

  /// The d×m matrix whose columns are `columns`.
  static func block(_ columns: [[Double]], rows d: Int) -> Matrix {
    var m = Matrix(rows: d, columns: columns.count)
    for (j, c) in columns.enumerated() { for i in 0..<d { m[i, j] = c[i] } }
    return m
  }
}
