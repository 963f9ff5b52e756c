import Foundation

/// Locations inside the repository, found from this file's path, so tests run
/// from any working directory.
public enum Repository {
  /// The repository root (the folder holding `Package.swift`).
  public static var root: URL {
    URL(fileURLWithPath: #filePath)  // …/Sources/TestSupport/Repository.swift
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// A path below the root.
  public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
