import GAN
import NeuralNet

/// Work that ``update(_:_:)`` asks the runtime to do: it touches the trainer, the explorer's
/// network or the terminal, so it cannot happen in the pure update.
public enum Effect: Sendable, Equatable {
    case togglePause
    case requestSnapshot
    /// An update by hand or a new setting for the trainer (``GAN/Trainer/send(_:)``).
    case send(TrainerCommand)
    /// Stop training, restore the terminal and return.
    case quit
    /// Put new generator weights into the explorer's own network.
    case loadGenerator(NetworkWeights)
    /// Run the explorer's network; the answer comes back as ``Message/explorerRendered(_:)``.
    case renderExplorer(ExplorerRequest)
    /// Run the explorer's network (an autoencoder's decoder) over ``LatentGrid/latents(side:range:)``;
    /// the answer comes back as ``Message/latentGridRendered(_:)``.
    case renderLatentGrid(ExplorerRequest)
    /// The theme changed: the backend may forget its colour pairs.
    case themeChanged
}
