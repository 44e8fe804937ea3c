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
        case .relu: for i in 0..<count { values[i] = Swift.max(values[i], 0) }
        case .leakyReLU(let slope):
            let s = T(slope)
            for i in 0..<count { let x = values[i]; values[i] = x < 0 ? x * s : x }
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
        // A select, not a conditional store, so the loop vectorises.
        case .relu: for i in 0..<count { gradient[i] = output[i] <= 0 ? 0 : gradient[i] }
        case .leakyReLU(let slope):
            let s = T(slope)
            for i in 0..<count { gradient[i] = output[i] < 0 ? gradient[i] * s : gradient[i] }
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
