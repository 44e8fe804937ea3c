import GAN

extension AppState {
    /// `[` `]` `{` `}` move through the picture history, `f` follows the live pictures again;
    /// `o` shows D* instead of D's surface and `v` G's gradient arrows (2-D data sets).
    /// Training goes on underneath: only what the picture panels show changes.
    mutating func handleHistoryOrTheory(_ key: KeyPress) {
        if let offset = Scrubbing.offset(for: key) { return scrubHistory(by: offset) }
        switch key {
        case .char("f"):
            guard historyStep != nil else { return }
            historyStep = nil
            post("history: following the live pictures")
        case .char("o"):
            guard theoryAvailable() else { return }
            showsOptimalDiscriminator.toggle()
            post(showsOptimalDiscriminator ? "behind the points: D* = p_data / (p_data + p_g), from the densities"
                                           : "behind the points: D's actual verdict D(x)")
        case .char("v"):
            guard theoryAvailable() else { return }
            showsGradientArrows.toggle()
            post(showsGradientArrows ? "arrows: where G's update pushes its fakes (the direction of grad D)"
                                     : "arrows off")
        default: break
        }
    }

    private mutating func scrubHistory(by offset: Int) {
        let count = pictureHistory.frames.count
        guard count > 0 else { return post("no pictures yet to look back on") }
        let current = historyStep.flatMap { pictureHistory.index(nearest: $0) }
        historyStep = pictureHistory.frames[Scrubbing.move(from: current, by: offset, count: count)].step
    }

    /// D* and the arrows exist only for 2-D data sets; elsewhere the key says so.
    private mutating func theoryAvailable() -> Bool {
        guard shape == .points else {
            post("D* and G's gradient arrows are drawn for 2-D data sets (ring, grid, spiral)")
            return false
        }
        return true
    }

    /// The frame on screen while scrubbing.
    private var historyIndex: Int? { historyStep.flatMap { pictureHistory.index(nearest: $0) } }

    /// The sample grid the panels draw: the live one, or while scrubbing the one of that moment.
    public var shownSamples: SampleImages? {
        guard let index = historyIndex else { return samples }
        return pictureHistory.latest(\.samples, upTo: index).map { $0.picture.restored(step: $0.step) }
    }

    public var shownVerdicts: Verdicts? {
        guard let index = historyIndex else { return verdicts }
        return pictureHistory.latest(\.verdicts, upTo: index).map { $0.picture.restored(step: $0.step) }
    }

    public var shownReconstructions: Reconstructions? {
        guard let index = historyIndex else { return reconstructions }
        return pictureHistory.latest(\.reconstructions, upTo: index).map { $0.picture.restored(step: $0.step) }
    }

    public var shownSurface: DecisionSurface? {
        guard let index = historyIndex else { return surface }
        return pictureHistory.latest(\.surface, upTo: index).map { $0.picture.restored(step: $0.step) }
    }

    /// The step of the frame on screen while scrubbing (the slider's position), nil when live.
    public var shownHistoryStep: Int? { historyIndex.map { pictureHistory.frames[$0].step } }
}
