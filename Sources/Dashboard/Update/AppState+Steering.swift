import Foundation
import GAN

/// Steering the game: updates by hand (`d`, `g`, `n`), the control panel (`c`) and slow motion
/// (`m`). Each returns the commands for the trainer as effects; the trainer answers every one
/// it applies with a `.control` event, which posts the notice.
extension AppState {
    /// `d`, `g`, `n`: one update by hand, only while paused (running, the loop's own updates
    /// would interleave with it unpredictably).
    mutating func updateByHand(_ update: ManualUpdate) -> [Effect] {
        guard trainingGoesOn() else { return [] }
        guard trainerState == .paused else {
            post("pause first (space): d, g and n step a paused run")
            return []
        }
        return [.send(.update(update))]
    }

    mutating func openControlPanel() -> [Effect] {
        guard trainingGoesOn(), settings != nil else { return [] }
        controlPanel = ControlPanel()
        return []
    }

    /// The panel's keys: ↑/↓ choose, ←/→ change, Enter, Esc or `c` close. Other keys fall
    /// through (nil), so space, `d`, `g`, `n` and `q` work with the panel open.
    mutating func handleControlPanel(_ key: KeyPress) -> [Effect]? {
        switch key {
        case .up: controlPanel?.select(by: -1)
        case .down: controlPanel?.select(by: 1)
        case .left: return changeSetting(by: -1)
        case .right: return changeSetting(by: 1)
        case .enter, .escape, .char("c"): controlPanel = nil
        default: return nil
        }
        return []
    }

    private mutating func changeSetting(by direction: Int) -> [Effect] {
        guard let row = controlPanel?.selection, var config = settings else { return [] }
        guard trainingGoesOn() else { return [] }
        guard let control = ControlPanel.change(row, by: direction, in: config) else { return [] }
        control.apply(to: &config)
        settings = config
        return [.send(.set(control))]
    }

    /// `m`: slow motion on (pausing a running trainer) or off (the trainer stays paused).
    mutating func toggleSlowMotion() -> [Effect] {
        if slowMotion != nil {
            slowMotion = nil
            post("slow motion off (space resumes training)")
            return []
        }
        guard trainingGoesOn(), settings != nil else { return [] }
        slowMotion = SlowMotion(startingAt: clock)
        post("slow motion: one iteration a second (m again stops it)")
        return trainerState == .running ? [.togglePause] : []
    }

    /// At every tick: the slow-motion stages that have come due, as commands.
    mutating func slowMotionTick() -> [Effect] {
        guard var slow = slowMotion, trainerState == .paused, let settings else { return [] }
        let stages = slow.due(at: clock, k: settings.discriminatorSteps,
                              generatorUpdates: settings.generatorUpdatesPerIteration)
        slowMotion = slow
        guard !stages.isEmpty else { return [] }
        revision += 1
        return stages.map { .send($0.command) }
    }

    /// The trainer applied a command: say so, briefly (not for every stage of slow motion,
    /// which the status line names).
    mutating func controlApplied(_ record: ControlRecord) {
        guard slowMotion == nil || !record.isUpdate else { return }
        post(record.summary, lifetime: 3)
    }
}

extension ControlRecord {
    var isUpdate: Bool {
        if case .update = command { true } else { false }
    }

    /// The notice for an applied command, e.g. "K = 3 from step 12".
    var summary: String {
        switch command {
        case .update(.discriminator): "one D update by hand (step \(step))"
        case .update(.discriminatorVerdicts): "D judged reals and fakes (step \(step))"
        case .update(.generator): "one G update by hand: step \(step)"
        case .update(.iteration): "one iteration by hand: step \(step)"
        case .set(let control): "\(control.summary) from step \(step)"
        }
    }
}

extension TrainingControl {
    var summary: String {
        switch self {
        case .discriminatorSteps(let k): "K = \(k)"
        case .generatorSteps(let count): "G updates per iteration = \(count)"
        case .learningRateD(let rate): "D's learning rate \(ControlPanel.rateText(rate))"
        case .learningRateG(let rate): "G's learning rate \(ControlPanel.rateText(rate))"
        case .halfLife(let steps): steps.map { "learning-rate half-life \($0) steps" } ?? "constant learning rates"
        case .loss(let loss): "G's loss \(loss.rawValue)"
        case .beta1(let beta): "Adam's beta1 \(String(format: "%.2f", beta))"
        }
    }
}
