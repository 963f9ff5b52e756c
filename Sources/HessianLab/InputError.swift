/// Bad input from the user: a file, a landscape spec or an option value.
///
/// The command-line tool prints ``message`` as one line and exits with status 2.
/// The message names the input (file, argument or option) and says what is wrong.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// One line: which input, where, and what is wrong.
  public let message: String

  /// An error with `message`, one line naming the input and what is wrong.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// A verification that ran and failed: the tool exits with status 1.
public struct VerificationFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// One line saying what failed; the tool prints it after `hessian-lab: verification failed:` and exits with status 1.
  public let message: String
  /// A failure with `message`.
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
