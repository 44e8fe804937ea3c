/// The validated header of a safetensors file without its data: what a listing of many
/// checkpoints needs, read in microseconds whatever the file's size.
///
/// ```swift
/// let header = try SafeTensorsFile.loadHeader(path: "checkpoints/faces-0-000400.safetensors")
/// print(header.metadata["step"] ?? "?", header.tensors.count)
/// ```
public struct SafeTensorsHeader: Sendable, Equatable {
    /// A tensor's name and shape, as the header declares them.
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let shape: [Int]
    }

    /// The header's `__metadata__` entries.
    public let metadata: [String: String]
    /// The tensors in the order their data appears in the file.
    public let tensors: [Entry]
}
