import ArgumentParser
import HessianLab

extension CompletionKind {
  /// Completion of a LANDSCAPE argument: zoo ids, spec forms, `.npy`/`.json` files and folders
  /// (``LandscapeCompletion``).
  static var landscape: CompletionKind {
    .custom { _, _, prefix in LandscapeCompletion.candidates(prefix: prefix) }
  }
}
