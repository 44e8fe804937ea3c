import TensorBoard

/// The watch screen's one state transition: applies `message` and returns the work the runtime
/// must do. Pure, like ``update(_:_:)``; tests drive it message by message.
///
/// Keys: tab / shift-tab switch run; `[` `]` one picture back and forward, `{` `}` ten; `f`
/// follows the newest again; `i` the next image tag; `q` quits. While the explorer shows a
/// snapshot of the chosen run, ← → ↑ ↓ + - a b r l work it as in the training dashboard;
/// otherwise ← → move through the pictures as `[` `]` do.
public func watchUpdate(_ state: inout WatchState, _ message: WatchMessage) -> [WatchEffect] {
    switch message {
    case .key(let key):
        state.revision += 1
        if key == .char("q") || key == .interrupt {
            state.isQuitting = true
            return [.quit]
        }
        if state.showsExplorer, let effects = state.snapshots.handleExplorerKey(key) {
            return effects
        }
        state.handle(key)
    case .read(let poll):
        guard !poll.newRuns.isEmpty || !poll.events.isEmpty || !poll.notices.isEmpty else { return [] }
        state.revision += 1
        state.take(poll)
    case .pictureDecoded(let picture):
        guard picture.key == state.pendingDecode else { return [] }
        state.revision += 1
        state.picture = picture
        state.pendingDecode = nil
    case .tick(let now, let wallClock):
        state.clock = now
        // Ages on screen are whole seconds: redraw when one has passed.
        if Int(wallClock) != Int(state.wallClock) { state.revision += 1 }
        state.wallClock = wallClock
        if state.notices.removeExpired(at: now) { state.revision += 1 }
        return []
    case .terminationSignal:
        state.revision += 1
        state.isQuitting = true
        return [.quit]
    case .snapshotsFound(let newest):
        guard newest != state.snapshots.newest else { return [] }
        state.snapshots.newest = newest
        state.revision += 1
    case .snapshotLoaded(let file, let result):
        return state.take(file, result)
    case .explorerRendered(let images):
        state.snapshots.explorer.receive(images)
        state.revision += 1
        return []
    }
    return state.requestPicture() + state.requestSnapshot()
}

extension WatchState {
    mutating func handle(_ key: KeyPress) {
        if let offset = Scrubbing.offset(for: key) { return scrub(by: offset) }
        switch key {
        case .tab: selectRun(by: 1)
        case .backTab: selectRun(by: -1)
        case .left: scrub(by: -1)
        case .right: scrub(by: 1)
        case .char("f"): scrubIndex = nil
        case .char("i"): nextImageTag()
        default: break
        }
    }

    mutating func take(_ poll: EventFolderWatcher.Poll) {
        let selected = currentRun?.name
        for name in poll.newRuns where !runs.contains(where: { $0.name == name }) { runs.append(RunLog(name: name)) }
        for (name, events) in poll.events {
            if !runs.contains(where: { $0.name == name }) { runs.append(RunLog(name: name)) }
            guard let index = runs.firstIndex(where: { $0.name == name }) else { continue }
            for event in events { runs[index].add(event) }
        }
        runs.sort { $0.name < $1.name }
        selectedRun = selected.flatMap { name in runs.firstIndex { $0.name == name } } ?? 0
        for notice in poll.notices { post(notice, level: .warning) }
    }

    private mutating func selectRun(by offset: Int) {
        guard !runs.isEmpty else { return }
        selectedRun = (selectedRun + offset + runs.count) % runs.count
        scrubIndex = nil
    }

    /// Moves through the chosen tag's pictures; from following, the first move starts at the newest.
    private mutating func scrub(by offset: Int) {
        guard let tag = imageTag, let count = currentRun?.images[tag]?.entries.count, count > 0 else { return }
        scrubIndex = Scrubbing.move(from: scrubIndex, by: offset, count: count)
    }

    private mutating func nextImageTag() {
        guard let run = currentRun, let tag = imageTag else { return }
        let tags = run.images.keys.sorted()
        guard let index = tags.firstIndex(of: tag) else { return }
        imageTagChoice[run.name] = tags[(index + 1) % tags.count]
        scrubIndex = nil
    }

    /// Asks for the wanted picture unless it is on screen or already asked for.
    mutating func requestPicture() -> [WatchEffect] {
        guard let wanted = wantedPicture else {
            picture = nil
            return []
        }
        guard wanted.key != picture?.key, wanted.key != pendingDecode else { return [] }
        pendingDecode = wanted.key
        return [.decode(wanted.key, wanted.image)]
    }
}

extension WatchState {
    /// Whether the explorer shows a generator of the chosen run.
    public var showsExplorer: Bool {
        snapshots.explorer.hasGenerator && snapshots.loadedRun != nil && snapshots.loadedRun == currentRun?.name
    }

    /// Asks for the chosen run's newest snapshot unless it is loaded, being loaded, or failed unchanged.
    mutating func requestSnapshot() -> [WatchEffect] {
        guard let run = currentRun?.name, let wanted = snapshots.newest[run], snapshots.pending == nil,
              wanted != snapshots.loaded, wanted != snapshots.failed else { return [] }
        snapshots.pending = wanted
        return [.loadSnapshot(wanted)]
    }

    /// A finished load: the explorer takes the generator, or a notice says why not and the
    /// generator it had stays.
    mutating func take(_ file: SnapshotFile, _ result: SnapshotLoad) -> [WatchEffect] {
        guard file == snapshots.pending else { return [] }
        snapshots.pending = nil
        revision += 1
        let run = EventFolderWatcher.run(of: file.path)
        let kept = snapshots.loaded.map { "; the explorer keeps \($0.name)" } ?? ""
        switch result {
        case .failed(let reason):
            snapshots.failed = file
            post("snapshot not loaded: \(reason)\(kept)", level: .warning)
            return requestSnapshot()
        case .generator(_, .points, _):
            snapshots.failed = file
            post("snapshot \(file.name) makes 2-D points; the watch explorer shows images\(kept)", level: .warning)
            return requestSnapshot()
        case .generator(let weights, let shape, let summary):
            snapshots.loaded = file
            snapshots.loadedRun = run
            snapshots.summary = summary
            snapshots.shape = shape
            snapshots.loadCount += 1
            snapshots.explorer.generatorArrived(step: snapshots.loadCount, latentDimension: weights.inputSize)
            post("explorer: \(file.name) (\(summary))")
            return [.loadGenerator(weights), .renderExplorer(snapshots.explorer.makeRequest(pointsShape: false))]
                + requestSnapshot()
        }
    }
}

extension WatchSnapshots {
    /// The training dashboard's explorer keys; nil for any other key.
    mutating func handleExplorerKey(_ key: KeyPress) -> [WatchEffect]? {
        guard explorer.handle(key) else { return nil }
        return ExplorerState.movesPoint(key) ? [.renderExplorer(explorer.makeRequest(pointsShape: false))] : []
    }
}
