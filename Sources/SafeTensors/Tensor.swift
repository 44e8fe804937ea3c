/// A named array of 32-bit floats (F32) or 64-bit integers (I64) with a shape, as stored in a
/// safetensors file.
///
/// Values are row-major (the last dimension varies fastest), as in PyTorch. A scalar has shape
/// `[]` and one value, which is how a step count or a loss is stored. I64 exists for PyTorch's
/// integer state, such as BatchNorm's `num_batches_tracked`.
///
/// ```swift
/// let bias = try Tensor(name: "generator.0.bias", shape: [256], values: biasValues)
/// let step = try Tensor(name: "step", shape: [], values: [1200])
/// let count = try Tensor(name: "generator.4.num_batches_tracked", shape: [], integers: [2400])
/// ```
public struct Tensor: Sendable, Equatable {
    /// The key under which the tensor is stored, e.g. `generator.0.weight`.
    public let name: String
    /// The size of each dimension; `[]` for a scalar.
    public let shape: [Int]
    public let dtype: DType
    /// The elements of an F32 tensor in row-major order, exactly `shape.reduce(1, *)` of them;
    /// empty for an I64 tensor.
    public let values: [Float]
    /// The elements of an I64 tensor; empty for an F32 tensor.
    public let integers: [Int64]

    /// The element types this module reads and writes, by their names in the header.
    public enum DType: String, Sendable, Equatable {
        case f32 = "F32"
        case i64 = "I64"

        /// Bytes per element.
        public var size: Int {
            switch self {
            case .f32: 4
            case .i64: 8
            }
        }
    }

    /// Creates an F32 tensor after checking that `values` fills `shape` exactly.
    public init(name: String, shape: [Int], values: [Float]) throws(TensorError) {
        try Self.check(name: name, shape: shape, count: values.count)
        self.init(validatedName: name, shape: shape, values: values)
    }

    /// Creates an I64 tensor after checking that `integers` fills `shape` exactly.
    public init(name: String, shape: [Int], integers: [Int64]) throws(TensorError) {
        try Self.check(name: name, shape: shape, count: integers.count)
        self.init(validatedName: name, shape: shape, integers: integers)
    }

    /// Creates an F32 tensor whose shape and values the caller has already checked.
    init(validatedName name: String, shape: [Int], values: [Float]) {
        self.name = name
        self.shape = shape
        dtype = .f32
        self.values = values
        integers = []
    }

    /// Creates an I64 tensor whose shape and values the caller has already checked.
    init(validatedName name: String, shape: [Int], integers: [Int64]) {
        self.name = name
        self.shape = shape
        dtype = .i64
        values = []
        self.integers = integers
    }

    /// Elements of the tensor.
    public var count: Int { dtype == .f32 ? values.count : integers.count }

    private static func check(name: String, shape: [Int], count: Int) throws(TensorError) {
        if shape.contains(where: { $0 < 0 }) {
            throw .negativeDimension(name: name, shape: shape)
        }
        guard let expected = elementCount(of: shape) else {
            throw .shapeTooLarge(name: name, shape: shape)
        }
        guard expected == count else {
            throw .countMismatch(name: name, shape: shape, expected: expected, count: count)
        }
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
