import GAN
import Randomness

/// The latent-space explorer: two endpoints, a position between them, and per-dimension nudges.
///
/// The state holds only latent vectors and the images last rendered for them; the generator
/// itself runs in the runtime (``ExplorerEngine``), asked through ``Effect/renderExplorer(_:)``.
public struct ExplorerState: Sendable, Equatable {
    public static let tStep: Float = 0.05
    public static let nudgeStep: Float = 0.25
    /// Frames in the strip along the path: images, and the denser trail drawn for 2-D points.
    public static let imageFrames = 9
    public static let pointFrames = 48

    public private(set) var endpointA: [Float] = []
    public private(set) var endpointB: [Float] = []
    /// Added to every point of the path: what `+`/`-` change.
    public private(set) var nudge: [Float] = []
    /// The position on the path, 0 at A and 1 at B.
    public private(set) var t: Float = 0.5
    public private(set) var interpolation = Interpolation.slerp
    /// The latent dimension `+`/`-` act on.
    public private(set) var dimension = 0
    /// The step of the generator weights the runtime holds, nil before the first snapshot.
    public private(set) var generatorStep: Int?
    /// What the weights came from when that is not a step of a run (a PyTorch state dict).
    public private(set) var generatorSource: String?
    /// Counts requests, so a late answer to an old request is recognised.
    public private(set) var requestID = 0
    public private(set) var images: ExplorerImages?
    private var rng: SeededRNG
    private var fixedNoise: [Float]

    /// - Parameters:
    ///   - fixedNoise: the sample grid's noise, (count, z) row-major; its first two rows become
    ///     the first endpoints, so the explorer starts between the first two samples shown.
    public init(seed: UInt64, fixedNoise: [Float] = []) {
        rng = SeededRNG(seed: seed, stream: RNGStream.explorer)
        self.fixedNoise = fixedNoise
    }

    public var latentDimension: Int { endpointA.count }
    public var hasGenerator: Bool { generatorStep != nil }

    /// How far `+`/`-` have moved dimension `index` off the path.
    public func currentNudge(_ index: Int) -> Float { index < nudge.count ? nudge[index] : 0 }

    /// The latent point at the current position.
    public var currentPoint: [Float] { point(at: t) }

    func point(at position: Float) -> [Float] {
        zip(interpolation.point(endpointA, endpointB, t: position), nudge).map(+)
    }

    /// Records new generator weights; the first ones also fix the latent size and endpoints.
    mutating func generatorArrived(step: Int, latentDimension: Int, source: String? = nil) {
        generatorStep = step
        generatorSource = source
        guard latentDimension != self.latentDimension else { return }
        if fixedNoise.count >= 2 * latentDimension {
            endpointA = Array(fixedNoise[0..<latentDimension])
            endpointB = Array(fixedNoise[latentDimension..<(2 * latentDimension)])
        } else {
            endpointA = randomVector(latentDimension)
            endpointB = randomVector(latentDimension)
        }
        nudge = Array(repeating: 0, count: latentDimension)
        dimension = min(dimension, latentDimension - 1)
    }

    mutating func moveT(by delta: Float) { t = min(max(t + delta, 0), 1) }

    mutating func toggleInterpolation() { interpolation = interpolation.toggled }

    mutating func selectDimension(by delta: Int) {
        guard latentDimension > 0 else { return }
        dimension = (dimension + delta + latentDimension) % latentDimension
    }

    mutating func nudgeDimension(by delta: Float) {
        guard dimension < nudge.count else { return }
        nudge[dimension] += delta
    }

    /// Makes the current point endpoint A (t goes to 0) or B (t goes to 1), so the image stays;
    /// the other end keeps its nudges, so the walk still ends where it did.
    mutating func setEndpointToCurrent(_ endpoint: Endpoint) {
        guard latentDimension > 0 else { return }
        let current = currentPoint
        switch endpoint {
        case .a:
            endpointB = zip(endpointB, nudge).map(+)
            endpointA = current
            t = 0
        case .b:
            endpointA = zip(endpointA, nudge).map(+)
            endpointB = current
            t = 1
        }
        nudge = Array(repeating: 0, count: latentDimension)
    }

    mutating func drawNewEndpoints() {
        guard latentDimension > 0 else { return }
        endpointA = randomVector(latentDimension)
        endpointB = randomVector(latentDimension)
        nudge = Array(repeating: 0, count: latentDimension)
    }

    /// A request for the current point and the strip, with a new id.
    mutating func makeRequest(pointsShape: Bool) -> ExplorerRequest {
        requestID += 1
        let frames = pointsShape ? Self.pointFrames : Self.imageFrames
        var latents = currentPoint
        for frame in 0..<frames { latents += point(at: Float(frame) / Float(frames - 1)) }
        return ExplorerRequest(id: requestID, latentDimension: latentDimension, latents: latents)
    }

    /// Keeps rendered images unless they answer an outdated request.
    mutating func receive(_ rendered: ExplorerImages) {
        guard rendered.requestID == requestID else { return }
        images = rendered
    }

    private mutating func randomVector(_ count: Int) -> [Float] { (0..<count).map { _ in rng.gaussian() } }

    /// Which end of the path a key sets.
    public enum Endpoint: Sendable { case a, b }
}
