/// The compare screen's one state transition: applies `message` to `state` and returns the work
/// for the runtime. Pure, as ``update(_:_:)``. The trainer drives every run, so pause and
/// snapshot are one effect each that applies to all of them.
public func compareUpdate(_ state: inout CompareState, _ message: CompareMessage) -> [Effect] {
    switch message {
    case .key(let key):
        state.revision += 1
        return state.handle(key)
    case .trainer(let index, let event):
        guard state.runs.indices.contains(index) else { return [] }
        state.revision += 1
        if case .notice(let text) = event {
            // Notes on the metrics' set-up, which all runs share: the screen's, not one model's.
            state.post(text)
            return []
        }
        let notices = state.runs[index].notices
        // A run's own effects (its explorer's weights) have no place here: compare has no explorer.
        _ = update(&state.runs[index], .trainer(event))
        if case .state(.finished) = event, state.runs[index].notices != notices {
            // A single run's words point to its explorer, which compare does not have.
            state.runs[index].notices = notices
            state.post("\(state.runs[index].model.shortName): training finished; press q to leave", lifetime: 30)
        }
        return []
    case .tick(let now):
        state.clock = now
        var changed = state.notices.removeExpired(at: now)
        for index in state.runs.indices {
            let before = state.runs[index].revision
            _ = update(&state.runs[index], .tick(now: now))
            changed = changed || state.runs[index].revision != before
        }
        if changed { state.revision += 1 }
        return []
    case .terminationSignal:
        state.revision += 1
        state.isQuitting = true
        return [.quit]
    }
}

extension CompareState {
    /// The keys of the compare screen (listed by ``HelpOverlay/compareKeys``).
    mutating func handle(_ key: KeyPress) -> [Effect] {
        switch key {
        case .char("q"), .interrupt:
            isQuitting = true
            return [.quit]
        case _ where showsHelp:  // any other key closes the help, and does nothing else
            showsHelp = false
        case .char("?"):
            showsHelp = true
        case .char(" "):
            guard !allEnded else {
                post("training has ended")
                return []
            }
            return [.togglePause]
        case .char("s"):
            post("snapshot requested: one file per model")
            return [.requestSnapshot]
        default:
            post("compare takes space (pause), s (snapshot), ? (help) and q (quit)")
        }
        return []
    }
}
