import Dispatch
import Foundation
import HessianLab

/// Stopping signals: outputs left as they were, oracle children stopped, exit 128 + signal.
extension Main {
  /// The signals that stop a run, each handled alike (``installInterruptHandlers()``).
  static let stoppingSignals: [(number: Int32, name: String)] = [
    (SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGQUIT, "SIGQUIT"),
  ]

  /// SIGINT, SIGTERM, SIGHUP (the terminal closed) and SIGQUIT (Ctrl-\): remove the
  /// temporary files of writes in flight (so no partial output is left; outputs are
  /// committed together or not at all), say so in one line and end the process at
  /// once with status 128 + signal. The default action (for SIGQUIT a core dump and
  /// the runtime's backtrace) is turned off first so that the dispatch source sees
  /// the signal.
  static func installInterruptHandlers() -> [any DispatchSourceSignal] {
    let queue = DispatchQueue(label: "hessian-lab.interrupt")
    return stoppingSignals.map { signalNumber, name in
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
      source.setEventHandler {
        interrupting.withLock { $0 = true }
        let removed = AtomicFile.interruptAndRemoveTemporaryFiles()
        let note = removed.isEmpty ? "" : " (removed \(removed.count) unfinished temporary file\(removed.count == 1 ? "" : "s"))"
        FileHandle.standardError.write(Data("hessian-lab: interrupted by \(name); no partial output file left\(note)\n".utf8))
        OracleProcesses.stopAll()  // oracle children (own process groups): SIGTERM, SIGKILL after 2 s, reaped
        // `_exit`, not `exit`: worker threads are still computing, and `exit` would run
        // the C libraries' destructors under them (OpenBLAS frees its buffers while a
        // worker is inside `cblas_dgemm`: a segmentation fault instead of status 130).
        fflush(nil)  // every C stream: what was printed before the signal still comes out
        _exit(128 + signalNumber)
      }
      source.resume()
      return source
    }
  }
}
