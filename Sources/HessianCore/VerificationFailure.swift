/// A verification that ran and failed: the tool exits with status 1.
public struct VerificationFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// One line saying what failed; the tool prints it after `hessian-lab: verification failed:` and exits with status 1.
  public let message: String
  /// A failure with `message`.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}
