/// A ``ModelOracle`` made of Swift closures: the in-process twin of an external oracle, for
/// tests and for library users whose model lives in Swift.
///
/// Cost: exactly the closures' (one call per block); nothing is cached.
public struct InProcessModelOracle: ModelOracle {
  /// The name shown in reports.
  public let name: String
  /// The number of parameters d.
  public let dimension: Int
  /// The precision the closures compute in (sets the rank threshold's ε).
  public let precision: Precision
  /// The point w* where the Hessian is taken; the estimators' centre.
  public let center: [Double]
  /// The requests there are closures for.
  public let capabilities: Set<OracleCapability>
  private let product: (@Sendable (Matrix) throws -> Matrix)?
  private let lossBlock: (@Sendable (Matrix) throws -> [Double])?
  private let gradientBlock: (@Sendable (Matrix) throws -> Matrix)?

  /// An oracle at `point` (w*) answering what it is given closures for: `hvp` maps a d×k block
  /// to H·V, `losses` an n×d block of points to n losses, `gradients` an n×d block to n gradients.
  public init(
    name: String, point: [Double], precision: Precision = .float64,
    hvp: (@Sendable (Matrix) throws -> Matrix)? = nil,
    losses: (@Sendable (Matrix) throws -> [Double])? = nil,
    gradients: (@Sendable (Matrix) throws -> Matrix)? = nil
  ) {
    self.name = name
    self.dimension = point.count
    self.precision = precision
    self.center = point
    self.product = hvp
    self.lossBlock = losses
    self.gradientBlock = gradients
    var capabilities = Set<OracleCapability>()
    if hvp != nil { capabilities.insert(.hvp) }
    if losses != nil { capabilities.insert(.loss) }
    if gradients != nil { capabilities.insert(.gradient) }
    self.capabilities = capabilities
  }

  /// H·V. Throws ``OracleError/missingCapability(_:)`` without an `hvp` closure.
  public func apply(_ block: Matrix) throws -> Matrix {
    guard let product else { throw OracleError.missingCapability(.hvp) }
    return try product(block)
  }

  /// The loss at each row. Throws ``OracleError/missingCapability(_:)`` without a `losses` closure.
  public func losses(at points: Matrix) throws -> [Double] {
    guard let lossBlock else { throw OracleError.missingCapability(.loss) }
    return try lossBlock(points)
  }

  /// The gradient at each row. Throws ``OracleError/missingCapability(_:)`` without a `gradients` closure.
  public func gradients(at points: Matrix) throws -> Matrix {
    guard let gradientBlock else { throw OracleError.missingCapability(.gradient) }
    return try gradientBlock(points)
  }
}
