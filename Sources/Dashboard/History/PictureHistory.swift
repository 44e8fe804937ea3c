import Datasets
import GAN

/// Every picture the dashboard received (sample grid, D's verdicts, D's surface with D* and the
/// gradient arrows, an autoencoder's reconstructions), kept for the history slider: 8-bit (``Quantized``), one ``PictureFrame``
/// per step, within a fixed byte budget whatever the run's length.
///
/// When a new picture takes the store past its budget, every other frame of the older half is
/// dropped (the first frame stays), again until it fits: the newest pictures stay dense and
/// the older the pictures, the further apart they are, each halving going further back.
public struct PictureHistory: Sendable, Equatable {
    /// 64 MB, the default: minutes of pictures at full rate on any data set, and hours
    /// thinned.
    public static let defaultBudget = 64 << 20

    public let budget: Int
    /// Oldest first, steps rising.
    public private(set) var frames: [PictureFrame] = []
    /// What the frames hold, as counted by ``PictureFrame/byteCount``.
    public private(set) var byteCount = 0

    public init(budget: Int = defaultBudget) {
        self.budget = max(budget, 0)
    }

    public mutating func record(_ samples: SampleImages) {
        amend(step: samples.step) { $0.samples = StoredSamples(samples) }
    }

    public mutating func record(_ pairs: Reconstructions) {
        amend(step: pairs.step) {
            $0.reconstructions = StoredReconstructions(inputs: StoredSamples(pairs.inputs), outputs: StoredSamples(pairs.outputs))
        }
    }

    public mutating func record(_ verdicts: Verdicts) {
        amend(step: verdicts.step) { $0.verdicts = StoredVerdicts(real: Quantized(verdicts.real), fake: Quantized(verdicts.fake)) }
    }

    public mutating func record(_ surface: DecisionSurface) {
        amend(step: surface.step) { $0.surface = StoredSurface(surface) }
    }

    /// The frame nearest `step` (the older on a tie). The slider remembers a step, not a
    /// position: when thinning drops the frame on screen, its nearest neighbour takes its place,
    /// so a long look at the past does not drift back with every halving.
    public func index(nearest step: Int) -> Int? {
        guard !frames.isEmpty else { return nil }
        let after = frames.firstIndex { $0.step >= step } ?? frames.count - 1
        guard after > 0 else { return 0 }
        return step - frames[after - 1].step <= frames[after].step - step ? after - 1 : after
    }

    /// The newest picture of one kind at or before frame `index`: a frame made by a lone picture
    /// (e.g. the sample grid the trainer sends at exact steps for logs) shows the others as they
    /// were then.
    public func latest<Stored>(_ kind: KeyPath<PictureFrame, Stored?>, upTo index: Int) -> (step: Int, picture: Stored)? {
        guard frames.indices.contains(index) else { return nil }
        for frame in frames[...index].reversed() {
            if let stored = frame[keyPath: kind] { return (frame.step, stored) }
        }
        return nil
    }

    /// Adds a picture to the frame of its step (the trainer sends a moment's pictures together),
    /// or a new frame; then thins the store back into its budget.
    private mutating func amend(step: Int, _ change: (inout PictureFrame) -> Void) {
        if let last = frames.last, last.step == step {
            byteCount -= last.byteCount
            change(&frames[frames.count - 1])
            byteCount += frames[frames.count - 1].byteCount
        } else if frames.last.map({ $0.step < step }) ?? true {
            var frame = PictureFrame(step: step)
            change(&frame)
            frames.append(frame)
            byteCount += frame.byteCount
        } else {
            return  // older than the newest frame: the slider's steps only rise
        }
        thin()
    }

    private mutating func thin() {
        while byteCount > budget, frames.count > 1 {
            let older = frames.count / 2
            // Odd positions of the older half; with two frames left, the older one goes.
            let dropped = older >= 2 ? Set(stride(from: 1, to: older, by: 2)) : [0]
            byteCount -= dropped.reduce(0) { $0 + frames[$1].byteCount }
            frames = frames.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        }
    }
}

/// What the dashboard received at one step, 8-bit; any kind may be missing.
public struct PictureFrame: Sendable, Equatable {
    /// Bookkeeping beyond the pictures' bytes: the frame and its arrays' headers.
    static let overhead = 256

    public let step: Int
    public internal(set) var samples: StoredSamples?
    public internal(set) var verdicts: StoredVerdicts?
    public internal(set) var surface: StoredSurface?
    /// An autoencoder's reconstruction strip.
    public internal(set) var reconstructions: StoredReconstructions?

    init(step: Int) {
        self.step = step
    }

    public var byteCount: Int {
        Self.overhead + (samples?.values.count ?? 0) + (verdicts.map { $0.real.count + $0.fake.count } ?? 0)
            + (surface?.byteCount ?? 0)
            + (reconstructions.map { $0.inputs.values.count + $0.outputs.values.count } ?? 0)
    }
}

public struct StoredSamples: Sendable, Equatable {
    public let shape: DataShape
    public let count: Int
    public let values: Quantized

    init(_ samples: SampleImages) {
        shape = samples.shape
        count = samples.count
        values = Quantized(samples.values)
    }

    func restored(step: Int) -> SampleImages {
        SampleImages(step: step, shape: shape, count: count, values: values.values)
    }
}

public struct StoredReconstructions: Sendable, Equatable {
    public let inputs: StoredSamples
    public let outputs: StoredSamples

    func restored(step: Int) -> Reconstructions {
        Reconstructions(inputs: inputs.restored(step: step), outputs: outputs.restored(step: step))
    }
}

public struct StoredVerdicts: Sendable, Equatable {
    public let real: Quantized
    public let fake: Quantized

    func restored(step: Int) -> Verdicts {
        Verdicts(step: step, real: real.values, fake: fake.values)
    }
}

/// D's surface and, for 2-D runs, D* and the arrows; the arrows stay floats (a few dozen).
public struct StoredSurface: Sendable, Equatable {
    let xRange: ClosedRange<Float>
    let yRange: ClosedRange<Float>
    let columns: Int
    let rows: Int
    let values: Quantized
    let optimal: Quantized?
    let meanAbsoluteDifference: Float?
    let arrows: [GradientArrow]

    init(_ surface: DecisionSurface) {
        xRange = surface.xRange
        yRange = surface.yRange
        columns = surface.columns
        rows = surface.rows
        values = Quantized(surface.values)
        optimal = surface.theory.map { Quantized($0.optimal) }
        meanAbsoluteDifference = surface.theory?.meanAbsoluteDifference
        arrows = surface.theory?.arrows ?? []
    }

    var byteCount: Int { values.count + (optimal?.count ?? 0) + arrows.count * MemoryLayout<GradientArrow>.stride }

    func restored(step: Int) -> DecisionSurface {
        let theory = optimal.map { optimal in
            PlaneTheory(optimal: optimal.values, meanAbsoluteDifference: meanAbsoluteDifference ?? 0, arrows: arrows)
        }
        return DecisionSurface(step: step, xRange: xRange, yRange: yRange, columns: columns, rows: rows,
                               values: values.values, theory: theory)
    }
}
