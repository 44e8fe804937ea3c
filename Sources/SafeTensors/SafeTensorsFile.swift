/// The contents of a safetensors file: named float tensors plus string metadata.
///
/// Build one in memory and call ``encoded()`` or ``write(to:overwrite:)``; read one with
/// ``decode(_:source:)`` or ``load(path:)``, which validate every byte of the header first.
///
/// ```swift
/// let file = try SafeTensorsFile(tensors: [weight, bias], metadata: ["format": "ganscope"])
/// try file.write(to: "checkpoints/step-001200.safetensors")
/// let loaded = try SafeTensorsFile.load(path: "checkpoints/step-001200.safetensors")
/// ```
public struct SafeTensorsFile: Sendable, Equatable {
    /// The tensors, in the order their data appears in the file.
    public let tensors: [Tensor]
    /// The header's `__metadata__` entries (free-form strings: versions, configuration, seeds).
    public let metadata: [String: String]

    /// Creates a file after checking that tensor names are unique and not reserved.
    public init(tensors: [Tensor], metadata: [String: String] = [:]) throws(TensorError) {
        var seen = Set<String>()
        for tensor in tensors {
            if tensor.name == Self.metadataKey { throw .reservedName }
            if !seen.insert(tensor.name).inserted { throw .duplicateName(tensor.name) }
        }
        self.init(validatedTensors: tensors, metadata: metadata)
    }

    /// Creates a file whose tensor names the caller has already checked.
    init(validatedTensors tensors: [Tensor], metadata: [String: String]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The header key that holds the metadata rather than a tensor.
    static let metadataKey = "__metadata__"

    /// The tensor called `name`, or `nil` if the file has none.
    public func tensor(named name: String) -> Tensor? {
        tensors.first { $0.name == name }
    }
}
