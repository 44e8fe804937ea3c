/// A named array of 32-bit floats with a shape, as stored in a safetensors file.
///
/// Values are row-major (the last dimension varies fastest), as in PyTorch. A scalar has shape
/// `[]` and one value, which is how a step count or a loss is stored.
///
/// ```swift
/// let bias = try Tensor(name: "generator.0.bias", shape: [256], values: biasValues)
/// let step = try Tensor(name: "step", shape: [], values: [1200])
/// ```
public struct Tensor: Sendable, Equatable {
    /// The key under which the tensor is stored, e.g. `generator.0.weight`.
    public let name: String
    /// The size of each dimension; `[]` for a scalar.
    public let shape: [Int]
    /// The elements in row-major order; exactly `shape.reduce(1, *)` of them.
    public let values: [Float]

    /// Creates a tensor after checking that `values` fills `shape` exactly.
    public init(name: String, shape: [Int], values: [Float]) throws(TensorError) {
        if shape.contains(where: { $0 < 0 }) {
            throw .negativeDimension(name: name, shape: shape)
        }
        guard let count = Self.elementCount(of: shape) else {
            throw .shapeTooLarge(name: name, shape: shape)
        }
        guard count == values.count else {
            throw .countMismatch(name: name, shape: shape, expected: count, count: values.count)
        }
        self.init(validatedName: name, shape: shape, values: values)
    }

    /// Creates a tensor whose shape and values the caller has already checked.
    init(validatedName name: String, shape: [Int], values: [Float]) {
        self.name = name
        self.shape = shape
        self.values = values
    }

    /// The product of the dimensions of a shape with no negative entries, or `nil` on overflow.
    static func elementCount(of shape: [Int]) -> Int? {
        var count = 1
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            if overflow { return nil }
            count = product
        }
        return count
    }
}
