import CKernels
import RealModule

/// Updates parameters from their gradients.
public protocol Optimizer: AnyObject {
    /// Applies one update to every parameter it was made for.
    func step()
}

/// Plain stochastic gradient descent: p ← p − lr · g.
///
/// Not `Sendable`: like the network it updates, it belongs to one thread at a time.
public final class SGD<T: BLASScalar>: Optimizer {
    public let parameters: [Parameter<T>]
    public var learningRate: T

    public init(parameters: [Parameter<T>], learningRate: T) {
        self.parameters = parameters
        self.learningRate = learningRate
    }

    @inlinable
    public func step() {
        for parameter in parameters {
            let p = parameter.value.pointer, g = parameter.gradient.pointer
            for i in 0..<parameter.count { p[i] -= learningRate * g[i] }
        }
    }
}

/// Adam (Kingma & Ba), exactly as PyTorch's `torch.optim.Adam` without weight decay:
///
///     m ← β1·m + (1−β1)·g            v ← β2·v + (1−β2)·g²
///     p ← p − (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε)
///
/// The update is elementwise, so large tensors are split across `threads` workers; each element
/// is computed the same way whatever the split, so results do not depend on the thread count.
/// The optimiser itself is not `Sendable`: it belongs to the thread that owns its network, and
/// only the raw buffers of disjoint ranges go to the workers.
public final class Adam<T: BLASScalar>: Optimizer {
    public let parameters: [Parameter<T>]
    public var learningRate: T
    /// Variable: the dashboard's control panel may change it between updates.
    public var beta1: T
    public let beta2: T
    public let epsilon: T
    /// First and second moment estimates, one pair per parameter (PyTorch's exp_avg, exp_avg_sq).
    public let firstMoments: [Buffer<T>]
    public let secondMoments: [Buffer<T>]
    /// Updates taken so far (t in the bias corrections).
    public var stepCount = 0
    /// Workers for the elementwise update.
    public var threads: Int

    public init(parameters: [Parameter<T>], learningRate: T, beta1: T = 0.9, beta2: T = 0.999,
                epsilon: T = 1e-8, threads: Int = 1) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.threads = threads
        firstMoments = parameters.map { Buffer(count: $0.count) }
        secondMoments = parameters.map { Buffer(count: $0.count) }
    }

    /// Elements below which splitting the work costs more than it saves.
    @usableFromInline static var minimumChunk: Int { 32_768 }

    @inlinable
    public func step() {
        stepCount += 1
        let t = T(stepCount)
        let correction1 = 1 - T.pow(beta1, t)
        let correction2Root = (1 - T.pow(beta2, t)).squareRoot()
        let stepSize = learningRate / correction1
        for (index, parameter) in parameters.enumerated() {
            let count = parameter.count
            let chunks = Swift.max(1, Swift.min(threads, count / Self.minimumChunk))
            let moments = (first: firstMoments[index], second: secondMoments[index])
            let (beta1, beta2, epsilon) = (beta1, beta2, epsilon)
            let update: @Sendable (Int) -> Void = { chunk in
                let start = count * chunk / chunks, end = count * (chunk + 1) / chunks
                Self.update(parameter: parameter, moments: moments, range: start..<end, beta1: beta1, beta2: beta2,
                            epsilon: epsilon, stepSize: stepSize, correction2Root: correction2Root)
            }
            WorkSplit.perform(iterations: chunks, update)
        }
    }

    /// Updates `range` of one parameter and its moments; workers get disjoint ranges.
    @inlinable
    static func update(parameter: Parameter<T>, moments: (first: Buffer<T>, second: Buffer<T>), range: Range<Int>,
                       beta1: T, beta2: T, epsilon: T, stepSize: T, correction2Root: T) {
        let start = range.lowerBound
        let p = parameter.value.pointer + start, g = parameter.gradient.pointer + start
        let m = moments.first.pointer + start, v = moments.second.pointer + start
        if T.self == Float.self {
            // The vectorised kernel (see CKernels); same formula, same rounding.
            p.withMemoryRebound(to: Float.self, capacity: range.count) { p in
            g.withMemoryRebound(to: Float.self, capacity: range.count) { g in
            m.withMemoryRebound(to: Float.self, capacity: range.count) { m in
            v.withMemoryRebound(to: Float.self, capacity: range.count) { v in
                gs_adam_f32(p, g, m, v, range.count, Float(beta1), Float(beta2), Float(epsilon),
                            Float(stepSize), Float(correction2Root))
            }}}}
            return
        }
        let oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2
        for i in 0..<range.count {
            let gi = g[i]
            let mi = beta1 * m[i] + oneMinusBeta1 * gi
            let vi = beta2 * v[i] + oneMinusBeta2 * gi * gi
            m[i] = mi
            v[i] = vi
            p[i] -= stepSize * mi / (vi.squareRoot() / correction2Root + epsilon)
        }
    }
}
