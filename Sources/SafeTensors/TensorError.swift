/// Why a ``Tensor`` or ``SafeTensorsFile`` could not be built from values in memory.
public enum TensorError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A dimension of the shape is below zero.
    case negativeDimension(name: String, shape: [Int])
    /// The product of the shape does not fit in an `Int`.
    case shapeTooLarge(name: String, shape: [Int])
    /// The number of values differs from the product of the shape.
    case countMismatch(name: String, shape: [Int], expected: Int, count: Int)
    /// Two tensors share a name; a safetensors header maps each name to one tensor.
    case duplicateName(String)
    /// The name `__metadata__` is reserved for the header's metadata.
    case reservedName

    public var description: String {
        switch self {
        case .negativeDimension(let name, let shape):
            "tensor '\(name)': shape \(shape) has a negative dimension"
        case .shapeTooLarge(let name, let shape):
            "tensor '\(name)': shape \(shape) has more elements than memory can address"
        case .countMismatch(let name, let shape, let expected, let count):
            "tensor '\(name)': \(count) values given, but shape \(shape) needs \(expected); "
                + "fix the shape or pass the right number of values"
        case .duplicateName(let name):
            "tensor '\(name)' appears twice; give every tensor a unique name"
        case .reservedName:
            "a tensor cannot be named '__metadata__': the name is reserved for the header's metadata"
        }
    }
}
