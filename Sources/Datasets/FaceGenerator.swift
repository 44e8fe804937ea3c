import Randomness

/// Draws synthetic grayscale faces: the default data set, since ganscope is about deepfakes.
///
/// Each face is a few antialiased shapes (head, neck, hair, eyes, brows, nose, mouth) whose
/// sizes, places and tones come from ``FaceFactors``; the label is mouth × hair style.
enum FaceGenerator {
    static let size = 32
    static let defaultCount = 20_000

    static func makeDataset(count: Int, seed: UInt64, split: DataSplit) -> Dataset {
        let synthesis = ImageSynthesis(width: size, height: size, classNames: FaceFactors.classNames,
                                       family: 1, noise: 0.02)
        return synthesis.generate(name: "faces", count: count, seed: seed, split: split) { label, rng, canvas in
            draw(FaceFactors(label: label, size: Float(size), rng: &rng), on: &canvas)
        }
    }

    /// Paints `face` from back to front over a black background.
    static func draw(_ face: FaceFactors, on canvas: inout Canvas) {
        canvas.clear(to: 0)
        canvas.frame = Frame(origin: face.position, angle: face.tilt)
        let head = face.headRadii
        if face.hair == .long {
            // Hair behind the head, falling to the shoulders below the frame.
            canvas.fillEllipse(center: SIMD2(0, -0.5), radii: head + SIMD2(2.2, 1.8), intensity: face.hairTone)
            canvas.stroke([SIMD2(0, 0), SIMD2(0, head.y + 8)], radius: head.x + 2, intensity: face.hairTone)
        }
        canvas.stroke([SIMD2(0, head.y * 0.6), SIMD2(0, head.y + 8)], radius: head.x * 0.42,
                      intensity: face.skin * 0.8)
        canvas.fillEllipse(center: .zero, radii: head, intensity: face.skin)
        if face.hair != .none {
            canvas.fillEllipse(center: SIMD2(0, -0.6), radii: head + SIMD2(1.0, 1.4), intensity: face.hairTone,
                               clipY: face.hairline)
        }
        drawEyesAndBrows(face, on: &canvas)
        let eyeY = face.eyeHeight
        canvas.stroke([SIMD2(0.2, eyeY + 1.8), SIMD2(0.6, eyeY + 4.6), SIMD2(-0.4, eyeY + 5.0)], radius: 0.45,
                      intensity: face.skin * 0.7)
        canvas.stroke(mouthPoints(face), radius: 0.6, intensity: 0.12)
    }

    private static func drawEyesAndBrows(_ face: FaceFactors, on canvas: inout Canvas) {
        for side: Float in [-1, 1] {
            let eye = SIMD2(side * face.eyeSpacing, face.eyeHeight)
            canvas.fillEllipse(center: eye, radii: face.eyeRadii + 0.5, intensity: face.skin * 0.75)
            canvas.fillEllipse(center: eye, radii: face.eyeRadii, intensity: 0.95)
            canvas.fillEllipse(center: eye, radii: SIMD2(repeating: face.pupilRadius), intensity: 0.05)
            let browMiddle = eye - SIMD2(0, face.browLift)
            let halfLength = face.eyeRadii.x + 0.3
            let inner = browMiddle + SIMD2(-side * halfLength, face.browTilt * halfLength)
            let outer = browMiddle + SIMD2(side * halfLength, -face.browTilt * halfLength)
            canvas.stroke([inner, outer], radius: 0.55, intensity: min(face.hairTone, face.skin * 0.4))
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
