/// Why a request could not be served, in words (sent in the ERROR frame and on standard error).
struct ServeProblem: Error, Equatable {
  /// One line.
  let message: String
  /// A problem saying `message`.
  init(_ message: String) { self.message = message }
}
