import Randomness

/// Draws synthetic faces, the default data set since ganscope is about deepfakes: in colour
/// (`faces`) or grayscale (`faces-gray`).
///
/// Each face is a few antialiased shapes (head, neck, hair, eyes, brows, nose, mouth, and in
/// colour a shirt) whose sizes and places come from ``FaceFactors`` and whose colours from a
/// ``FacePalette``; the label is mouth × hair style. Both sets share the random streams, so the
/// colour and the gray face of one seed and index have the same shapes and label.
enum FaceGenerator {
    static let size = 32
    static let defaultCount = 20_000

    /// `channels` 3 gives the colour faces, 1 the grayscale ones.
    static func makeDataset(count: Int, seed: UInt64, split: DataSplit, channels: Int) -> Dataset {
        let colour = channels == 3
        let synthesis = ImageSynthesis(width: size, height: size, channels: channels,
                                       classNames: FaceFactors.classNames, family: 1, noise: 0.02)
        let name = colour ? DatasetSpec.faces.description : DatasetSpec.facesGray.description
        return synthesis.generate(name: name, count: count, seed: seed, split: split) { label, rng, canvas in
            let face = FaceFactors(label: label, size: Float(size), rng: &rng)
            let palette = colour ? FacePalette(colourFor: face, rng: &rng) : FacePalette(grayscale: face)
            draw(face, in: palette, on: &canvas)
        }
    }

    /// Paints `face` from back to front over the background.
    static func draw(_ face: FaceFactors, in palette: FacePalette, on canvas: inout Canvas) {
        canvas.clear(to: palette.background)
        canvas.frame = Frame(origin: face.position, angle: face.tilt)
        let head = face.headRadii
        if face.hair == .long {
            // Hair behind the head, falling to the shoulders below the frame.
            canvas.fillEllipse(center: SIMD2(0, -0.5), radii: head + SIMD2(2.2, 1.8), colour: palette.hair)
            canvas.stroke([SIMD2(0, 0), SIMD2(0, head.y + 8)], radius: head.x + 2, colour: palette.hair)
        }
        if let shirt = palette.shirt {
            // Shoulders: the top of a wide ellipse, showing in the bottom rows beside the neck.
            canvas.fillEllipse(center: SIMD2(0, head.y + 7.5), radii: SIMD2(head.x + 9, 6), colour: shirt)
        }
        canvas.stroke([SIMD2(0, head.y * 0.6), SIMD2(0, head.y + 8)], radius: head.x * 0.42,
                      colour: palette.skin * 0.8)
        canvas.fillEllipse(center: .zero, radii: head, colour: palette.skin)
        if face.hair != .none {
            canvas.fillEllipse(center: SIMD2(0, -0.6), radii: head + SIMD2(1.0, 1.4), colour: palette.hair,
                               clipY: face.hairline)
        }
        drawEyesAndBrows(face, in: palette, on: &canvas)
        let eyeY = face.eyeHeight
        canvas.stroke([SIMD2(0.2, eyeY + 1.8), SIMD2(0.6, eyeY + 4.6), SIMD2(-0.4, eyeY + 5.0)], radius: 0.45,
                      colour: palette.skin * 0.7)
        canvas.stroke(mouthPoints(face), radius: 0.6, colour: palette.mouth)
    }

    private static func drawEyesAndBrows(_ face: FaceFactors, in palette: FacePalette, on canvas: inout Canvas) {
        for side: Float in [-1, 1] {
            let eye = SIMD2(side * face.eyeSpacing, face.eyeHeight)
            canvas.fillEllipse(center: eye, radii: face.eyeRadii + 0.5, colour: palette.skin * 0.75)
            canvas.fillEllipse(center: eye, radii: face.eyeRadii, colour: palette.eyeWhite)
            canvas.fillEllipse(center: eye, radii: SIMD2(repeating: face.pupilRadius), colour: palette.pupil)
            let browMiddle = eye - SIMD2(0, face.browLift)
            let halfLength = face.eyeRadii.x + 0.3
            let inner = browMiddle + SIMD2(-side * halfLength, face.browTilt * halfLength)
            let outer = browMiddle + SIMD2(side * halfLength, -face.browTilt * halfLength)
            canvas.stroke([inner, outer], radius: 0.55, colour: pointwiseMin(palette.hair, palette.skin * 0.4))
        }
    }

    /// A parabola through the mouth corners, bent up by `mouthCurve` at the ends.
    private static func mouthPoints(_ face: FaceFactors) -> [SIMD2<Float>] {
        (0...8).map { step in
            let t = Float(step) / 4 - 1  // -1 … 1 across the mouth
            let y = face.mouthHeight + face.mouthCurve * (0.5 - t * t)
            return SIMD2(t * face.mouthHalfWidth, y)
        }
    }
}
