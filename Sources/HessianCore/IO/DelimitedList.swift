import Foundation

/// The one parser of delimited lists typed by a user or read from a file
/// (`quad:1,2*3`, `--center-offset 1,2`, `--sweep d=10,30`, `dln:3-2-3`):
/// splits at a separator, trims blanks around each item, and refuses an empty
/// item anywhere (`1,,2`, `,`, a leading or trailing separator), so a typo never
/// silently drops a value.
///
/// Cost: linear in the length of the text.
public enum DelimitedList {
  /// Why a list was refused.
  public enum Problem: Equatable, Sendable, CustomStringConvertible {
    /// Item `position` (1-based) of `count` is empty or blank.
    case emptyItem(position: Int, count: Int)

    /// One line, e.g. `item 2 of 3 is empty ("1,,2")`, without the list itself.
    public var description: String {
      switch self {
      case let .emptyItem(position, count): "item \(position) of \(count) is empty"
      }
    }
  }

  /// The trimmed items of `text` split at `separator`; `[]` for an empty or blank
  /// text (the caller decides whether an empty list is allowed).
  ///
  /// - Throws: `InputError` built by `error` from the ``Problem`` (an empty item).
  public static func items(
    _ text: String, separator: Character = ",", error: (Problem) -> InputError
  ) throws(InputError) -> [String] {
    switch parse(text, separator: separator) {
    case .success(let items): return items
    case .failure(let problem): throw error(problem.problem)
    }
  }

  /// ``items(_:separator:error:)`` as a result, for callers with their own error type.
  public static func parse(_ text: String, separator: Character = ",") -> Result<[String], ProblemError> {
    guard !text.allSatisfy({ $0 == " " || $0 == "\t" }) else { return .success([]) }
    let items = text.split(separator: separator, omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    if let k = items.firstIndex(where: \.isEmpty) {
      return .failure(ProblemError(problem: .emptyItem(position: k + 1, count: items.count)))
    }
    return .success(items)
  }

  /// A ``Problem`` as an `Error`, for `Result`.
  public struct ProblemError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let problem: Problem
    /// The problem's one line.
    public var description: String { problem.description }
  }
}
