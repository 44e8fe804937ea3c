import Foundation
@testable import NeuralNet
import Randomness
import Testing

@Suite struct NumericsTests {
    @Test func fastTanhAndSigmoidMatchLibm() {
        var worstTanh: Float = 0, worstSigmoid: Float = 0
        for i in -20_000...20_000 {
            let x = Float(i) / 1000
            worstTanh = max(worstTanh, abs(FastMath.tanh(x) - Float(Foundation.tanh(Double(x)))))
            worstSigmoid = max(worstSigmoid, abs(FastMath.sigmoid(x) - Float(1 / (1 + Foundation.exp(-Double(x))))))
        }
        #expect(worstTanh < 3e-7)
        #expect(worstSigmoid < 3e-7)
        #expect(FastMath.tanh(500) == 1 && FastMath.tanh(-500) == -1)
        #expect(FastMath.exp(-200) >= 0 && FastMath.exp(200).isFinite)
    }

    @Test func fastExpRelativeError() {
        var worst: Double = 0
        for i in -8_000...8_000 {
            let x = Float(i) / 100
            let exact = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(FastMath.exp(x)) - exact) / exact)
        }
        #expect(worst < 5e-7)
    }

    @Test func adamMatchesTheFormula() {
        let parameter = Parameter<Double>(name: "w", shape: [2])
        parameter.value.assign([1, -2])
        let adam = Adam(parameters: [parameter], learningRate: 0.1, beta1: 0.5, beta2: 0.999, epsilon: 1e-8)
        var m = [0.0, 0.0], v = [0.0, 0.0], p = [1.0, -2.0]
        for t in 1...3 {
            let g = [0.3 * Double(t), -1.0]
            parameter.gradient.assign(g)
            adam.step()
            for i in 0..<2 {
                m[i] = 0.5 * m[i] + 0.5 * g[i]
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]
                let mHat = m[i] / (1 - pow(0.5, Double(t))), vHat = v[i] / (1 - pow(0.999, Double(t)))
                p[i] -= 0.1 * mHat / (vHat.squareRoot() + 1e-8)
            }
            for i in 0..<2 { #expect(abs(parameter.value[i] - p[i]) < 1e-12) }
        }
        #expect(adam.stepCount == 3)
    }

    @Test func adamResultDoesNotDependOnThreads() {
        func run(threads: Int) -> [Float] {
            let parameter = Parameter<Float>(name: "w", shape: [100_000])
            var rng = SeededRNG(seed: 9)
            parameter.value.assign((0..<100_000).map { _ in rng.gaussian() })
            parameter.gradient.assign((0..<100_000).map { _ in rng.gaussian() })
            let adam = Adam(parameters: [parameter], learningRate: 0.01, threads: threads)
            adam.step(); adam.step()
            return parameter.value.array
        }
        #expect(run(threads: 1) == run(threads: 2))
    }

    @Test func sgdStep() {
        let parameter = Parameter<Float>(name: "w", shape: [2])
        parameter.value.assign([1, 2])
        parameter.gradient.assign([0.5, -1])
        SGD(parameters: [parameter], learningRate: 0.1).step()
        #expect(parameter.value.array == [0.95, 2.1])
    }

    @Test func rngIsReproducibleAndRoughlyNormal() {
        var a = SeededRNG(seed: 42), b = SeededRNG(seed: 42), c = SeededRNG(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        var rng = SeededRNG(seed: 7)
        let samples = (0..<100_000).map { _ in rng.gaussianDouble() }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)
        #expect(abs(mean) < 0.02 && abs(variance - 1) < 0.02)
        #expect(SeededRNG(state: a.state) == a)
        #expect(SeededRNG(state: [0, 0, 0, 0]) == nil)
        #expect(SeededRNG(seed: 1, stream: 1) != SeededRNG(seed: 1, stream: 2))
    }

    @Test func blasLoadsTheFastKernel() throws {
        try BLAS.load()
        #expect(!BLAS.library.isEmpty)
        if let requested = BLAS.requestedKernel {
            #expect(BLAS.kernel == requested)
        } else {
            // Nothing requested: either the user chose a kernel (kept as given) or this CPU has
            // no AVX2, the least that ganscope asks OpenBLAS for. Anything else is a loader bug.
            let userChoice = !(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "").isEmpty
            let cpuInfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
            #expect(userChoice || !cpuInfo.contains(" avx2"), "no kernel requested on a CPU with AVX2")
        }
    }
}
