import HessianLab

/// Knuth's MMIX linear congruential generator, for test inputs that must not come from the
/// library's own generator (which may be what is under test).
public struct TestLCG {
  /// The generator's state.
  public var state: UInt64

  /// A generator started at `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next uniform in [−0.5, 0.5): the top 53 bits of the state, minus one half.
  public mutating func centred() -> Double {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Double(state >> 11) * 0x1p-53 - 0.5
  }

  /// A `rows` × `columns` matrix of ``centred()`` draws, row by row.
  public mutating func matrix(_ rows: Int, _ columns: Int) -> Matrix {
    Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in centred() })
  }

  /// Q·diag(λ)·Qᵀ with Q the orthonormal factor of a d×d matrix of ``centred()`` draws (LAPACK
  /// QR): a symmetric matrix whose spectrum is `lambda` by construction, to rounding.
  public mutating func symmetricMatrix(spectrum lambda: [Double]) throws -> Matrix {
    let n = lambda.count
    let q = try Factorizations.orthonormalColumns(of: matrix(n, n))
    var scaled = q
    for i in 0..<n { for k in 0..<n { scaled[i, k] *= lambda[k] } }
    return BLAS.multiply(scaled, .none, q, .transpose)
  }

  /// ``symmetricMatrix(spectrum:)`` from a generator started at `seed`.
  public static func symmetricMatrix(spectrum lambda: [Double], seed: UInt64) throws -> Matrix {
    var g = TestLCG(seed: seed)
    return try g.symmetricMatrix(spectrum: lambda)
  }
}
