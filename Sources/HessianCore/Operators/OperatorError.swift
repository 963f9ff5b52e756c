/// A product or loss oracle that broke its contract: the estimate stops, and the message
/// says which oracle, what was expected and what came back.
public enum OracleError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A block product returned a matrix of the wrong shape.
  case productShape(expectedRows: Int, expectedColumns: Int, rows: Int, columns: Int)
  /// A block product returned a non-finite entry (NaN or ±∞).
  case nonFiniteProduct(column: Int)
  /// A loss oracle returned the wrong number of values.
  case lossCount(expected: Int, got: Int)
  /// A gradient oracle returned a matrix of the wrong shape.
  case gradientShape(expectedRows: Int, expectedColumns: Int, rows: Int, columns: Int)
  /// An operand had the wrong shape for the oracle's dimension.
  case operandShape(dimension: Int, rows: Int, columns: Int)
  /// A gradient was asked of a loss oracle that has none.
  case noGradient
  /// A loss oracle returned a non-finite loss at its centre w*.
  case nonFiniteCenterLoss
  /// A model oracle was asked for something its capabilities do not include.
  case missingCapability(OracleCapability)

  public var description: String {
    switch self {
    case let .productShape(r, c, gr, gc):
      "the Hessian-vector product returned a \(gr)×\(gc) block, expected \(r)×\(c)"
    case let .nonFiniteProduct(j):
      "the Hessian-vector product returned a non-finite entry (column \(j) of the block)"
    case let .lossCount(n, got):
      "the loss oracle returned \(got) values for \(n) points"
    case let .gradientShape(r, c, gr, gc):
      "the gradient oracle returned a \(gr)×\(gc) matrix, expected \(r)×\(c)"
    case let .operandShape(d, r, c):
      "an operand of shape \(r)×\(c) was passed to an oracle of dimension d = \(d)"
    case .noGradient:
      "this loss oracle provides no gradient (SGLD and the volume estimator need one)"
    case let .missingCapability(c):
      "the oracle does not offer '\(c.rawValue)' (its capabilities lack it)"
    case .nonFiniteCenterLoss:
      "the loss at the centre w* is not finite"
    }
  }
}
