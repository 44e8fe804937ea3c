import TensorBoard
import TerminalUI

/// Draws the watch screen for `state` at `size`: a status line, the losses and verdicts of the
/// chosen run on the left with its other scalars below, its latest (or scrubbed) picture, the
/// latent explorer on its newest generator snapshot (when it has one) and the run list on the
/// right, and a footer with the keys or the newest notice. Pure.
public func watchView(_ state: WatchState, size: (columns: Int, rows: Int)) -> CellGrid {
    let palette = Palette(theme: state.theme, display: state.display)
    var grid = CellGrid(width: size.columns, height: size.rows, filledWith: Cell(" ", style: palette.base))
    guard size.columns >= minimumTerminalSize.columns, size.rows >= minimumTerminalSize.rows else {
        let times = palette.text("×", ascii: "x")
        let lines = [
            TextLine("Please enlarge the terminal", style: palette.warning, alignment: .center),
            TextLine("ganscope needs \(minimumTerminalSize.columns)\(times)\(minimumTerminalSize.rows); this one is "
                     + "\(size.columns)\(times)\(size.rows)", style: palette.text, alignment: .center),
            TextLine("q quits", style: palette.muted, alignment: .center),
        ]
        let top = max(size.rows - lines.count, 0) / 2
        TextLines(lines).render(into: &grid, area: Rect(x: 0, y: top, width: size.columns, height: size.rows - top))
        return grid
    }
    let (status, rest) = grid.bounds.splitTop(1)
    let body = rest.splitBottom(1).rest
    WatchStatusLine(state: state, palette: palette).render(into: &grid, area: status)
    if let tags = state.tags {
        drawRun(state, tags: tags, palette: palette, body: body, into: &grid)
    } else {
        Placeholder.render(palette.text("waiting for event files (names containing tfevents)…",
                                        ascii: "waiting for event files (names containing tfevents)..."),
                           into: &grid, area: body, style: palette.muted)
    }
    // Last: a long notice wraps upwards over the panels.
    WatchFooter(state: state, palette: palette).render(into: &grid, area: rest)
    return grid
}

/// The panels of the chosen run, whose scalar tags are `tags`, in `body`.
private func drawRun(_ state: WatchState, tags: RunTags, palette: Palette, body: Rect, into grid: inout CellGrid) {
    let columns = body.split(.horizontal, [.percent(50), .fill(1)])
    let hasVerdicts = tags.realVerdict != nil || tags.fakeVerdict != nil
    var leftParts: [Layout.Constraint] = [.fill(3)]
    if hasVerdicts { leftParts.append(.fill(2)) }
    if !tags.others.isEmpty { leftParts.append(.fixed(min(tags.others.count + 2, columns[0].height / 3))) }
    let left = columns[0].split(.vertical, leftParts)
    let runRows = min(state.runs.count, 6) + 2
    let right = columns[1].split(.vertical, state.showsExplorer ? [.fill(1), .fill(1), .fixed(runRows)]
                                                                 : [.fill(1), .fixed(runRows)])

    let run = state.currentRun
    WatchPanel(title: "losses", palette: palette).render(into: &grid, area: left[0]) { grid, area in
        WatchLossChart(run: run, tags: tags, palette: palette).render(into: &grid, area: area)
    }
    if hasVerdicts {
        WatchPanel(title: "the detective's verdicts", palette: palette).render(into: &grid, area: left[1]) { grid, area in
            WatchVerdictChart(run: run, tags: tags, palette: palette).render(into: &grid, area: area)
        }
    }
    if !tags.others.isEmpty, let area = left.last, left.count > (hasVerdicts ? 2 : 1) {
        WatchPanel(title: "other scalars", palette: palette).render(into: &grid, area: area) { grid, area in
            WatchScalarList(run: run, tags: tags.others, palette: palette).render(into: &grid, area: area)
        }
    }
    let pictures = WatchPicturePanel(state: state, palette: palette)
    WatchPanel(title: pictures.title, palette: palette).render(into: &grid, area: right[0]) { grid, area in
        pictures.render(into: &grid, area: area)
    }
    if state.showsExplorer {
        let snapshots = state.snapshots
        let name = snapshots.loaded?.name ?? ""
        WatchPanel(title: "explorer\(palette.dot)\(name)", palette: palette).render(into: &grid, area: right[1]) { grid, area in
            ExplorerPanel(explorer: snapshots.explorer, shape: snapshots.shape, palette: palette).render(into: &grid, area: area)
        }
    }
    WatchPanel(title: "runs\(palette.dot)tab switches", palette: palette).render(into: &grid, area: right[right.count - 1]) { grid, area in
        WatchRunList(state: state, palette: palette).render(into: &grid, area: area)
    }
}

