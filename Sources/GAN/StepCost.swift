import NeuralNet

/// Floating-point operations in the matrix products (linear layers and convolutions) of one
/// `GANStep` iteration (K = 1), counting a multiply-add as two, for throughput figures. A layer's
/// weight gradient and input gradient each cost what its forward pass does, as PyTorch's
/// `FlopCounterMode` counts them; elementwise work (activations, BatchNorm, Adam) is left out.
public struct StepCost: Sendable {
    public let flops: Int

    /// The cost for an architecture whose layouts are valid (a network that was built).
    public init(architecture: ModelArchitecture, batch: Int) {
        let g = Self.cost(architecture.generator, inputs: architecture.latentDimension)
        let d = Self.cost(architecture.discriminator, inputs: g.outputs)
        // D update: G forward (M rows); D forward, weight gradients and input gradients past the
        // first layer on 2M rows.
        let discriminatorUpdate = batch * g.forward + 2 * batch * (d.forward + d.forward + (d.forward - d.first))
        // G update: G and D forward, D input gradients, G weight and input gradients past its first layer.
        let generatorUpdate = batch * (g.forward + d.forward + d.forward + g.forward + (g.forward - g.first))
        flops = 2 * (discriminatorUpdate + generatorUpdate)
    }

    /// Multiply-adds per sample of a forward pass and of its first weighted layer (whose input
    /// gradient is not needed), and the output width.
    private static func cost(_ layers: [LayerSpec], inputs: Int) -> (forward: Int, first: Int, outputs: Int) {
        guard let layout = try? NetworkLayout(layers: layers, inputs: inputs) else {
            preconditionFailure("the cost of an invalid network")
        }
        let first = layout.multiplyAdds[layers.firstIndex(where: \.hasParameters) ?? 0]
        return (layout.multiplyAddsPerSample, first, layout.output.count)
    }
}
