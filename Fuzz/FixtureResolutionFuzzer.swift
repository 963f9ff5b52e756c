import Foundation

/// libFuzzer target: fixture JSON resolution through `LandscapeSpec.resolve`.
/// The input is one or two fixture files separated by a line `--`; they are
/// written as `a.json` and `b.json` in a scratch folder (the working directory),
/// and `a.json` is resolved, so a fixture's `spec` can name itself, the other
/// file, or both inside `sum:` (cycles and chains). Built and run by
/// `scripts/fuzz resolve`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFixtureResolution(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  ResolutionScratch.enter()
  let data = Data(bytes: bytes, count: size)
  let parts = data.split(separator: Data("\n--\n".utf8), maxSplits: 1)
  let first = parts.first ?? Data()
  let second = parts.count > 1 ? parts[1] : Data("{}".utf8)
  guard FileManager.default.createFile(atPath: "a.json", contents: first),
    FileManager.default.createFile(atPath: "b.json", contents: second)
  else { return 0 }
  if let landscape = try? LandscapeSpec.resolve("a.json") {
    _ = landscape.dimension
  }
  return 0
}

/// A scratch folder, made the working directory once per process, so relative
/// fixture names resolve against the files the harness writes.
enum ResolutionScratch {
  nonisolated(unsafe) static var entered = false

  static func enter() {
    guard !entered else { return }
    entered = true
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("hessian-lab-fuzz-resolve-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    _ = FileManager.default.changeCurrentDirectoryPath(folder.path)
  }
}
