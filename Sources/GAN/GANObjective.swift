import NeuralNet

/// The losses of one GAN iteration and their gradients, written once and generic over
/// `BLASScalar`: `GANStep` trains with them in Float, and the finite-difference check runs the
/// very same code in Double (as the layers in NeuralNet do), so the check tests what trains.
///
/// Both functions leave the optimiser step to the caller: they only fill gradients.
public enum GANObjective {
    /// D's loss on one 2M-row batch (`batch` = M reals, then M fakes) and its parameter gradients.
    ///
    /// D ascends log D(x) + log(1 − D(G(z))), i.e. descends the binary cross-entropy of reals as
    /// 1 and fakes as 0; each half is a mean over its M rows. D's parameter gradients are
    /// overwritten with d(real + fake)/dθ_D.
    ///
    /// - Parameters:
    ///   - logitGradient: (2M) scratch for dL/d(logit).
    /// - Returns: the two halves of the loss and D's logits, (2M), valid until D's next forward.
    @inlinable
    public static func discriminatorLossAndGradients<T: BLASScalar>(
        discriminator: MLP<T>, input: UnsafePointer<T>, batch: Int, logitGradient: UnsafeMutablePointer<T>
    ) -> (realLoss: T, fakeLoss: T, logits: UnsafeMutablePointer<T>) {
        let logits = discriminator.forward(input, batch: 2 * batch)
        let scale = 1 / T(batch)  // each half is a mean over M rows
        let realLoss = BinaryCrossEntropy.loss(logits: logits, count: batch, target: 1,
                                               gradient: logitGradient, gradientScale: scale)
        let fakeLoss = BinaryCrossEntropy.loss(logits: logits + batch, count: batch, target: 0,
                                               gradient: logitGradient + batch, gradientScale: scale)
        discriminator.backward(gradOutput: logitGradient, batch: 2 * batch, parameterGradients: .overwrite)
        return (realLoss, fakeLoss, logits)
    }

    /// G's loss on M noise vectors and G's parameter gradients, through D.
    ///
    /// D's parameter gradients are skipped (left as they were), since only dL/d(G(z)) is needed;
    /// D's weights are never written. G's parameter gradients are overwritten.
    ///
    /// - Parameters:
    ///   - noise: (M, z).
    ///   - logitGradient: (M) scratch for dL/d(logit).
    ///   - fakeGradient: (M, features) scratch for dL/d(G(z)).
    /// - Returns: the loss G descends: −E[log D(G(z))] (non-saturating) or E[log(1 − D(G(z)))]
    ///   (minimax, as the lecture writes it).
    @inlinable
    public static func generatorLossAndGradients<T: BLASScalar>(
        _ loss: GANLoss, generator: MLP<T>, discriminator: MLP<T>, noise: UnsafePointer<T>, batch: Int,
        logitGradient: UnsafeMutablePointer<T>, fakeGradient: UnsafeMutablePointer<T>
    ) -> T {
        let fakes = generator.forward(noise, batch: batch)
        let logits = discriminator.forward(fakes, batch: batch)
        let scale = 1 / T(batch)
        let value: T
        switch loss {
        case .nonSaturating:
            // −E[log D(G(z))]: BCE with target 1.
            value = BinaryCrossEntropy.loss(logits: logits, count: batch, target: 1, gradient: logitGradient,
                                            gradientScale: scale)
        case .minimax:
            // E[log(1 − D(G(z)))] = −BCE with target 0; G descends it.
            value = -BinaryCrossEntropy.loss(logits: logits, count: batch, target: 0, gradient: logitGradient,
                                             gradientScale: -scale)
        }
        discriminator.backward(gradOutput: logitGradient, batch: batch, parameterGradients: .skip,
                               gradInput: fakeGradient)
        generator.backward(gradOutput: fakeGradient, batch: batch, parameterGradients: .overwrite)
        return value
    }
}
