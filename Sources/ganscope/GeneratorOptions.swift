import ArgumentParser
import GAN
import NeuralNet

/// `--z-dim`, `--image-size`, `--activation`: what a bare PyTorch state dict cannot say about its
/// generator (`sample`, `interpolate`, `explore`, `watch`). ganscope's own snapshots record it all
/// and ignore these.
struct GeneratorOptions: ParsableArguments {
    @Option(name: .customLong("z-dim"), parsing: .unconditional,
            help: ArgumentHelp("For a PyTorch state dict: the latent size, checked against its first Linear.", valueName: "n"),
            transform: BoundedOption.integer(in: OptionRanges.latentDimension))
    var latentDimension: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("""
        For a PyTorch MLP state dict: the image side, when its n outputs are not the default reading \
        (n = side² gray, else n = 3·side² colour).
        """, valueName: "side"),
            transform: BoundedOption.integer(in: OptionRanges.generatorImageSide))
    var imageSize: Int?

    @Option(help: ArgumentHelp("""
        For a PyTorch state dict: the activation between hidden layers (default: leaky_relu(0.2) for an MLP, \
        relu for a DCGAN): relu, leaky_relu, leaky_relu(SLOPE), tanh, sigmoid, identity.
        """, valueName: "name"),
            transform: GeneratorOptions.activation)
    var activation: Activation?

    var hints: GeneratorHints {
        GeneratorHints(latentDimension: latentDimension, imageSide: imageSize, hiddenActivation: activation)
    }

    static let activation: @Sendable (String) throws -> Activation = { text in
        guard let activation = GeneratorHints.activation(named: text) else {
            throw BoundedOption.Refusal(
                description: "allowed: relu, leaky_relu, leaky_relu(SLOPE), tanh, sigmoid, identity")
        }
        return activation
    }
}
