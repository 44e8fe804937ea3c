import NeuralNet
import Randomness
import TestSupport

/// What the convolution and batch-norm layers have in common, so one check covers them all.
/// `output` is the layer's forward output (BatchNorm2d takes it; the convolutions do not need it).
protocol CheckedLayer<Scalar> {
    associatedtype Scalar: BLASScalar
    var inputCount: Int { get }
    var outputCount: Int { get }
    var parameters: [Parameter<Scalar>] { get }
    func forward(input: UnsafePointer<Scalar>, output: UnsafeMutablePointer<Scalar>, batch: Int)
    func backward(input: UnsafePointer<Scalar>, output: UnsafePointer<Scalar>, gradOutput: UnsafePointer<Scalar>,
                  gradInput: UnsafeMutablePointer<Scalar>?, batch: Int, parameterGradients: GradientMode)
}

extension Conv2d: CheckedLayer {
    func backward(input: UnsafePointer<T>, output: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
                  gradInput: UnsafeMutablePointer<T>?, batch: Int, parameterGradients: GradientMode) {
        backward(input: input, gradOutput: gradOutput, gradInput: gradInput, batch: batch,
                 parameterGradients: parameterGradients)
    }
}

extension ConvTranspose2d: CheckedLayer {
    func backward(input: UnsafePointer<T>, output: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
                  gradInput: UnsafeMutablePointer<T>?, batch: Int, parameterGradients: GradientMode) {
        backward(input: input, gradOutput: gradOutput, gradInput: gradInput, batch: batch,
                 parameterGradients: parameterGradients)
    }
}

extension BatchNorm2d: CheckedLayer {}

/// Analytic gradients of a layer against centred finite differences, with a random upstream
/// gradient and random prior gradient contents (which `.accumulate` must add to and `.overwrite`
/// must ignore).
enum LayerCheck {
    struct Errors {
        var input: Double
        /// Worst relative error per parameter name.
        var parameters: [String: Double]
        var worst: Double { max(input, parameters.values.max() ?? 0) }
    }

    static func gradientErrors(of layer: some CheckedLayer<Double>, batch: Int, mode: GradientMode, seed: UInt64) -> Errors {
        var rng = SeededRNG(seed: seed)
        let input = Buffer<Double>(GradientCheck.randomValues(batch * layer.inputCount, rng: &rng))
        let upstream = GradientCheck.randomValues(batch * layer.outputCount, rng: &rng)
        let output = Buffer<Double>(count: batch * layer.outputCount)
        let objective = {
            layer.forward(input: input.pointer, output: output.pointer, batch: batch)
            return GradientCheck.weightedSum(output.pointer, upstream)
        }
        _ = objective()
        let priors = layer.parameters.map { GradientCheck.randomValues($0.count, rng: &rng) }
        for (parameter, prior) in zip(layer.parameters, priors) { parameter.gradient.assign(prior) }
        let gradInput = Buffer<Double>(count: input.count)
        let upstreamBuffer = Buffer(upstream)
        layer.backward(input: input.pointer, output: output.pointer, gradOutput: upstreamBuffer.pointer,
                       gradInput: gradInput.pointer, batch: batch, parameterGradients: mode)
        var errors = Errors(input: 0, parameters: [:])
        errors.input = GradientCheck.relativeError(
            gradInput.array, GradientCheck.numerical(of: objective, wrt: input.pointer, count: input.count))
        for (parameter, prior) in zip(layer.parameters, priors) {
            var analytic = parameter.gradient.array
            if mode == .accumulate { analytic = zip(analytic, prior).map { $0 - $1 } }
            let numeric = GradientCheck.numerical(of: objective, wrt: parameter.value.pointer, count: parameter.count)
            errors.parameters[parameter.name] = GradientCheck.relativeError(analytic, numeric)
        }
        return errors
    }

    /// `.skip` leaves every parameter gradient as it was and still gives the input gradient that
    /// `.overwrite` gives; no `gradInput` still gives the parameter gradients. Returns whether both hold.
    static func skipAndNoInputGradientAgree(for layer: some CheckedLayer<Double>, batch: Int, seed: UInt64) -> Bool {
        var rng = SeededRNG(seed: seed)
        let input = Buffer<Double>(GradientCheck.randomValues(batch * layer.inputCount, rng: &rng))
        let upstream = Buffer<Double>(GradientCheck.randomValues(batch * layer.outputCount, rng: &rng))
        let output = Buffer<Double>(count: batch * layer.outputCount)
        layer.forward(input: input.pointer, output: output.pointer, batch: batch)
        let full = Buffer<Double>(count: input.count), skipped = Buffer<Double>(count: input.count)
        layer.backward(input: input.pointer, output: output.pointer, gradOutput: upstream.pointer,
                       gradInput: full.pointer, batch: batch, parameterGradients: .overwrite)
        let overwritten = layer.parameters.map(\.gradient.array)
        for parameter in layer.parameters { parameter.gradient.assign(Array(repeating: 7, count: parameter.count)) }
        layer.backward(input: input.pointer, output: output.pointer, gradOutput: upstream.pointer,
                       gradInput: skipped.pointer, batch: batch, parameterGradients: .skip)
        let untouched = layer.parameters.allSatisfy { $0.gradient.array.allSatisfy { $0 == 7 } }
        layer.backward(input: input.pointer, output: output.pointer, gradOutput: upstream.pointer,
                       gradInput: nil, batch: batch, parameterGradients: .overwrite)
        let sameParameters = zip(layer.parameters.map(\.gradient.array), overwritten).allSatisfy {
            GradientCheck.relativeError($0, $1) < 1e-12
        }
        return untouched && sameParameters && GradientCheck.relativeError(full.array, skipped.array) < 1e-12
    }
}
