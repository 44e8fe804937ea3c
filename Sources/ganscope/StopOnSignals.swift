import Dispatch
import Foundation

/// Runs `action` on SIGINT or SIGTERM instead of dying, until cancelled: how a headless run
/// stops between steps. (The dashboard polls ``TerminationSignals`` from its loop instead.)
final class StopOnSignals {
    private let sources: [DispatchSourceSignal]

    init(_ action: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: action)
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
