import Randomness

/// The colours one synthetic face is painted in: grayscale from the tones of its
/// ``FaceFactors`` (the `faces-gray` set, exactly as before colour came), or colour drawn from
/// palettes of skin tones, hair colours, backgrounds and shirts (the `faces` set).
struct FacePalette {
    var background: RGB
    var skin: RGB
    var hair: RGB
    var eyeWhite: RGB
    /// The pupil with the iris around it: too small to tell apart at 32×32, so one colour.
    var pupil: RGB
    var mouth: RGB
    /// Shoulders at the bottom of the frame; nil paints none (the grayscale faces have none).
    var shirt: RGB?

    /// The grayscale faces: black background, the face's own skin and hair tones.
    init(grayscale face: FaceFactors) {
        background = .zero
        skin = RGB(repeating: face.skin)
        hair = RGB(repeating: face.hairTone)
        eyeWhite = RGB(repeating: 0.95)
        pupil = RGB(repeating: 0.05)
        mouth = RGB(repeating: 0.12)
        shirt = nil
    }

    /// Colours for `face`, drawn from `rng` after its factors. The skin follows the face's gray
    /// tone along ``skinTones`` (a light gray face is a light skin), so colour and gray faces of
    /// one index have the same shapes and similar brightness.
    init(colourFor face: FaceFactors, rng: inout SeededRNG) {
        let t = (face.skin - FaceFactors.skinRange.lowerBound)
            / (FaceFactors.skinRange.upperBound - FaceFactors.skinRange.lowerBound)
        skin = Self.interpolate(Self.skinTones, at: t) * RGB(rng.uniform(0.95, 1.05), 1, rng.uniform(0.95, 1.05))
        hair = Self.hairColours[rng.index(below: Self.hairColours.count)] * rng.uniform(0.8, 1.15)
        // Muted backgrounds: a random hue mixed with its own gray, never as bright as a light face.
        let hue = RGB(rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0, 1))
        background = (0.5 * hue + 0.5 * RGB(repeating: (hue.x + hue.y + hue.z) / 3)) * rng.uniform(0.35, 0.9)
        shirt = RGB(rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95))
        eyeWhite = RGB(0.95, 0.95, 0.92)
        pupil = Self.irisColours[rng.index(below: Self.irisColours.count)]
        mouth = RGB(0.55, 0.18, 0.2) * rng.uniform(0.7, 1.0)
    }

    /// From dark to light; a face's tone picks a point between neighbours.
    static let skinTones: [RGB] = [
        RGB(0.36, 0.22, 0.15), RGB(0.55, 0.36, 0.24), RGB(0.78, 0.57, 0.42), RGB(0.92, 0.74, 0.62),
        RGB(0.98, 0.84, 0.75),
    ]
    /// Black, dark brown, brown, auburn, blonde, gray.
    static let hairColours: [RGB] = [
        RGB(0.07, 0.06, 0.06), RGB(0.24, 0.15, 0.08), RGB(0.45, 0.3, 0.15), RGB(0.58, 0.22, 0.09),
        RGB(0.85, 0.7, 0.4), RGB(0.62, 0.62, 0.62),
    ]
    /// Dark brown, blue, green: pupils with a hint of the iris.
    static let irisColours: [RGB] = [RGB(0.18, 0.1, 0.05), RGB(0.1, 0.2, 0.38), RGB(0.1, 0.26, 0.14)]

    /// The colour at `t` in [0, 1] along `colours`, linear between neighbours.
    private static func interpolate(_ colours: [RGB], at t: Float) -> RGB {
        let position = min(max(t, 0), 1) * Float(colours.count - 1)
        let index = min(Int(position), colours.count - 2)
        let fraction = position - Float(index)
        return colours[index] + fraction * (colours[index + 1] - colours[index])
    }
}
