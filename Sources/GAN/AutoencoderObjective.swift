import NeuralNet

/// The loss of one autoencoder update and its gradients, written once and generic over
/// `BLASScalar`: `AutoencoderStep` trains with it in Float, and the finite-difference check runs
/// the very same code in Double, as ``GANObjective`` is checked.
///
/// Every term is per sample (summed over a sample's values and latent dimensions) and averaged
/// over the batch; the caller runs the optimisers.
public enum AutoencoderObjective {
    /// Scratch buffers for one batch, as pointers (shapes for M rows, F values, latent size L).
    public struct Scratch<T: BLASScalar> {
        /// (M, L): the VAE's ε (unused by the AE).
        public var noise: UnsafePointer<T>
        /// (M, L): z.
        public var latent: UnsafeMutablePointer<T>
        /// (M, L): dL/dz.
        public var latentGradient: UnsafeMutablePointer<T>
        /// (M, F): dL/d(decoder output).
        public var outputGradient: UnsafeMutablePointer<T>
        /// (M, 2L): dL/d(encoder output), the VAE's only.
        public var codeGradient: UnsafeMutablePointer<T>

        public init(noise: UnsafePointer<T>, latent: UnsafeMutablePointer<T>, latentGradient: UnsafeMutablePointer<T>,
                    outputGradient: UnsafeMutablePointer<T>, codeGradient: UnsafeMutablePointer<T>) {
            self.noise = noise
            self.latent = latent
            self.latentGradient = latentGradient
            self.outputGradient = outputGradient
            self.codeGradient = codeGradient
        }
    }

    /// Reconstruction + `klWeight`·KL on `batch` rows of `input` against `targets` (both
    /// (M, F)); overwrites both networks' parameter gradients.
    ///
    /// The AE decodes its encoder's output; the VAE samples z = μ + exp(½·log σ²)·ε from the
    /// encoder's (μ, log σ²) with the caller's ε in `scratch.noise`.
    ///
    /// - Returns: the reconstruction term and the KL term (0 for the AE), each per sample.
    @inlinable
    public static func lossAndGradients<T: BLASScalar>(
        _ kind: AutoencoderKind, reconstruction loss: ReconstructionLoss, klWeight: T,
        encoder: Sequential<T>, decoder: Sequential<T>, input: UnsafePointer<T>, targets: UnsafePointer<T>,
        batch: Int, scratch: Scratch<T>
    ) -> (reconstruction: T, kl: T) {
        guard let terms = lossAndGradients(kind, reconstruction: loss, klWeight: klWeight, encoder: encoder,
                                           decoder: decoder, input: input, targets: targets, batch: batch,
                                           scratch: scratch, abandoningIf: { false })
        else { preconditionFailure("nothing abandons these passes") }
        return terms
    }

    /// The same, asking `shouldAbandon` between its four passes (encoder forward, decoder forward,
    /// decoder backward, encoder backward), so that a stop request is seen within one pass of a
    /// large batch. If it answers true the computation ends there and returns nil; the parameters
    /// are untouched, but the parameter gradients are not whole and the decoder's BatchNorm
    /// statistics have moved if its forward pass ran (the caller restores them).
    @inlinable
    public static func lossAndGradients<T: BLASScalar>(
        _ kind: AutoencoderKind, reconstruction loss: ReconstructionLoss, klWeight: T,
        encoder: Sequential<T>, decoder: Sequential<T>, input: UnsafePointer<T>, targets: UnsafePointer<T>,
        batch: Int, scratch: Scratch<T>, abandoningIf shouldAbandon: () -> Bool
    ) -> (reconstruction: T, kl: T)? {
        let z = decoder.inputSize, features = decoder.outputSize
        let code = encoder.forward(input, batch: batch)
        switch kind {
        case .ae: scratch.latent.update(from: code, count: batch * z)
        case .vae: GaussianLatent.sample(head: code, noise: scratch.noise, z: scratch.latent, batch: batch, latent: z)
        }
        if shouldAbandon() { return nil }
        let scale = 1 / T(batch)  // per-sample terms: sums over a sample, mean over the batch
        let output = decoder.forward(scratch.latent, batch: batch)
        let reconstruction = loss.sum(outputs: output, targets: targets, count: batch * features,
                                      gradient: scratch.outputGradient, gradientScale: scale) * scale
        if shouldAbandon() { return nil }
        decoder.backward(gradOutput: scratch.outputGradient, batch: batch, parameterGradients: .overwrite,
                         gradInput: scratch.latentGradient)
        if shouldAbandon() { return nil }
        switch kind {
        case .ae:
            encoder.backward(gradOutput: scratch.latentGradient, batch: batch, parameterGradients: .overwrite)
            return (reconstruction, 0)
        case .vae:
            let kl = GaussianLatent.klDivergence(head: code, batch: batch, latent: z, gradient: scratch.codeGradient,
                                                 gradientScale: klWeight * scale) * scale
            GaussianLatent.sampleBackward(head: code, noise: scratch.noise, zGradient: scratch.latentGradient,
                                          headGradient: scratch.codeGradient, batch: batch, latent: z)
            encoder.backward(gradOutput: scratch.codeGradient, batch: batch, parameterGradients: .overwrite)
            return (reconstruction, kl)
        }
    }
}
