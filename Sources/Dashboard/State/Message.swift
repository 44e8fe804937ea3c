import GAN
import NeuralNet

/// Everything that can change the dashboard's state; ``update(_:_:)`` handles each.
public enum Message: Sendable {
    case key(KeyPress)
    /// An event from the trainer, drained from the inbox once per frame.
    case trainer(TrainerEvent)
    /// Generator weights from elsewhere than a running trainer (a checkpoint), for the explorer;
    /// `source` names a file that has no step (a PyTorch state dict), and the panel then says so.
    case savedGenerator(NetworkWeights, step: Int, source: String? = nil)
    /// The explorer's generator answered a request.
    case explorerRendered(ExplorerImages)
    /// The explorer's network answered a ``Effect/renderLatentGrid(_:)``.
    case latentGridRendered(ExplorerImages)
    /// The frame clock, in seconds since the start: expires notices.
    case tick(now: Double)
    /// SIGINT or SIGTERM: leave as `q` does.
    case terminationSignal
}
