/// Names the input behind an oracle failure: an ``OracleError`` raised deep inside an estimator
/// (a non-finite product, a block of the wrong shape) says what went wrong but not which input
/// caused it; an analysis rethrows it as an ``InputError`` naming the landscape spec, so the
/// one-line error the user sees names what they typed.
enum OracleFailureNaming {
  /// `body`, with an ``OracleError`` rethrown as `InputError.spec(name, …)`.
  static func naming<T>(_ name: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as OracleError {
      throw InputError.spec(name, problem: "\(error.description)")
    }
  }

  /// The same for asynchronous work.
  static func naming<T>(_ name: String, _ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as OracleError {
      throw InputError.spec(name, problem: "\(error.description)")
    }
  }
}
