/// The nonlinearity φ after a linear layer: z_l = φ(b_l + W_l z_{l-1}).
///
/// Every activation here has a derivative expressible through its *output* y, so the backward
/// pass needs only the stored outputs and activations can be applied in place.
public enum Activation: Sendable, Equatable, Codable {
    case identity
    case relu
    case leakyReLU(slope: Double)
    case tanh
    case sigmoid

    /// y = φ(x) for each of `count` values, in place.
    @inlinable
    public func apply<T: BLASScalar>(_ values: UnsafeMutablePointer<T>, count: Int) {
        switch self {
        case .identity: return
        // ReLU: values ≤ 0 become 0; LeakyReLU: negative values times the slope (C kernels, as
        // the compiled Swift loops did not vectorise).
        case .relu: T.relu(values, count: count)
        case .leakyReLU(let slope): T.leakyReLU(values, count: count, slope: T(slope))
        case .tanh: for i in 0..<count { values[i] = T.activationTanh(values[i]) }
        case .sigmoid: for i in 0..<count { values[i] = T.activationSigmoid(values[i]) }
        }
    }

    /// grad ← grad · φ'(x), with φ' written in terms of the output y = φ(x).
    @inlinable
    public func backward<T: BLASScalar>(gradient: UnsafeMutablePointer<T>, output: UnsafePointer<T>,
                                        count: Int) {
        switch self {
        case .identity: return
        // ReLU: 0 where y ≤ 0; LeakyReLU: times the slope where y < 0.
        case .relu: T.reluBackward(gradient: gradient, output: output, count: count)
        case .leakyReLU(let slope): T.leakyReLUBackward(gradient: gradient, output: output, count: count, slope: T(slope))
        case .tanh: for i in 0..<count { let y = output[i]; gradient[i] *= 1 - y * y }
        case .sigmoid: for i in 0..<count { let y = output[i]; gradient[i] *= y * (1 - y) }
        }
    }

    /// PyTorch's module name, for documentation and interop notes.
    public var torchName: String {
        switch self {
        case .identity: "Identity"
        case .relu: "ReLU"
        case .leakyReLU: "LeakyReLU"
        case .tanh: "Tanh"
        case .sigmoid: "Sigmoid"
        }
    }
}
