/// The dashboard's one state transition: applies `message` to `state` and returns the work the
/// runtime must do. Pure: no clock, no I/O, no trainer; tests drive it message by message.
public func update(_ state: inout AppState, _ message: Message) -> [Effect] {
    switch message {
    case .key(let key):
        state.revision += 1
        return state.handle(key)
    case .trainer(let event):
        state.revision += 1
        return state.handle(event)
    case .savedGenerator(let weights, let step, let source):
        state.revision += 1
        return state.generatorArrived(weights, step: step, source: source)
    case .latentGridRendered(let images):
        state.revision += 1
        state.latentGridRendered(images)
        return []
    case .explorerRendered(let images):
        state.revision += 1
        state.explorer.receive(images)
        return []
    case .tick(let now):
        state.clock = now
        if state.notices.removeExpired(at: now) { state.revision += 1 }
        return state.slowMotionTick()
    case .terminationSignal:
        state.revision += 1
        state.isQuitting = true
        return [.quit]
    }
}
