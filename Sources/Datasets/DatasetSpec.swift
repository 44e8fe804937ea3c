/// A parsed data set name from the command line: a built-in set or `idx:PATH`.
///
///     let spec = try DatasetSpec(parsing: "idx:/data/mnist")   // .idx(path: "/data/mnist")
public enum DatasetSpec: Sendable, Equatable, CustomStringConvertible {
    /// Colour faces (3 channels).
    case faces
    /// The grayscale faces, as `faces` was before colour.
    case facesGray
    case digits
    case ring
    case grid
    case spiral
    /// IDX images: a file, or a folder in MNIST's layout.
    case idx(path: String)

    private static let idxPrefix = "idx:"

    public init(parsing text: String) throws(DatasetError) {
        switch text {
        case "faces": self = .faces
        case "faces-gray": self = .facesGray
        case "digits": self = .digits
        case "ring": self = .ring
        case "grid": self = .grid
        case "spiral": self = .spiral
        case _ where text.hasPrefix(Self.idxPrefix) && text.count > Self.idxPrefix.count:
            self = .idx(path: String(text.dropFirst(Self.idxPrefix.count)))
        default: throw .unknownDataset(spec: text)
        }
    }

    /// The spec as typed: "faces", "faces-gray", …, or "idx:PATH"; also the loaded ``Dataset``'s name.
    public var description: String {
        switch self {
        case .faces: "faces"
        case .facesGray: "faces-gray"
        case .digits: "digits"
        case .ring: "ring"
        case .grid: "grid"
        case .spiral: "spiral"
        case .idx(let path): Self.idxPrefix + path
        }
    }

    /// How many samples a built-in set generates unless told otherwise; nil for files (all).
    public var defaultCount: Int? {
        switch self {
        case .faces, .facesGray: FaceGenerator.defaultCount
        case .digits: DigitGenerator.defaultCount
        case .ring, .grid, .spiral: PointSets.defaultCount
        case .idx: nil
        }
    }
}
