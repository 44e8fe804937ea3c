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
        case .char("t"):
            themeIndex = (themeIndex + 1) % themes.themes.count
            post("theme: \(theme.name)")
            return [.themeChanged]
        case .char("f"):
            showsSpectrum.toggle()
            post(showsSpectrum ? "metrics: spectrum view (real vs fake frequencies, detectors' AUC)"
                               : "metrics: all figures")
        case .tab:
            moveFocus(by: 1)
        case .backTab:
            moveFocus(by: -1)
        case .enter:
            isZoomed.toggle()
        case .escape:
            isZoomed = false
        default:
            return handleExplorer(key)
        }
        return []
    }

    private mutating func trainingOnly(_ effect: Effect) -> [Effect] {
        guard mode == .training else {
            post("no training here: this is the explorer on saved weights")
            return []
        }
        guard !trainerState.isFinal else {
            post("training has ended (\(trainerState.label.lowercased()))")
            return []
        }
        return [effect]
    }

    private mutating func moveFocus(by offset: Int) {
        let panels = visiblePanels
        let index = panels.firstIndex(of: focus) ?? 0
        focus = panels[(index + offset + panels.count) % panels.count]
    }

    private mutating func handleExplorer(_ key: KeyPress) -> [Effect] {
        guard explorer.latentDimension > 0 else { return [] }
        switch key {
        case .left: explorer.moveT(by: -ExplorerState.tStep)
        case .right: explorer.moveT(by: ExplorerState.tStep)
        case .up: explorer.selectDimension(by: -1)
        case .down: explorer.selectDimension(by: 1)
        case .char("+"), .char("="): explorer.nudgeDimension(by: ExplorerState.nudgeStep)
        case .char("-"), .char("_"): explorer.nudgeDimension(by: -ExplorerState.nudgeStep)
        case .char("a"): explorer.setEndpointToCurrent(.a)
        case .char("b"): explorer.setEndpointToCurrent(.b)
        case .char("r"): explorer.drawNewEndpoints()
        case .char("l"):
            explorer.toggleInterpolation()
            post("explorer path: \(explorer.interpolation.rawValue)")
        default: return []
        }
        // Choosing a dimension changes no image; everything else moves the latent point.
        if key == .up || key == .down { return [] }
        return explorerRequest()
    }

    /// A render request for the current explorer point, when the generator is there to answer.
    mutating func explorerRequest() -> [Effect] {
        guard explorer.hasGenerator, explorer.latentDimension > 0 else { return [] }
        return [.renderExplorer(explorer.makeRequest(pointsShape: shape == .points))]
    }
}
