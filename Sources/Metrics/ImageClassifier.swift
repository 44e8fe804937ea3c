import Datasets
import NeuralNet
import Randomness

/// A small MLP that tells the classes of a labelled image set apart: pixels → 256 → 64 → classes,
/// LeakyReLU(0.2). Its 64-wide penultimate layer is the feature space of the Fréchet distance
/// (what Inception's pool layer is to FID); its argmax gives generated images a class.
/// Not `Sendable`, like the network it wraps.
public final class ImageClassifier {
    public let network: MLP<Float>

    /// Widths of the hidden layers; the last is the feature layer.
    public static let hiddenSizes = [256, 64]
    public static let activations: [Activation] = [.leakyReLU(slope: 0.2), .leakyReLU(slope: 0.2), .identity]

    /// The layer sizes for `inputs` pixels and `classes` classes.
    public static func sizes(inputs: Int, classes: Int) -> [Int] { [inputs] + hiddenSizes + [classes] }

    /// An untrained classifier with weights drawn from `rng`.
    public convenience init(inputs: Int, classes: Int, rng: inout SeededRNG) {
        self.init(network: MLP(sizes: Self.sizes(inputs: inputs, classes: classes), activations: Self.activations,
                               rng: &rng))
    }

    /// Wraps `network`, which must have this classifier's architecture.
    public init(network: MLP<Float>) {
        precondition(network.layers == LayerSpec.mlp(sizes: Self.sizes(inputs: network.inputSize, classes: network.outputSize),
                                                     activations: Self.activations), "not a classifier network")
        self.network = network
    }

    public var inputCount: Int { network.inputSize }
    public var classCount: Int { network.outputSize }
    public var featureDimension: Int { network.width(after: featureBoundary) }

    /// The boundary after the last hidden activation: the feature layer.
    private var featureBoundary: Int { network.layers.count - 1 }

    /// Trains on the labelled `dataset` (its labels must exist and match `classCount`), passing
    /// `gate` before each minibatch so that pausing the run pauses this too. Returns false when
    /// the gate was closed before the last minibatch: the classifier is then only partly trained.
    @discardableResult
    public func train(on dataset: Dataset, settings: ClassifierTraining, rng: inout SeededRNG,
                      gate: PauseGate? = nil) -> Bool {
        guard let labels = dataset.labels, dataset.count > 0 else { return true }
        let batch = settings.batchSize
        let optimizer = Adam(parameters: network.parameters, learningRate: settings.learningRate)
        let input = Buffer<Float>(count: batch * inputCount)
        let gradient = Buffer<Float>(count: batch * classCount)
        for _ in 0..<settings.steps {
            if let gate, !gate.pass() { return false }
            let picks = (0..<batch).map { _ in rng.index(below: dataset.count) }
            dataset.copyBatch(indices: picks, into: input.pointer)
            let logits = network.forward(input.pointer, batch: batch)
            _ = SoftmaxCrossEntropy.loss(logits: logits, labels: picks.map { labels[$0] }, classes: classCount,
                                         gradient: gradient.pointer, gradientScale: 1 / Float(batch))
            network.backward(gradOutput: gradient.pointer, batch: batch, parameterGradients: .overwrite)
            optimizer.step()
        }
        return true
    }

    /// Penultimate-layer features (count, featureDimension) and predicted classes of `rows`.
    public func embed(_ rows: [Float]) -> (features: [Float], predictions: [Int]) {
        let outputs = network.outputs(for: rows[...], boundaries: [featureBoundary, network.layers.count])
        let predictions = outputs[1].withUnsafeBufferPointer { logits in
            logits.baseAddress.map {
                SoftmaxCrossEntropy.predictions(logits: $0, batch: logits.count / classCount, classes: classCount)
            } ?? []
        }
        return (outputs[0], predictions)
    }

    /// Share of `dataset`'s samples whose class is predicted right (0 for an unlabelled set).
    public func accuracy(on dataset: Dataset) -> Double {
        guard let labels = dataset.labels, dataset.count > 0 else { return 0 }
        let predictions = embed(dataset.samples).predictions
        return Double(zip(predictions, labels).filter { $0 == $1 }.count) / Double(dataset.count)
    }
}
