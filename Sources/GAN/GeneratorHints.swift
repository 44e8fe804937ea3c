import NeuralNet

/// What the user says about a foreign generator where its tensors cannot (`--z-dim`,
/// `--image-size`, `--activation`). A state dict holds weights only: it shows the latent size and
/// every layer's sizes, but not the activations (they have no parameters) nor how an MLP's flat
/// output folds into an image. Ignored for ganscope's own snapshots, which record their architecture.
public struct GeneratorHints: Sendable, Equatable {
    /// Must equal the first Linear's input size (checked, since the tensors show it).
    public var latentDimension: Int?
    /// The image's side: an MLP's output of n values is then side×side gray (n = side²) or colour
    /// (n = 3·side²). A DCGAN's side follows from its layers and must agree.
    public var imageSide: Int?
    /// The activation between hidden layers, instead of the family's usual one (LeakyReLU(0.2)
    /// for an MLP, ReLU for a DCGAN). The output is always tanh.
    public var hiddenActivation: Activation?

    public init(latentDimension: Int? = nil, imageSide: Int? = nil, hiddenActivation: Activation? = nil) {
        self.latentDimension = latentDimension
        self.imageSide = imageSide
        self.hiddenActivation = hiddenActivation
    }

    /// The activation `text` names, as checkpoints spell them: `relu`, `leaky_relu` (slope 0.2),
    /// `leaky_relu(SLOPE)`, `tanh`, `sigmoid`, `identity`; nil for anything else.
    public static func activation(named text: String) -> Activation? {
        text == "leaky_relu" ? ModelArchitecture.leaky : LayerCode.activation(text)
    }
}
