import GAN
import TerminalUI

/// The key list, over the body, shown by `?` and closed by any key.
struct HelpOverlay: Widget {
    let palette: Palette
    let keys: [(key: String, action: String)]

    /// The keys of a single run of `model`.
    init(palette: Palette, model: ModelFamily) {
        self.palette = palette
        keys = Self.keys(of: model, palette: palette)
    }

    init(palette: Palette, keys: [(key: String, action: String)]) {
        self.palette = palette
        self.keys = keys
    }

    /// The keys of `ganscope compare`, where every key acts on all the runs.
    static let compareKeys: [(key: String, action: String)] = [
        ("space", "pause / resume every run (a paused trainer uses no CPU)"),
        ("s", "save a snapshot of every run now, one file per model"),
        ("?", "this help; any key closes it"),
        ("q", "quit (Ctrl-C too); the terminal is restored"),
    ]

    /// The rows of this model: the GAN's steering keys, or an autoencoder's latent map key.
    private static func keys(of model: ModelFamily, palette: Palette) -> [(key: String, action: String)] {
        let allKeys = allKeys(palette: palette)
        return model.isAdversarial ? allKeys.filter { $0.key != "z" }
                                   : allKeys.filter { !adversarialRows.contains($0.key) }
    }

    /// The keys of rows that steer a GAN's D and G.
    private static let adversarialRows: Set<String> = ["d  g  n", "c", "m", "o  v"]

    private static func allKeys(palette: Palette) -> [(key: String, action: String)] { [
        ("space", "pause / resume training (a paused trainer uses no CPU)"),
        ("s", "save a snapshot (checkpoint) now"),
        ("d  g  n", "paused: one D update, one G update, one iteration (K D + G updates)"),
        ("c", "control panel: K, G updates, learning rates, half-life, loss, beta1"),
        ("m", "slow motion: one iteration a second, stage by stage (m again: off)"),
        (palette.text("←  →", ascii: "left right"), "explorer: walk from endpoint A to B"),
        (palette.text("↑  ↓", ascii: "up down"), "explorer: choose a latent dimension"),
        ("+  -", "explorer: nudge that dimension"),
        ("a  b", "explorer: make the current point endpoint A / B"),
        ("r", "explorer: draw new random endpoints"),
        ("l", "explorer: straight (lerp) or spherical (slerp) path"),
        // Paired keys share a row, so the list still fits an 80 × 24 terminal.
        ("[ ] { }", "history: one / ten pictures back, forward; f follows live"),
        ("o  v", "2-D: D* = p_data/(p_data+p_g) instead of D / G's gradient arrows"),
        ("z", "2-D latent: samples, the decoded grid over z, the encoded points by class"),
        ("tab", "focus the next panel (shift-tab: previous)"),
        ("enter", "zoom the focused panel; again (or esc) to go back"),
        ("p", "metrics: power-spectrum view (real vs fake spectra, detectors) or figures"),
        ("t", "next theme (themes/*.toml)"),
        ("?", "this help; any key closes it"),
        ("q", "quit (Ctrl-C too); the terminal is restored"),
    ] }

    func render(into grid: inout CellGrid, area: Rect) {
        let width = keys.map(\.key.count).max() ?? 0
        let lines = keys.map { entry in
            TextLine([Span(entry.key.padded(to: width + 2), style: palette.title),
                      Span(entry.action, style: palette.text)])
        }
        Overlay(title: "Keys", lines: lines, glyphs: palette.glyphs, style: palette.text,
                titleStyle: palette.focusBorder).render(into: &grid, area: area)
    }
}

extension String {
    /// The string followed by spaces up to `length` characters.
    func padded(to length: Int) -> String {
        self + String(repeating: " ", count: max(length - count, 0))
    }
}
