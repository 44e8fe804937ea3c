/// Everything read so far from one run (a folder of event files): scalar series and images by
/// tag, and a count of the other kinds, in the order the events were read.
public struct RunLog: Sendable {
    /// The run's folder, as the user would type it (e.g. `runs/exp1`).
    public let name: String
    public private(set) var scalars: [String: ScalarSeries] = [:]
    public private(set) var images: [String: ImageSeries] = [:]
    /// Tags of kinds that are listed but not drawn (histograms, audio, other tensors).
    public private(set) var others: [String: TagSummary] = [:]
    /// The newest event's step and wall time (events without a summary count too).
    public private(set) var lastStep: Int64?
    public private(set) var lastWallTime: Double?
    /// The plugin each tag was first written with: TensorFlow 2 names it only on a tag's first value.
    private var plugins: [String: String] = [:]

    public init(name: String) { self.name = name }

    public mutating func add(_ event: Event) {
        // The file-version event carries the file's creation time, not progress.
        if event.fileVersion == nil {
            lastStep = event.step
            lastWallTime = event.wallTime
        }
        for value in event.values {
            if let plugin = value.pluginName, plugins[value.tag] == nil { plugins[value.tag] = plugin }
            var resolved = value
            resolved.pluginName = value.pluginName ?? plugins[value.tag]
            if let number = resolved.scalar {
                scalars[value.tag, default: ScalarSeries()].append(step: event.step, value: number)
            } else if case .image(let image) = resolved.content {
                images[value.tag, default: ImageSeries()].append(
                    ImageEntry(step: event.step, wallTime: event.wallTime, image: image))
            } else {
                others[value.tag, default: TagSummary(tag: value.tag, kind: TagKind(resolved.content))]
                    .count(step: event.step)
            }
        }
    }

    /// One line of facts per tag, sorted by tag: what `watch --inspect` prints.
    public var tagSummaries: [TagSummary] {
        var summaries = Array(others.values)
        for (tag, series) in scalars {
            var summary = TagSummary(tag: tag, kind: .scalar)
            summary.count = series.count
            summary.firstStep = series.steps.first
            summary.lastStep = series.steps.last
            summary.lastValue = series.values.last
            summaries.append(summary)
        }
        for (tag, series) in images {
            var summary = TagSummary(tag: tag, kind: .image)
            summary.count = series.totalCount
            summary.firstStep = series.firstStep
            summary.lastStep = series.entries.last?.step
            if let image = series.entries.last?.image { summary.lastImage = "\(image.width)x\(image.height)" }
            summaries.append(summary)
        }
        return summaries.sorted { $0.tag < $1.tag }
    }
}

/// A scalar tag's values in the order they were logged.
public struct ScalarSeries: Sendable, Equatable {
    public private(set) var steps: [Int64] = []
    public private(set) var values: [Double] = []

    public var count: Int { steps.count }

    mutating func append(step: Int64, value: Double) {
        steps.append(step)
        values.append(value)
    }
}

/// One logged image.
public struct ImageEntry: Sendable, Equatable {
    public var step: Int64
    public var wallTime: Double
    public var image: EncodedImage
}

/// An image tag's pictures, still encoded (a few kB each). A long run's older pictures are
/// thinned so that at most ``limit`` are kept: the newest always, older ones ever more sparsely.
public struct ImageSeries: Sendable, Equatable {
    public static let limit = 1000

    public private(set) var entries: [ImageEntry] = []
    /// Pictures logged, kept or not.
    public private(set) var totalCount = 0
    public private(set) var firstStep: Int64?

    mutating func append(_ entry: ImageEntry) {
        totalCount += 1
        if firstStep == nil { firstStep = entry.step }
        entries.append(entry)
        guard entries.count > Self.limit else { return }
        // Drop every second picture of the older half: history stays spread over the whole run.
        let half = entries.count / 2
        let older = entries[..<half].enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
        entries = older + entries[half...]
    }
}

/// What kind of values a tag holds.
public enum TagKind: String, Sendable, Codable {
    case scalar, image, tensor, histogram, audio, empty

    init(_ content: SummaryValue.Content) {
        switch content {
        case .simpleValue: self = .scalar
        case .image: self = .image
        case .tensor: self = .tensor
        case .histogram: self = .histogram
        case .audio: self = .audio
        case .empty: self = .empty
        }
    }
}

/// The facts about one tag that `watch --inspect` reports.
public struct TagSummary: Sendable, Equatable, Codable {
    public var tag: String
    public var kind: TagKind
    public var count = 0
    public var firstStep: Int64?
    public var lastStep: Int64?
    /// Scalars: the newest value.
    public var lastValue: Double?
    /// Images: the newest one's size, "WxH".
    public var lastImage: String?

    init(tag: String, kind: TagKind) {
        self.tag = tag
        self.kind = kind
    }

    mutating func count(step: Int64) {
        count += 1
        if firstStep == nil { firstStep = step }
        lastStep = step
    }
}
