import Datasets
import NeuralNet
import SafeTensors

/// A generator to draw images with (`sample`, `interpolate`, `explore`, `watch`), read from a
/// safetensors file: a ganscope checkpoint (a GAN's G, or an autoencoder's decoder in data space,
/// see ``NetworkWeights/decoderInDataSpace(reconstruction:)``), or a bare PyTorch `nn.Sequential` generator state
/// dict whose architecture is inferred from its tensors (see ``StateDictGenerator``).
///
/// ```swift
/// let file = try GeneratorFile.load(path: "G.safetensors", hints: GeneratorHints(imageSide: 28))
/// let network = file.weights.makeNetwork()   // evaluation mode
/// ```
public struct GeneratorFile: Sendable {
    public var weights: NetworkWeights
    public var shape: DataShape
    /// The run and step when the file is ganscope's own snapshot; nil for a PyTorch state dict.
    public var origin: GeneratorOrigin?
    /// What was read, for messages: "G of step 400 of faces-0", "decoder of step 400 of mnist-0 (vae)"
    /// or "PyTorch state dict: mlp 64-256-784, z 64, 28×28 gray".
    public var summary: String

    public var latentDimension: Int { weights.inputSize }

    /// Tensors listed in an error before the list is cut short.
    static let listedTensors = 8

    /// Reads the file at `path`. A file whose `format` metadata says ganscope is read as a
    /// checkpoint, with every check `Checkpoint.load` makes; any other is inferred, with `hints`.
    public static func load(path: String, hints: GeneratorHints = GeneratorHints()) throws(CheckpointError) -> GeneratorFile {
        let file: SafeTensorsFile
        do {
            file = try SafeTensorsFile.load(path: path)
        } catch {
            throw .unreadable(error)
        }
        return try GeneratorFile(file: file, source: path, hints: hints)
    }

    public init(file: SafeTensorsFile, source: String, hints: GeneratorHints = GeneratorHints()) throws(CheckpointError) {
        if file.metadata[MetadataKey.format] == CheckpointInfo.formatName {
            if file.metadata[MetadataKey.modelKind] == nil {
                let checkpoint = try Checkpoint(file: file, source: source)
                origin = GeneratorOrigin(checkpoint: checkpoint)
                weights = checkpoint.generator
                shape = checkpoint.info.dataShape
                summary = "G of step \(checkpoint.info.step) of \(checkpoint.info.run)"
                return
            }
            let checkpoint = try AutoencoderCheckpoint(file: file, source: source)
            guard let decoder = checkpoint.decoder.decoderInDataSpace(reconstruction: checkpoint.info.options.reconstruction)
            else {
                throw .inconsistent(source: source, detail: "the decoder does not end in the logits its BCE loss needs")
            }
            origin = GeneratorOrigin(checkpoint: checkpoint)
            weights = decoder
            shape = checkpoint.info.dataShape
            summary = "decoder of step \(checkpoint.info.step) of \(checkpoint.info.run) (\(checkpoint.info.options.kind.rawValue))"
            return
        }
        do throws(InferenceProblem) {
            let inferred = try StateDictGenerator.infer(file.tensors, hints: hints)
            origin = nil
            weights = inferred.weights
            shape = inferred.shape
            summary = "PyTorch state dict: \(inferred.summary)"
        } catch {
            var listed = file.tensors.prefix(Self.listedTensors).map { "\($0.name) \($0.shape)" }
            if file.tensors.count > Self.listedTensors { listed.append("… \(file.tensors.count - Self.listedTensors) more") }
            throw .unrecognisedGenerator(source: source, detail: error.detail, tensors: listed)
        }
    }
}
