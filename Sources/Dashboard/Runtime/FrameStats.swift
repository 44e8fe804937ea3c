/// How long frames took to build and show, for the performance figures (`GANSCOPE_FRAME_STATS`).
public struct FrameStats: Sendable, CustomStringConvertible {
    public private(set) var frames = 0
    public private(set) var viewSeconds = 0.0
    public private(set) var drawSeconds = 0.0
    public private(set) var slowestSeconds = 0.0
    /// CPU time of the UI thread in `view` and in drawing: the wall times above also count waiting
    /// for a core and for the terminal to read, which depend on the machine's load.
    public private(set) var viewCPUSeconds = 0.0
    public private(set) var drawCPUSeconds = 0.0
    /// CPU time of the UI thread and wall time over the whole loop.
    public internal(set) var uiThreadSeconds = 0.0
    public internal(set) var wallSeconds = 0.0
    /// Time spent loading and running the explorer's generator.
    public internal(set) var explorerSeconds = 0.0
    /// The size of the latest frame, so a timing names the size it was measured at.
    public private(set) var size = (columns: 0, rows: 0)

    public init() {}

    mutating func record(view: Double, draw: Double, viewCPU: Double, drawCPU: Double, size: (columns: Int, rows: Int)) {
        frames += 1
        viewSeconds += view
        drawSeconds += draw
        viewCPUSeconds += viewCPU
        drawCPUSeconds += drawCPU
        slowestSeconds = max(slowestSeconds, view + draw)
        self.size = size
    }

    public var description: String {
        guard frames > 0 else { return "no frames drawn" }
        let perFrame = { (seconds: Double) in (seconds / Double(frames) * 1e5).rounded() / 100 }
        return "\(frames) frames at \(size.columns)×\(size.rows): view \(perFrame(viewSeconds)) ms + draw "
            + "\(perFrame(drawSeconds)) ms per frame on average (CPU \(perFrame(viewCPUSeconds)) + \(perFrame(drawCPUSeconds)) ms), "
            + "slowest \((slowestSeconds * 1e5).rounded() / 100) ms; "
            + "UI thread CPU \((uiThreadSeconds * 100).rounded() / 100) s in \((wallSeconds * 10).rounded() / 10) s "
            + "(\((uiThreadSeconds / max(wallSeconds, 1e-9) * 1000).rounded() / 10) % of one core), "
            + "explorer \((explorerSeconds * 1000).rounded()) ms"
    }
}
