import NeuralNet

/// The lecture's theory on a 2-D data set, next to D's actual surface (``DecisionSurface``).
///
/// For a fixed G the best detector is D*(x) = p_data(x) / (p_data(x) + p_g(x)); at the global
/// optimum p_g = p_data and D* = ½ everywhere. `optimal` estimates D* on the surface's grid from
/// a sample of real points and a sample of G's output, and `arrows` show where G's update pushes
/// a fixed set of fakes: both G losses move G(z) along ∇ₓD(x) at x = G(z) (the non-saturating one
/// along ∇ₓ log D = ∇ₓD / D, the minimax one along −∇ₓ log(1 − D) = ∇ₓD / (1 − D)).
public struct PlaneTheory: Sendable, Equatable {
    /// D* on the surface's grid: row-major, row 0 at the top (largest y).
    public var optimal: [Float]
    /// The mean of |D(x) − D*(x)| over the grid's cells.
    public var meanAbsoluteDifference: Float
    public var arrows: [GradientArrow]

    public init(optimal: [Float], meanAbsoluteDifference: Float, arrows: [GradientArrow]) {
        self.optimal = optimal
        self.meanAbsoluteDifference = meanAbsoluteDifference
        self.arrows = arrows
    }

    /// D* from two densities on the same cells: p / (p + q), and ½ where neither set has mass
    /// (no evidence for either side).
    public static func optimalDiscriminator(realDensity: [Float], fakeDensity: [Float]) -> [Float] {
        precondition(realDensity.count == fakeDensity.count, "the densities must share one grid")
        return zip(realDensity, fakeDensity).map { real, fake in
            real + fake > 0 ? real / (real + fake) : 0.5
        }
    }

    /// ∇ₓD(x) for `count` rows of `points` (D's input, 2 features per row): (count, 2) row-major.
    ///
    /// D outputs a logit l(x) and D = σ(l), so ∇ₓD = σ(l)(1 − σ(l)) ∇ₓl: the backward pass starts
    /// from dD/dl and runs to the input. D's parameter gradients are skipped (left as they were),
    /// and its weights are only read, so training is not disturbed.
    public static func inputGradients<T: BLASScalar>(of discriminator: MLP<T>, at points: UnsafePointer<T>,
                                                     count: Int) -> [T] {
        precondition(discriminator.inputSize == 2 && discriminator.outputSize == 1, "D must map 2-D points to one logit")
        guard count > 0 else { return [] }
        let logits = discriminator.forward(points, batch: count)
        let slopes = (0..<count).map { index -> T in
            let probability = BinaryCrossEntropy.sigmoid(logits[index])
            return probability * (1 - probability)
        }
        var gradients = [T](repeating: 0, count: 2 * count)
        slopes.withUnsafeBufferPointer { slopes in
            gradients.withUnsafeMutableBufferPointer { gradients in
                discriminator.backward(gradOutput: slopes.baseAddress!, batch: count, parameterGradients: .skip,
                                       gradInput: gradients.baseAddress!)
            }
        }
        return gradients
    }
}

/// Where G pushes one fake point: the point x = G(z) and ∇ₓD(x) there.
public struct GradientArrow: Sendable, Equatable {
    public var point: SIMD2<Float>
    public var gradient: SIMD2<Float>

    public init(point: SIMD2<Float>, gradient: SIMD2<Float>) {
        self.point = point
        self.gradient = gradient
    }
}
