import CGSL

/// A failure reported by a GSL routine, mapped from its integer status code.
///
/// GSL reports errors by returning a status (and, by default, by calling an
/// error handler that aborts the process). ``GSLRuntime`` turns the aborting
/// handler off once for the whole process; every status a bridge function sees
/// is then converted into this typed error.
public struct GSLError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The kind of failure, named after GSL's `GSL_E*` codes.
  public enum Kind: Equatable, Sendable {
    /// `GSL_EDOM`: an argument is outside the function's domain.
    case domain
    /// `GSL_EOVRFLW`: the result overflows a double.
    case overflow
    /// `GSL_EUNDRFLW`: the result underflows a double.
    case underflow
    /// `GSL_EBADLEN`: vector or matrix lengths are not conformant.
    case badLength
    /// `GSL_ENOTSQR`: a square matrix was required.
    case notSquare
    /// Any other GSL status code.
    case other(Int)
  }

  /// The raw GSL status code.
  public let code: Int
  /// The GSL routine that failed.
  public let function: String

  /// An error for status `code` returned by the GSL routine named `function`.
  public init(code: Int, function: String) {
    self.code = code
    self.function = function
  }

  /// The mapped kind of ``code``.
  public var kind: Kind {
    switch code {
    case Int(GSL_EDOM): .domain
    case Int(GSL_EOVRFLW): .overflow
    case Int(GSL_EUNDRFLW): .underflow
    case Int(GSL_EBADLEN): .badLength
    case Int(GSL_ENOTSQR): .notSquare
    default: .other(code)
    }
  }

  /// GSL's own description of the code (`gsl_strerror`).
  public var message: String { String(cString: gsl_strerror(Int32(code))) }

  public var description: String { "\(function): GSL error \(code) (\(message))" }
}

/// Process-wide set-up of the C libraries, done exactly once.
///
/// - GSL's default error handler prints and calls `abort()`; it is replaced by
///   `gsl_set_error_handler_off()`, so failures come back as status codes.
/// - OpenBLAS starts on one thread: HessianLab parallelises sampling at a higher
///   level (independent sampling rounds), and OpenBLAS threads slow down the
///   small products that dominate there (measured in `BENCHMARKS.md`). Single large
///   dense operations raise it for their duration (``BLASThreads``).
///
/// Both settings mutate process-wide C state, so they live behind a lazily
/// initialised global constant (thread-safe `swift_once`).
public enum GSLRuntime {
  private static let configured: Void = {
    _ = gsl_set_error_handler_off()
    openblas_set_num_threads(1)
  }()

  /// Makes sure the process-wide configuration has been applied. Cheap after the
  /// first call; every bridge entry point calls it.
  @inline(__always)
  public static func ensureConfigured() { _ = configured }

  /// The number of threads OpenBLAS currently uses.
  public static var blasThreadCount: Int {
    ensureConfigured()
    return Int(openblas_get_num_threads())
  }
}

/// Throws a ``GSLError`` when `status` is not `GSL_SUCCESS`.
@inline(__always)
func gslCheck(_ status: Int32, _ function: String) throws(GSLError) {
  if status != cgsl_success() { throw GSLError(code: Int(status), function: function) }
}
