import Foundation

/// An operator H' = 2ˢ·H with the power of two s chosen so that ‖H'‖ ≈ 1: the
/// scale-normalised view the rank methods work on, so that a threshold
/// τ = max|λ|·d·ε never overflows and a subnormal spectrum becomes normal.
///
/// A power of two is exact: H' has the eigenvalues of H times 2ˢ (unless they
/// underflow far below the largest), so a relative rank decision is unchanged.
/// When H is already of moderate size (‖H‖ within 2^±400) s = 0 and every product
/// is H·X unchanged, bit for bit. Otherwise H'·X = 2^(−o)·H·(2ⁱ·X) with i − o = s,
/// where the input shift i keeps H·(2ⁱX) finite and normal (a subnormal H meets a
/// scaled-up X; a huge H a scaled-down one).
///
/// s comes from a stored `knownMatrix` (its largest entry) when there is one, else from
/// the first product with a non-zero result (which is recomputed once at the
/// chosen shift, and when it overflows, retried at inputs scaled down by 2⁻²⁵⁶,
/// 2⁻⁵¹², 2⁻⁷⁶⁸, 2⁻¹⁰⁰⁰: at most five products, all counted by `source`). A known matrix
/// that is built on access (a factored Hessian, ``SymmetricOperator/storesMatrix`` false) is
/// built only if a caller asks for ``knownMatrix`` (the dense reference), not to fix the scale:
/// a Krylov method on a factored d = 10⁴ Hessian never forms its d² entries.
public final class PowerOfTwoScaledOperator: SymmetricOperator, @unchecked Sendable {
  /// The operator scaled (a counting ``HessianOperator``, so every product, retries included, is counted).
  public let source: HessianOperator
  private let shifts = Locked<Shifts?>(nil)
  private let storedScaledMatrix: Matrix?

  /// The input and output shifts: H'·X = 2^(−output)·H·(2^input·X).
  struct Shifts: Equatable {
    var input: Int
    var output: Int
    /// s = input − output, with H' = 2ˢ·H.
    var exponent: Int { input - output }
    static let identity = Shifts(input: 0, output: 0)
  }

  /// ‖H‖ within 2^±400 (of the input's size) is used as it is.
  static let moderateExponent = 400
  /// The largest input shift up (inputs of size ≤ 1 stay below 2⁹⁶⁰).
  static let maximumInputShift = 960
  /// The input shift down for a large H (room for sums of up to 2⁶⁴ terms).
  static let largeInputShift = 64

  /// The scaled view of `source`; reads its known matrix (if any) to fix the scale.
  public init(_ source: HessianOperator) {
    self.source = source
    guard source.storesMatrix, let m = source.knownMatrix else {
      storedScaledMatrix = nil
      return
    }
    storedScaledMatrix = Self.fixScale(from: m, into: shifts)
  }

  /// Fixes the shifts from `m`'s largest entry (unless already fixed, or m overflowed) and
  /// returns 2ˢ·m, nil when the shifts could not be fixed from m.
  private static func fixScale(from m: Matrix, into shifts: Locked<Shifts?>) -> Matrix? {
    let top = MaxMagnitude.of(m.elements)
    let chosen: Shifts? = shifts.withLock { current in
      if let current { return current }
      guard top.isFinite else { return nil }  // an overflowed matrix: let the products decide
      current = Self.shifts(normExponent: top == 0 ? 0 : Int(top.exponent), overflowShift: 0)
      return current
    }
    guard let chosen else { return nil }
    return chosen == .identity ? m : Matrix(rows: m.rows, columns: m.columns, elements: m.elements.map { Self.scale($0, by: chosen.exponent) })
  }

  /// The dimension d of H.
  public var dimension: Int { source.dimension }
  /// The precision of H.
  public var precision: Precision { source.precision }
  /// The relative accuracy of H's products (a power-of-two scale leaves it unchanged).
  public var accuracy: Double { source.accuracy }
  /// The source's warnings about its products.
  public var productWarnings: [Warning] { source.productWarnings }
  /// The source's preferred block size (``SymmetricOperator/preferredBlockSize``).
  public var preferredBlockSize: Int { source.preferredBlockSize }
  /// 2ˢ·H when the source holds H (built on access when the source builds it on access; the
  /// first access fixes s from it unless a product did).
  public var knownMatrix: Matrix? {
    if let storedScaledMatrix { return storedScaledMatrix }
    guard !source.storesMatrix, let m = source.knownMatrix else { return nil }
    return Self.fixScale(from: m, into: shifts)
  }
  /// Whether the source stores H.
  public var storesMatrix: Bool { storedScaledMatrix != nil }

  /// s with H' = 2ˢ·H (0 until a product has fixed it, and when H is of moderate size).
  public var exponent: Int { shifts.withLock { $0 }.map(\.exponent) ?? 0 }

  /// The shifts for ‖H‖ ≈ 2^e; `overflowShift` > 0 when H·X overflowed at unscaled inputs.
  static func shifts(normExponent e: Int, overflowShift k: Int) -> Shifts {
    if k == 0, abs(e) <= moderateExponent { return .identity }
    let s = -e
    if s >= 0 {
      let i = min(s, maximumInputShift)
      return Shifts(input: i, output: i - s)
    }
    let i = -max(k, largeInputShift)
    return Shifts(input: i, output: i - s)
  }

  /// x·2ⁿ, exact unless it overflows or underflows (two steps, so |n| up to 2046 is fine).
  static func scale(_ x: Double, by n: Int) -> Double {
    let half = n / 2
    return x * Double(sign: .plus, exponent: half, significand: 1) * Double(sign: .plus, exponent: n - half, significand: 1)
  }

  static func scale(_ block: Matrix, by n: Int) -> Matrix {
    n == 0 ? block : Matrix(rows: block.rows, columns: block.columns, elements: block.elements.map { scale($0, by: n) })
  }

  private func apply(_ block: Matrix, with s: Shifts) throws -> Matrix {
    Self.scale(try source.apply(Self.scale(block, by: s.input)), by: -s.output)
  }

  /// H'·X = 2^(−o)·H·(2ⁱX); the first non-zero product fixes i and o.
  ///
  /// - Throws: the source's errors (``OracleError/nonFiniteProduct(column:)`` when H·X
  ///   overflows at every input scale tried).
  public func apply(_ block: Matrix) throws -> Matrix {
    if let s = shifts.withLock({ $0 }) { return try apply(block, with: s) }
    let xTop = MaxMagnitude.of(block.elements)
    guard xTop > 0, xTop.isFinite else { return try source.apply(block) }
    var lastError: Error?
    for k in [0, 256, 512, 768, 1000] {
      let y: Matrix
      do { y = try source.apply(Self.scale(block, by: -k)) } catch let error as OracleError {
        guard case .nonFiniteProduct = error else { throw error }
        lastError = error
        continue
      }
      let top = MaxMagnitude.of(y.elements)
      if top == 0 { return y }  // X in the null space: nothing to learn yet
      let e = Int(top.exponent) + k - Int(xTop.exponent)
      let chosen = Self.shifts(normExponent: e, overflowShift: k)
      shifts.withLock { $0 = chosen }
      if chosen == .identity { return y }
      if chosen.input == -k { return Self.scale(y, by: -chosen.output) }
      return try apply(block, with: chosen)
    }
    throw lastError ?? OracleError.nonFiniteProduct(column: 0)
  }
}
