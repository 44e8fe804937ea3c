import NeuralNet
import Randomness

/// The forensic view: a fresh small network (features → 64 → 1, LeakyReLU, BCE on the logit)
/// trained for a fixed budget to tell real samples from the current generator's fakes. Its
/// accuracy on held-out samples says how detectable the fakes are: 0.5 means not at all.
///
/// Independent of D: D co-evolves with G and can be fooled by G's latest trick, while the probe
/// starts from scratch every time, as a forensic analyst would.
public struct DetectionProbe: Sendable, Equatable {
    public var hidden = 64
    public var steps = 200
    /// Samples per update, half real and half fake.
    public var batchSize = 64
    public var learningRate: Float = 1e-3

    public init(steps: Int = 200) {
        self.steps = steps
    }

    /// Trains on `trainReal` / `trainFake` and returns the accuracy on `testReal` / `testFake`
    /// (all rows of `features` floats); logits above zero are read as "real".
    public func accuracy(trainReal: ArraySlice<Float>, trainFake: ArraySlice<Float>, testReal: ArraySlice<Float>,
                         testFake: ArraySlice<Float>, features: Int, rng: inout SeededRNG) -> Double {
        guard let network = train(real: trainReal, fake: trainFake, features: features, rng: &rng) else { return 0.5 }
        let realRight = network.outputs(for: testReal).filter { $0 > 0 }.count
        let fakeRight = network.outputs(for: testFake).filter { $0 <= 0 }.count
        let total = (testReal.count + testFake.count) / features
        return total > 0 ? Double(realRight + fakeRight) / Double(total) : 0.5
    }

    /// A fresh probe trained on `real` / `fake` (rows of `features` floats); its output is a
    /// logit, above zero for "real". nil if either set is empty.
    public func train(real: ArraySlice<Float>, fake: ArraySlice<Float>, features: Int,
                      rng: inout SeededRNG) -> MLP<Float>? {
        let realCount = real.count / features, fakeCount = fake.count / features
        guard realCount > 0, fakeCount > 0 else { return nil }
        let network = MLP<Float>(sizes: [features, hidden, 1], activations: [.leakyReLU(slope: 0.2), .identity],
                                 rng: &rng)
        let optimizer = Adam(parameters: network.parameters, learningRate: learningRate)
        let half = batchSize / 2
        let input = Buffer<Float>(count: 2 * half * features)
        let gradient = Buffer<Float>(count: 2 * half)
        for _ in 0..<steps {
            for row in 0..<(2 * half) {
                let (pool, count) = row < half ? (real, realCount) : (fake, fakeCount)
                let start = rng.index(below: count) * features
                pool.withUnsafeBufferPointer { source in
                    guard let base = source.baseAddress else { return }
                    (input.pointer + row * features).update(from: base + start, count: features)
                }
            }
            let logits = network.forward(input.pointer, batch: 2 * half)
            let scale = 1 / Float(2 * half)
            _ = BinaryCrossEntropy.loss(logits: logits, count: half, target: 1, gradient: gradient.pointer,
                                        gradientScale: scale)
            _ = BinaryCrossEntropy.loss(logits: logits + half, count: half, target: 0,
                                        gradient: gradient.pointer + half, gradientScale: scale)
            network.backward(gradOutput: gradient.pointer, batch: 2 * half, parameterGradients: .overwrite)
            optimizer.step()
        }
        return network
    }
}
