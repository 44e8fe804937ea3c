import Randomness

/// The generating factors of one synthetic face, in face coordinates: pixels, origin at the
/// centre of the head, y pointing down.
///
/// Mouth and hair style are the class; everything else varies freely within ranges chosen so
/// that every face stays inside a 32×32 frame and keeps its features in plausible places.
struct FaceFactors {
    enum Mouth: Int, CaseIterable {
        case smile, neutral, frown
    }

    enum Hair: Int, CaseIterable {
        case none, short, long
    }

    let mouth: Mouth
    let hair: Hair
    let headRadii: SIMD2<Float>
    /// Face brightness in [0, 1].
    let skin: Float
    let hairTone: Float
    /// Half the distance between the eye centres.
    let eyeSpacing: Float
    let eyeHeight: Float
    let eyeRadii: SIMD2<Float>
    let pupilRadius: Float
    /// How far the brows sit above the eye centres.
    let browLift: Float
    /// Brow tilt: positive raises the outer ends (surprised), negative the inner ends (stern).
    let browTilt: Float
    let mouthHeight: Float
    let mouthHalfWidth: Float
    /// How far the mouth corners rise above its middle; negative for a frown.
    let mouthCurve: Float
    /// Where the hair starts on the forehead (a y above the eyes).
    let hairline: Float
    /// Pose: the head centre on the canvas and its tilt in radians.
    let position: SIMD2<Float>
    let tilt: Float

    /// The gray tones of skin, dark to light.
    static let skinRange: ClosedRange<Float> = 0.5...0.92

    /// The class index of a face: mouth × hair, as listed in ``classNames``.
    var label: Int { mouth.rawValue * Hair.allCases.count + hair.rawValue }

    /// "smile/no hair", "smile/short hair", …, "frown/long hair", in label order.
    static let classNames: [String] = Mouth.allCases.flatMap { mouth in
        Hair.allCases.map { hair in "\(mouth)/\(hair.displayName)" }
    }

    /// Random factors for the class `label` (see ``classNames``), centred on a `size`×`size` canvas.
    init(label: Int, size: Float, rng: inout SeededRNG) {
        let hairCount = Hair.allCases.count
        mouth = Mouth(rawValue: label / hairCount) ?? .neutral
        hair = Hair(rawValue: label % hairCount) ?? .short
        headRadii = SIMD2(rng.uniform(8.5, 10.5), rng.uniform(10.5, 12.5))
        skin = rng.uniform(Self.skinRange.lowerBound, Self.skinRange.upperBound)
        // Hair is kept darker than skin and lighter than the black background, so it shows.
        hairTone = rng.uniform(0.15, 0.42)
        eyeSpacing = rng.uniform(3.4, 4.6)
        eyeHeight = rng.uniform(-2.8, -1.2)
        eyeRadii = SIMD2(rng.uniform(1.5, 2.1), rng.uniform(1.0, 1.4))
        pupilRadius = rng.uniform(0.7, 1.0)
        browLift = rng.uniform(2.2, 3.2)
        browTilt = rng.uniform(-0.4, 0.4)
        mouthHeight = rng.uniform(5.0, 6.5)
        mouthHalfWidth = rng.uniform(2.8, 4.0)
        switch mouth {
        case .smile: mouthCurve = rng.uniform(1.2, 2.2)
        case .neutral: mouthCurve = rng.uniform(-0.3, 0.3)
        case .frown: mouthCurve = rng.uniform(-2.0, -1.1)
        }
        hairline = eyeHeight - rng.uniform(3.8, 5.0)
        position = SIMD2(size / 2 + rng.uniform(-2, 2), size / 2 + 0.5 + rng.uniform(-1, 1))
        tilt = rng.uniform(-0.12, 0.12)
    }
}

extension FaceFactors.Hair {
    var displayName: String {
        switch self {
        case .none: "no hair"
        case .short: "short hair"
        case .long: "long hair"
        }
    }
}
