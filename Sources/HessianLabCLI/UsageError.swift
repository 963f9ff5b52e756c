/// Bad input found by the command-line layer itself (option combinations, output
/// paths, flags the library does not see): one line naming the flag or file; the
/// tool prints it after `hessian-lab: error: ` and exits with status 2, like a
/// library ``InputError``.
struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
  /// One line: which flag or file, and what is wrong.
  let message: String
  /// An error with `message`.
  init(_ message: String) { self.message = message }
  var description: String { message }
}