/// A bordered panel with a title; `content` draws inside, one column in from the border.
struct WatchPanel {
    let title: String
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect, content: (inout CellGrid, Rect) -> Void) {
        let block = Block(title: title, glyphs: palette.glyphs, borderStyle: palette.border, titleStyle: palette.title)
        block.render(into: &grid, area: area)
        content(&grid, block.inner(area).inset(horizontal: 1, vertical: 0))
    }
}

/// A scalar series fitted to a chart's width, with its first and last step for the axis.
struct FittedSeries {
    let values: [Float]
    let firstStep: Int64
    let lastStep: Int64

    init?(_ series: ScalarSeries?, length: Int, smoothed: Bool = false) {
        guard let series, let first = series.steps.first, let last = series.steps.last else { return nil }
        var values = series.values.map(Float.init)
        if smoothed {
            var average = DebiasedEMA()
            values = values.map { average.add($0) }
        }
        self.values = ChartWindow(values, length: length).values
        firstStep = first
        lastStep = last
    }
}

struct WatchLossChart: Widget {
    let run: RunLog?
    let tags: RunTags
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        let length = ChartWindow.length(forWidth: area.width)
        let d = tags.discriminatorLoss.flatMap { run?.scalars[$0] }
        let g = tags.generatorLoss.flatMap { run?.scalars[$0] }
        guard d != nil || g != nil else {
            Placeholder.render("no loss tags found: --d-loss TAG --g-loss TAG", into: &grid, area: area,
                               style: palette.muted)
            return
        }
        var series: [ChartSeries] = []
        var steps: [(Int64, Int64)] = []
        for (tag, data, style) in [(tags.discriminatorLoss, d, palette.discriminator), (tags.generatorLoss, g, palette.generator)] {
            guard let tag, let raw = FittedSeries(data, length: length),
                  let smooth = FittedSeries(data, length: length, smoothed: true) else { continue }
            if palette.glyphs.hasBrailleAndBlocks {
                series.append(ChartSeries(name: tag, values: raw.values, style: style, faint: true))
            }
            series.append(ChartSeries(name: "\(tag) ema", values: smooth.values, style: style))
            steps.append((raw.firstStep, raw.lastStep))
        }
        BrailleLineChart(series: series, xStartLabel: steps.map(\.0).min().map { "step \($0)" },
                         xEndLabel: steps.map(\.1).max().map { "step \($0)" }, glyphs: palette.glyphs,
                         axisStyle: palette.muted).render(into: &grid, area: area)
    }
}

struct WatchVerdictChart: Widget {
    let run: RunLog?
    let tags: RunTags
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        let length = ChartWindow.length(forWidth: area.width)
        let lines = [(tags.realVerdict, palette.real), (tags.fakeVerdict, palette.fake)].compactMap { tag, style in
            tag.flatMap { tag in FittedSeries(run?.scalars[tag], length: length).map { (tag, $0, style) } }
        }
        BrailleLineChart(
            series: lines.map { ChartSeries(name: $0.0, values: $0.1.values, style: $0.2) },
            references: [ReferenceLine(value: 0.5, style: palette.muted, label: palette.text("½", ascii: "0.5"))],
            xStartLabel: lines.first.map { "step \($0.1.firstStep)" }, xEndLabel: lines.first.map { "step \($0.1.lastStep)" },
            yRange: 0...1, glyphs: palette.glyphs, axisStyle: palette.muted
        ).render(into: &grid, area: area)
    }
}

/// Every other scalar: name, newest value, and a sparkline of the whole series.
struct WatchScalarList: Widget {
    let run: RunLog?
    let tags: [String]
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        let labelWidth = min((tags.map(\.count).max() ?? 0) + 1, area.width / 2)
        for (row, tag) in tags.prefix(area.height).enumerated() {
            guard let series = run?.scalars[tag], let last = series.values.last else { continue }
            let y = area.y + row
            grid.put(String(tag.prefix(labelWidth - 1)), at: area.x, y, style: palette.muted, clip: area)
            let value = CompactNumber.format(last)
            grid.put(value, at: area.x + labelWidth, y, style: palette.text, clip: area)
            let trendX = area.x + labelWidth + 9
            let trend = Rect(x: trendX, y: y, width: max(0, area.right - trendX), height: 1)
            Sparkline(values: ChartWindow(series.values.map(Float.init), length: trend.width).values, style: palette.title,
                      glyphs: palette.glyphs).render(into: &grid, area: trend)
        }
    }
}

/// The chosen image tag's picture at the scrubbed (or newest) step, and a slider over all of them.
struct WatchPicturePanel: Widget {
    let state: WatchState
    let palette: Palette

    var title: String {
        guard let tag = state.imageTag, let key = state.picture?.key else { return "images" }
        let count = state.currentRun?.images[tag]?.entries.count ?? 0
        let mode = state.scrubIndex == nil ? "newest" : "history"
        return "\(tag)\(palette.dot)step \(key.step)\(palette.dot)\(key.index + 1)/\(count) \(mode)"
    }

