import GAN

/// The decoder's output on a `side`×`side` grid of z over [−range, range]²: the picture of a
/// 2-D latent space. The explorer's copy of the decoder makes it on the UI thread
/// (``Effect/renderLatentGrid(_:)``), so the trainer needs to send nothing for it.
public struct LatentGrid: Sendable {
    /// 13 points a side put z at every half unit from −3 to 3, and have many evenly spaced
    /// subgrids (``subgridSizes``) for smaller panels.
    public static let standardSide = 13
    public static let standardRange: Float = 3

    /// The step of the decoder's weights.
    public var step: Int
    /// Row by row from the top (z₂ = +range) down, z₁ rising left to right: `side * side` images.
    public var decoded: SampleImages
    public var side: Int
    public var range: Float

    public init(step: Int, decoded: SampleImages, side: Int = standardSide, range: Float = standardRange) {
        self.step = step
        self.decoded = decoded
        self.side = side
        self.range = range
    }

    /// The grid's latent vectors in the order of ``decoded``: (side², 2) row-major.
    public static func latents(side: Int = standardSide, range: Float = standardRange) -> [Float] {
        guard side > 1 else { return side == 1 ? [0, 0] : [] }
        let spacing = 2 * range / Float(side - 1)
        return (0..<side).flatMap { row in
            (0..<side).flatMap { column in [-range + Float(column) * spacing, range - Float(row) * spacing] }
        }
    }

    /// The grid sizes that pick evenly spaced rows and columns of the decoded grid: every k
    /// with (side − 1) divisible by (k − 1), largest first (13 gives 13, 7, 5, 4, 3, 2).
    public var subgridSizes: [Int] {
        guard side >= 2 else { return side == 1 ? [1] : [] }
        return (2...side).reversed().filter { (side - 1) % ($0 - 1) == 0 }
    }

    /// The index into ``decoded`` of row `row`, column `column` of a k×k subgrid.
    public func decodedIndex(row: Int, column: Int, subgrid k: Int) -> Int {
        guard k > 1 else { return (side / 2) * side + side / 2 }
        let spacing = (side - 1) / (k - 1)
        return row * spacing * side + column * spacing
    }
}

/// Which picture the samples panel shows in an AE or VAE run with a 2-D latent space (key `z`).
public enum LatentView: Sendable, CaseIterable {
    /// The decoded prior samples (the fixed-noise grid).
    case samples
    /// The decoded grid over z ∈ [−3, 3]².
    case decodedGrid
    /// The encoder's means of data points, coloured by class.
    case encodedPoints
}
