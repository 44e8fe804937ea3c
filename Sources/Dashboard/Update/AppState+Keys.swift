extension AppState {
    /// Keys: see the help overlay (``HelpOverlay``) for the list a user sees.
    ///
    /// The explorer keys (arrows, `+`/`-`, `a`/`b`, `r`, `l`) act on the explorer whatever panel
    /// has the focus: it is the only panel that takes input, and a user reaching for the arrows
    /// should not have to tab first. The focus picks the panel that Enter zooms.
    mutating func handle(_ key: KeyPress) -> [Effect] {
        if showsHelp, key != .char("q"), key != .interrupt {
            showsHelp = false
            return []
        }
        if controlPanel != nil, let effects = handleControlPanel(key) { return effects }
        if refusesAdversarialKey(key) { return [] }
        switch key {
        case .char("q"), .interrupt:
            isQuitting = true
            return [.quit]
        case .char("?"):
            showsHelp = true
        case .char(" "):
            return trainingOnly(.togglePause)
        case .char("s"):
            guard mode == .training else { return trainingOnly(.requestSnapshot) }
            post("snapshot requested")
            return [.requestSnapshot]
        case .char("d"): return updateByHand(.discriminator)
        case .char("g"): return updateByHand(.generator)
        case .char("n"): return updateByHand(.iteration)
        case .char("c"): return openControlPanel()
        case .char("m"): return toggleSlowMotion()
        case .char("t"):
            themeIndex = (themeIndex + 1) % themes.themes.count
            post("theme: \(theme.name)")
            return [.themeChanged]
        case .char("p"):
            showsSpectrum.toggle()
            post(showsSpectrum ? "metrics: spectrum view (real vs fake frequencies, detectors' AUC)"
                               : "metrics: all figures")
        case .char("z"):
            return cycleLatentView()
        case .tab:
            moveFocus(by: 1)
        case .backTab:
            moveFocus(by: -1)
        case .enter:
            isZoomed.toggle()
        case .escape:
            isZoomed = false
        case .char("["), .char("]"), .char("{"), .char("}"), .char("f"), .char("o"), .char("v"):
            handleHistoryOrTheory(key)
        default:
            return handleExplorer(key)
        }
        return []
    }

    mutating func trainingOnly(_ effect: Effect) -> [Effect] {
        trainingGoesOn() ? [effect] : []
    }

    /// Whether a run is there to act on (training, not ended); if not, a notice says why.
    mutating func trainingGoesOn() -> Bool {
        guard mode == .training else {
            post("no training here: this is the explorer on saved weights")
            return false
        }
        guard !trainerState.isFinal else {
            post("training has ended (\(trainerState.label.lowercased()))")
            return false
        }
        return true
    }

    private mutating func moveFocus(by offset: Int) {
        let panels = visiblePanels
        let index = panels.firstIndex(of: focus) ?? 0
        focus = panels[(index + offset + panels.count) % panels.count]
    }

    private mutating func handleExplorer(_ key: KeyPress) -> [Effect] {
        guard explorer.latentDimension > 0, explorer.handle(key) else { return [] }
        if key == .char("l") { post("explorer path: \(explorer.interpolation.rawValue)") }
        return ExplorerState.movesPoint(key) ? explorerRequest() : []
    }

    /// A render request for the current explorer point, when the generator is there to answer.
    mutating func explorerRequest() -> [Effect] {
        guard explorer.hasGenerator, explorer.latentDimension > 0 else { return [] }
        return [.renderExplorer(explorer.makeRequest(pointsShape: shape == .points))]
    }
}