    func render(into grid: inout CellGrid, area: Rect) {
        guard let picture = state.picture else {
            let text = state.imageTag == nil ? "no images in this run" : "decoding…"
            Placeholder.render(palette.text(text, ascii: text.replacingOccurrences(of: "…", with: "...")), into: &grid,
                               area: area, style: palette.muted)
            return
        }
        let (image, slider) = area.splitBottom(1)
        switch picture.content {
        case .undecodable(let reason):
            Placeholder.render("cannot decode: \(reason)", into: &grid, area: image, style: palette.warning)
        case .pixels(let width, let height, let channels, let bytes):
            HalfBlockImage(pixels: Self.planes(bytes, channels: channels), width: width, height: height,
                           channels: channels, ramp: palette.imageRamp, scaling: .box, depth: palette.depth,
                           glyphs: palette.glyphs)
                .render(into: &grid, area: image)
        }
        let count = state.currentRun?.images[picture.key.tag]?.entries.count ?? 1
        Slider(value: count > 1 ? Float(picture.key.index) / Float(count - 1) : 1, label: "[ ] { } f",
               glyphs: palette.glyphs, trackStyle: palette.muted, markerStyle: palette.title, labelStyle: palette.muted)
            .render(into: &grid, area: slider)
    }

    /// Decoded bytes (gray, or RGB interleaved) as the image widget's values in −1…1, one plane
    /// per channel as a data set's sample is laid out: colour is drawn as the training
    /// dashboard draws its colour samples.
    static func planes(_ bytes: [UInt8], channels: Int) -> [Float] {
        guard channels == 3 else { return bytes.map { Float($0) / 127.5 - 1 } }
        let pixels = bytes.count / 3
        return (0..<3).flatMap { channel in (0..<pixels).map { Float(bytes[3 * $0 + channel]) / 127.5 - 1 } }
    }
}

/// One line a run: a mark on the chosen one, its name, last step and how long since its newest event.
struct WatchRunList: Widget {
    let state: WatchState
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        guard area.height > 0 else { return }
        // Keep the chosen run in view when there are more runs than rows.
        let first = max(0, min(state.selectedRun - area.height + 1, state.runs.count - area.height))
        for (row, index) in (first..<min(state.runs.count, first + area.height)).enumerated() {
            let run = state.runs[index]
            let chosen = index == state.selectedRun
            let step = run.lastStep.map { "step \($0)" } ?? "no events"
            let age = run.lastWallTime.map { WatchAge.text(seconds: state.wallClock - $0) + " ago" } ?? ""
            let facts = "\(step)  \(age)"
            let nameWidth = max(1, area.width - facts.count - 4)
            let name = run.name.count > nameWidth ? "…" + run.name.suffix(nameWidth - 1) : run.name
            let style = chosen ? palette.title.bolded : palette.text
            let y = area.y + row
            grid.put((chosen ? "> " : "  ") + name, at: area.x, y, style: style, clip: area)
            grid.put(facts, at: area.right - facts.count, y, style: palette.muted, clip: area)
        }
    }
}

/// How long ago, briefly: "12 s", "5 min", "3 h", "2 d".
public enum WatchAge {
    public static func text(seconds: Double) -> String {
        let s = max(0, seconds)
        if s < 120 { return "\(Int(s)) s" }
        if s < 7200 { return "\(Int(s / 60)) min" }
        if s < 172_800 { return "\(Int(s / 3600)) h" }
        return "\(Int(s / 86400)) d"
    }
}

struct WatchStatusLine: Widget {
    let state: WatchState
    let palette: Palette

    func render(into grid: inout CellGrid, area: Rect) {
        grid.fill(area, with: Cell(" ", style: palette.statusBar))
        var fields = [" ganscope watch"]
        if let run = state.currentRun {
            fields.append("\(run.name) (\(state.selectedRun + 1)/\(state.runs.count))")
            if let step = run.lastStep { fields.append("step \(step)") }
            if let wall = run.lastWallTime { fields.append("updated \(WatchAge.text(seconds: state.wallClock - wall)) ago") }
        }
        grid.put(fields.joined(separator: palette.separator), at: area.x, area.y, style: palette.statusBar, clip: area)
    }
}

struct WatchFooter: Widget {
    let state: WatchState
    let palette: Palette

    /// The keys on the bottom row of `area`, or the newest notice over its bottom rows.
    func render(into grid: inout CellGrid, area: Rect) {
        if let notice = state.currentNotice {
            NoticeLine(notice: notice, palette: palette).render(into: &grid, area: area)
            return
        }
        let keys = ["tab run", "[ ] picture", "{ } 10", "f follow", "i image tag", "q quit"]
        grid.put(" " + keys.joined(separator: palette.dot), at: area.x, area.bottom - 1, style: palette.muted, clip: area)
    }
}
