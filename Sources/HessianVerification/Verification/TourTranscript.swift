import Foundation

/// What `tour --json` prints: the tour's text (``Tour/run(quick:progress:emit:)``) split
/// into its numbered sections, so a script can pick a section without parsing headings.
///
/// The lines are exactly the text output's (plots included, one text row per element);
/// a section starts at each `== title ==` heading the tour emits. Every key is always present.
public struct TourTranscript: Sendable, Codable, Equatable {
  /// One `== title ==` section and its lines.
  public struct Section: Sendable, Codable, Equatable {
    /// The heading without its `==` marks (`1. Known answers (by construction)`).
    public var title: String
    /// The section's lines, in order, without the heading.
    public var lines: [String]
  }

  /// Whether this is the short `--quick` tour.
  public var quick: Bool
  /// The tour's landscape id (``Tour/landscapeID``).
  public var landscape: String
  /// The lines before the first section (the title and the landscape).
  public var introduction: [String] = []
  /// The sections in order.
  public var sections: [Section] = []

  /// An empty transcript of the tour variant `quick`.
  public init(quick: Bool) {
    self.quick = quick
    landscape = Tour.landscapeID
  }

  /// Adds text the tour emitted: split into lines; a `== title ==` line opens a section;
  /// blank lines are dropped.
  public mutating func append(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
      if line.hasPrefix("== "), line.hasSuffix(" =="), line.count > 6 {
        sections.append(Section(title: String(line.dropFirst(3).dropLast(3)), lines: []))
      } else if sections.isEmpty {
        introduction.append(line)
      } else {
        sections[sections.count - 1].lines.append(line)
      }
    }
  }
}
