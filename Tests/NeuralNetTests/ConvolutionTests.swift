import NeuralNet
import Randomness
import TestSupport
import Testing

/// A convolution's sizes: in, out, kernel, stride, padding, height, width (the input's).
struct ConvCase: Sendable, CustomTestStringConvertible {
    let inputs, outputs, kernel, stride, padding, height, width: Int
    var testDescription: String { "\(inputs)→\(outputs) k\(kernel) s\(stride) p\(padding) \(height)×\(width)" }

    func conv(seed: UInt64 = 11) -> Conv2d<Double> {
        var rng = SeededRNG(seed: seed)
        return Conv2d(inChannels: inputs, outChannels: outputs, kernelSize: kernel, stride: stride, padding: padding,
                      inputHeight: height, inputWidth: width, namePrefix: "1.", rng: &rng)
    }

    func transposed(seed: UInt64 = 12) -> ConvTranspose2d<Double> {
        var rng = SeededRNG(seed: seed)
        return ConvTranspose2d(inChannels: inputs, outChannels: outputs, kernelSize: kernel, stride: stride,
                               padding: padding, inputHeight: height, inputWidth: width, namePrefix: "3.", rng: &rng)
    }
}

/// Conv2d and ConvTranspose2d: forward passes against the definition and hand-computed values,
/// gradients against finite differences, initialisation as PyTorch's.
@Suite struct ConvolutionTests {
    /// Strided, padded, several channel counts, non-square inputs, a stride larger than the kernel.
    static let cases = [
        ConvCase(inputs: 2, outputs: 3, kernel: 4, stride: 2, padding: 1, height: 6, width: 5),
        ConvCase(inputs: 3, outputs: 2, kernel: 3, stride: 1, padding: 1, height: 4, width: 5),
        ConvCase(inputs: 1, outputs: 4, kernel: 2, stride: 3, padding: 0, height: 7, width: 5),
        ConvCase(inputs: 4, outputs: 1, kernel: 3, stride: 2, padding: 2, height: 3, width: 4),
        // The DCGAN's kind of layer (k 4, s 2, p 1) on an input it halves exactly, and a stride
        // equal to the kernel: every pixel in exactly one patch.
        ConvCase(inputs: 3, outputs: 2, kernel: 4, stride: 2, padding: 1, height: 4, width: 6),
        ConvCase(inputs: 2, outputs: 3, kernel: 3, stride: 3, padding: 0, height: 6, width: 3),
    ]

    // MARK: forward

    @Test func convolutionByHand() {
        // x = 1…9 in a 3×3 plane, W = [[1, 2], [3, 4]], b = 0.5, stride 2, padding 1.
        let layer = ConvCase(inputs: 1, outputs: 1, kernel: 2, stride: 2, padding: 1, height: 3, width: 3).conv()
        layer.weight.value.assign([1, 2, 3, 4])
        layer.bias.value.assign([0.5])
        let input = Buffer<Double>((1...9).map(Double.init)), output = Buffer<Double>(count: 4)
        layer.forward(input: input.pointer, output: output.pointer, batch: 1)
        // Top left sees only x00 under W11; bottom right sees x11, x12, x21, x22.
        #expect(output.array == [4.5, 18.5, 36.5, 77.5])
    }

    @Test func transposedConvolutionByHand() {
        // x = [[1, 2], [3, 4]], W = [[1, 2], [3, 4]], stride 1: each pixel paints x·W, overlapping.
        let layer = ConvCase(inputs: 1, outputs: 1, kernel: 2, stride: 1, padding: 0, height: 2, width: 2).transposed()
        layer.weight.value.assign([1, 2, 3, 4])
        layer.bias.value.assign([-1])
        let input = Buffer<Double>([1, 2, 3, 4]), output = Buffer<Double>(count: 9)
        layer.forward(input: input.pointer, output: output.pointer, batch: 1)
        #expect(output.array == [1, 4, 4, 6, 20, 16, 9, 24, 16].map { $0 - 1 })
    }

    @Test(arguments: cases)
    func convolutionMatchesDefinition(shape: ConvCase) {
        let layer = shape.conv(), batch = 3
        var rng = SeededRNG(seed: 21)
        let input = Buffer<Double>(GradientCheck.randomValues(batch * layer.inputCount, rng: &rng))
        let output = Buffer<Double>(count: batch * layer.outputCount)
        layer.forward(input: input.pointer, output: output.pointer, batch: batch)
        let expected = Reference.convolution(shape, input: input.array, weight: layer.weight.value.array,
                                             bias: layer.bias.value.array, batch: batch)
        #expect(expected.count == output.count)
        #expect(GradientCheck.relativeError(output.array, expected) < 1e-12)
    }

    @Test(arguments: cases)
    func transposedConvolutionMatchesDefinition(shape: ConvCase) {
        let layer = shape.transposed(), batch = 3
        var rng = SeededRNG(seed: 22)
        let input = Buffer<Double>(GradientCheck.randomValues(batch * layer.inputCount, rng: &rng))
        let output = Buffer<Double>(count: batch * layer.outputCount)
        layer.forward(input: input.pointer, output: output.pointer, batch: batch)
        let expected = Reference.transposedConvolution(shape, input: input.array, weight: layer.weight.value.array,
                                                       bias: layer.bias.value.array, batch: batch,
                                                       outputHeight: layer.outputHeight, outputWidth: layer.outputWidth)
        #expect(expected.count == output.count)
        #expect(GradientCheck.relativeError(output.array, expected) < 1e-12)
    }

    @Test func outputSizesFollowPyTorch() {
        var rng = SeededRNG(seed: 1)
        // The DCGAN's 28×28 stages: 28 → 14 → 7 down, 7 → 14 → 28 up.
        let down = Conv2d<Float>(inChannels: 1, outChannels: 64, kernelSize: 4, stride: 2, padding: 1,
                                 inputHeight: 28, inputWidth: 28, namePrefix: "0.", rng: &rng)
        let up = ConvTranspose2d<Float>(inChannels: 128, outChannels: 64, kernelSize: 4, stride: 2, padding: 1,
                                        inputHeight: 7, inputWidth: 9, namePrefix: "3.", rng: &rng)
        #expect((down.outputHeight, down.outputWidth) == (14, 14))
        #expect(down.outputCount == 64 * 14 * 14 && down.inputCount == 28 * 28)
        #expect(down.multiplyAddsPerSample == 64 * 14 * 14 * 16)
        #expect((up.outputHeight, up.outputWidth) == (14, 18))
        #expect(up.inputCount == 128 * 7 * 9 && up.outputCount == 64 * 14 * 18)
        #expect(up.multiplyAddsPerSample == 128 * 7 * 9 * 64 * 16)
    }

    // MARK: gradients

    @Test(arguments: cases, [GradientMode.overwrite, .accumulate])
    func convolutionGradients(shape: ConvCase, mode: GradientMode) {
        let errors = LayerCheck.gradientErrors(of: shape.conv(), batch: 2, mode: mode, seed: 31)
        #expect(errors.worst < 1e-6, "\(errors)")
    }

    @Test(arguments: cases, [GradientMode.overwrite, .accumulate])
    func transposedConvolutionGradients(shape: ConvCase, mode: GradientMode) {
        let errors = LayerCheck.gradientErrors(of: shape.transposed(), batch: 2, mode: mode, seed: 32)
        #expect(errors.worst < 1e-6, "\(errors)")
    }

    @Test func skipAndMissingInputGradient() {
        let shape = Self.cases[0]
        #expect(LayerCheck.skipAndNoInputGradientAgree(for: shape.conv(), batch: 2, seed: 33))
        #expect(LayerCheck.skipAndNoInputGradientAgree(for: shape.transposed(), batch: 2, seed: 34))
    }

    @Test func largerBatchAfterSmallerOneGrowsScratchSpace() {
        // The scratch buffers are sized by the largest batch so far: a later, larger batch must
        // still match the definition.
        let shape = Self.cases[0], layer = shape.conv()
        var rng = SeededRNG(seed: 35)
        for batch in [1, 4] {
            let input = Buffer<Double>(GradientCheck.randomValues(batch * layer.inputCount, rng: &rng))
            let output = Buffer<Double>(count: batch * layer.outputCount)
            layer.forward(input: input.pointer, output: output.pointer, batch: batch)
            let expected = Reference.convolution(shape, input: input.array, weight: layer.weight.value.array,
                                                 bias: layer.bias.value.array, batch: batch)
            #expect(GradientCheck.relativeError(output.array, expected) < 1e-12)
        }
    }

    @Test(arguments: cases)
    func productsEndingInCol2imStayRightCallAfterCall(_ shape: ConvCase) {
        // Conv2d's input gradient and ConvTranspose2d's forward pass add their product onto a
        // column matrix the last col2im left zero: batches that shrink and grow again must still
        // match the definition every time.
        let conv = shape.conv(), transposed = shape.transposed()
        let outputHeight = (shape.height - 1) * shape.stride - 2 * shape.padding + shape.kernel
        let outputWidth = (shape.width - 1) * shape.stride - 2 * shape.padding + shape.kernel
        // Conv2d's dL/dx is the transposed convolution of dL/dy by the same weights.
        let adjoint = ConvCase(inputs: shape.outputs, outputs: shape.inputs, kernel: shape.kernel, stride: shape.stride,
                               padding: shape.padding, height: conv.outputHeight, width: conv.outputWidth)
        var rng = SeededRNG(seed: 39)
        for batch in [3, 1, 4, 2] {
            let x = Buffer<Double>(GradientCheck.randomValues(batch * transposed.inputCount, rng: &rng))
            let y = Buffer<Double>(count: batch * transposed.outputCount)
            transposed.forward(input: x.pointer, output: y.pointer, batch: batch)
            let expected = Reference.transposedConvolution(
                shape, input: x.array, weight: transposed.weight.value.array, bias: transposed.bias.value.array,
                batch: batch, outputHeight: outputHeight, outputWidth: outputWidth)
            #expect(GradientCheck.relativeError(y.array, expected) < 1e-12, "transposed, batch \(batch)")

            let input = Buffer<Double>(GradientCheck.randomValues(batch * conv.inputCount, rng: &rng))
            let upstream = Buffer<Double>(GradientCheck.randomValues(batch * conv.outputCount, rng: &rng))
            let output = Buffer<Double>(count: batch * conv.outputCount), dx = Buffer<Double>(count: input.count)
            conv.forward(input: input.pointer, output: output.pointer, batch: batch)
            conv.backward(input: input.pointer, gradOutput: upstream.pointer, gradInput: dx.pointer, batch: batch,
                          parameterGradients: .skip)
            let expectedDx = Reference.transposedConvolution(
                adjoint, input: upstream.array, weight: conv.weight.value.array,
                bias: Array(repeating: 0, count: shape.inputs), batch: batch, outputHeight: shape.height,
                outputWidth: shape.width)
            #expect(GradientCheck.relativeError(dx.array, expectedDx) < 1e-12, "conv dx, batch \(batch)")
        }
    }

    @Test func backwardOnAnotherInputDoesNotReuseTheForwardPatches() {
        // The weight gradient takes its patches from the input it is given, not from the last
        // forward pass (Conv2d once kept those, and must not be fooled into reusing them).
        let shape = Self.cases[1], layer = shape.conv(), batch = 2
        var rng = SeededRNG(seed: 36)
        let first = Buffer<Double>(GradientCheck.randomValues(batch * layer.inputCount, rng: &rng))
        let second = Buffer<Double>(GradientCheck.randomValues(batch * layer.inputCount, rng: &rng))
        let upstream = Buffer<Double>(GradientCheck.randomValues(batch * layer.outputCount, rng: &rng))
        let output = Buffer<Double>(count: batch * layer.outputCount)
        layer.forward(input: second.pointer, output: output.pointer, batch: batch)
        layer.backward(input: second.pointer, gradOutput: upstream.pointer, gradInput: nil, batch: batch,
                       parameterGradients: .overwrite)
        let expected = layer.weight.gradient.array
        layer.forward(input: first.pointer, output: output.pointer, batch: batch)
        layer.backward(input: second.pointer, gradOutput: upstream.pointer, gradInput: nil, batch: batch,
                       parameterGradients: .overwrite)
        #expect(GradientCheck.relativeError(layer.weight.gradient.array, expected) < 1e-12)
    }

    @Test func patchCopiesDoNotDependOnTheSplit() {
        // col2im splits channels across threads, and the chunked products copy patches for a
        // range of channels and output positions; every split must give the same values.
        let geometry = ConvGeometry(channels: 5, height: 6, width: 7, kernelSize: 3, stride: 2, padding: 1)
        let batch = 3, pixels = batch * geometry.outputPlane, columnCount = geometry.patchSize * pixels
        var rng = SeededRNG(seed: 37)
        let image = Buffer<Double>(GradientCheck.randomValues(batch * geometry.channels * geometry.inputPlane, rng: &rng))
        let columns = Buffer<Double>(GradientCheck.randomValues(columnCount, rng: &rng))
        let patches = Buffer<Double>(count: columnCount)
        geometry.im2col(image: image.pointer, columns: patches.pointer, batch: batch)
        let columnValues = columns.array
        var sums: [[Double]] = []
        for workers in [1, 2, 3, 5] {
            let sum = Buffer<Double>(count: image.count)
            columns.assign(columnValues)
            geometry.col2im(columns: columns.pointer, image: sum.pointer, batch: batch, workers: workers)
            sums.append(sum.array)
            // col2im consumes its columns, the ones in the padding too: the next product adds onto zeros.
            #expect(columns.array.allSatisfy { $0 == 0 }, "\(workers) workers")
        }
        #expect(sums.allSatisfy { $0 == sums[0] })
        // A block of channels, taps and positions is that block of the whole tap-major matrix:
        // row (tap, channel), column (position, sample).
        let (channels, taps, positions) = (1..<4, 2..<7, 5..<11)
        let width = positions.count * batch
        let block = Buffer<Double>(count: taps.count * channels.count * width)
        geometry.im2col(image: image.pointer, columns: block.pointer, batch: batch, channels: channels, taps: taps,
                        positions: positions)
        for (tapIndex, tap) in taps.enumerated() {
            for (channelIndex, channel) in channels.enumerated() {
                let row = tapIndex * channels.count + channelIndex, wholeRow = tap * geometry.channels + channel
                for column in 0..<width {
                    let whole = patches[wholeRow * pixels + positions.lowerBound * batch + column]
                    #expect(block[row * width + column] == whole, "tap \(tap), channel \(channel), column \(column)")
                }
            }
        }
        // And the whole matrix is what its definition says.
        let (ki, kj, oh, ow, channel, sample) = (2, 0, 1, 2, 3, 1)
        let entry = patches[((ki * 3 + kj) * geometry.channels + channel) * pixels + (oh * geometry.outputWidth + ow) * batch + sample]
        let (y, x) = (oh * 2 - 1 + ki, ow * 2 - 1 + kj)
        #expect(entry == image[((channel * geometry.height + y) * geometry.width + x) * batch + sample])
        // Adjoint: ⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩.
        let left = zip(patches.array, columnValues).reduce(0) { $0 + $1.0 * $1.1 }
        let right = zip(image.array, sums[0]).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(left - right) < 1e-10 * max(1, abs(left)))
    }

    @Test(arguments: [(1, 4), (2, 4), (5, 4), (9, 4), (100, 4), (2, 1), (4, 1)])
    func chunkedProductsMatchOneProductOfAllPatches(positionsPerChunk: Int, channels: Int) {
        // The products go chunk by chunk of output positions (9 here); any chunk size, including
        // one that leaves a short last chunk, and any number of workers (splitting chunks, or
        // channels, or with one channel the gradient's rows) must give the product of the whole
        // patch matrix.
        let geometry = ConvGeometry(channels: channels, height: 5, width: 6, kernelSize: 3, stride: 2, padding: 1)
        let batch = 3, rows = 2, pixels = batch * geometry.outputPlane
        var rng = SeededRNG(seed: 38)
        let image = Buffer<Double>(GradientCheck.randomValues(batch * geometry.channels * geometry.inputPlane, rng: &rng))
        let weights = Buffer<Double>(GradientCheck.randomValues(rows * geometry.patchSize, rng: &rng))
        let upstream = Buffer<Double>(GradientCheck.randomValues(rows * pixels, rng: &rng))
        let patches = Buffer<Double>(count: geometry.patchSize * pixels)
        geometry.im2col(image: image.pointer, columns: patches.pointer, batch: batch)
        let product = Buffer<Double>(count: rows * pixels), gradient = Buffer<Double>(count: rows * geometry.patchSize)
        Double.gemm(transposeA: false, transposeB: false, m: rows, n: pixels, k: geometry.patchSize, alpha: 1,
                    a: weights.pointer, lda: geometry.patchSize, b: patches.pointer, ldb: pixels, beta: 0,
                    c: product.pointer, ldc: pixels)
        Double.gemm(transposeA: false, transposeB: true, m: rows, n: geometry.patchSize, k: pixels, alpha: 1,
                    a: upstream.pointer, lda: pixels, b: patches.pointer, ldb: pixels, beta: 0,
                    c: gradient.pointer, ldc: geometry.patchSize)

        let scratch = PatchScratch<Double>()
        let prior = GradientCheck.randomValues(gradient.count, rng: &rng)
        for workers in [1, 2, 3] {
            let chunked = Buffer<Double>(Array(repeating: 1, count: rows * pixels))
            geometry.patchProduct(weights.pointer, rows: rows, image: image.pointer, batch: batch,
                                  into: chunked.pointer, beta: 1, scratch: scratch,
                                  positionsPerChunk: positionsPerChunk, workers: workers)
            #expect(GradientCheck.relativeError(chunked.array, product.array.map { $0 + 1 }) < 1e-12,
                    "\(workers) workers")
            // The gradient is overwritten, whatever the buffer held.
            let chunkedGradient = Buffer<Double>(prior)
            geometry.patchGradient(upstream.pointer, rows: rows, image: image.pointer, batch: batch,
                                   into: chunkedGradient.pointer, scratch: scratch,
                                   positionsPerChunk: positionsPerChunk, workers: workers)
            #expect(GradientCheck.relativeError(chunkedGradient.array, gradient.array) < 1e-12, "\(workers) workers")
        }
    }

    @Test func rowBandsKeepExactlyTheKernelRowsInsideTheImage() {
        // The DCGAN's 14×14 → 7×7 layer: the first output row's kernel starts in the padding,
        // the last one's ends there.
        let dcgan = ConvGeometry(channels: 64, height: 14, width: 14, kernelSize: 4, stride: 2, padding: 1)
        #expect(dcgan.rowBands == [RowBand(outputRows: 0..<1, kernelRows: 1..<4),
                                   RowBand(outputRows: 1..<6, kernelRows: 0..<4),
                                   RowBand(outputRows: 6..<7, kernelRows: 0..<3)])
        #expect(dcgan.taps(of: dcgan.rowBands[0]) == 4..<16)
        #expect(dcgan.positions(of: dcgan.rowBands[2]) == 42..<49)
        // Every geometry: the bands cover the output rows in order, and a band keeps kernel row
        // ki of output row oh exactly when oh·stride − padding + ki falls inside the image.
        for (size, kernel, stride, padding) in [(5, 3, 2, 1), (6, 3, 1, 2), (7, 5, 3, 4), (4, 4, 2, 0), (9, 1, 1, 0)] {
            let geometry = ConvGeometry(channels: 1, height: size, width: size + 1, kernelSize: kernel, stride: stride,
                                        padding: padding)
            let bands = geometry.rowBands
            #expect(bands.flatMap { Array($0.outputRows) } == Array(0..<geometry.outputHeight))
            for band in bands {
                for row in band.outputRows {
                    let inside = (0..<kernel).filter { (0..<size).contains(row * stride - padding + $0) }
                    #expect(Array(band.kernelRows) == inside, "size \(size), kernel \(kernel), row \(row)")
                }
            }
        }
    }

    @Test func weightsGoToTapMajorAndGradientsComeBack() {
        let geometry = ConvGeometry(channels: 3, height: 5, width: 5, kernelSize: 2, stride: 1, padding: 0)
        let rows = 4, count = rows * geometry.patchSize
        let weight = Buffer<Double>((0..<count).map(Double.init)), tapMajor = Buffer<Double>(count: count)
        geometry.tapMajor(weight.pointer, rows: rows, into: tapMajor.pointer)
        // PyTorch's (row, c, ki, kj) is the tap-major (row, ki, kj, c).
        for row in 0..<rows {
            for channel in 0..<3 {
                for tap in 0..<4 {
                    #expect(tapMajor[(row * 4 + tap) * 3 + channel] == weight[(row * 3 + channel) * 4 + tap])
                }
            }
        }
        let back = Buffer<Double>(Array(repeating: 7, count: count))
        geometry.addChannelMajor(tapMajor.pointer, rows: rows, into: back.pointer, accumulate: false)
        #expect(back.array == weight.array)
        geometry.addChannelMajor(tapMajor.pointer, rows: rows, into: back.pointer, accumulate: true)
        #expect(back.array == weight.array.map { 2 * $0 })
    }

    // MARK: initialisation

    @Test func initialisationFollowsPyTorch() {
        let shape = ConvCase(inputs: 3, outputs: 5, kernel: 2, stride: 2, padding: 0, height: 4, width: 4)
        let conv = shape.conv(seed: 41), transposed = shape.transposed(seed: 42)
        #expect(conv.parameters.map(\.name) == ["1.weight", "1.bias"])
        #expect(conv.weight.shape == [5, 3, 2, 2] && conv.bias.shape == [5])
        #expect(transposed.parameters.map(\.name) == ["3.weight", "3.bias"])
        #expect(transposed.weight.shape == [3, 5, 2, 2] && transposed.bias.shape == [5])
        // fan_in is weight.size(1)·k·k: in·k·k = 12 for Conv2d, out·k·k = 20 for ConvTranspose2d.
        for (layer, fanIn, seed) in [(conv as any CheckedLayer<Double>, 12.0, UInt64(41)), (transposed, 20.0, 42)] {
            let bound = 1 / fanIn.squareRoot()
            var rng = SeededRNG(seed: seed)
            // Weight first, then bias, each uniform in ±bound, drawn in element order.
            for parameter in layer.parameters {
                let expected = (0..<parameter.count).map { _ in (rng.uniformDouble() * 2 - 1) * bound }
                #expect(parameter.value.array == expected, "\(parameter.name)")
            }
            let weights = layer.parameters[0].value.array
            #expect(weights.allSatisfy { abs($0) <= bound } && weights.contains { abs($0) > 0.9 * bound })
        }
    }
}

/// Convolutions straight from their definitions, as nested loops over NCHW batches: the references
/// the lowered layers are compared with. They take and return feature-major batches, as the layers do.
enum Reference {
    static func convolution(_ s: ConvCase, input: [Double], weight: [Double], bias: [Double], batch: Int) -> [Double] {
        let input = FeatureMajorArrays.toBatchMajor(input, batch: batch)
        let oh = (s.height + 2 * s.padding - s.kernel) / s.stride + 1
        let ow = (s.width + 2 * s.padding - s.kernel) / s.stride + 1
        var output = [Double](repeating: 0, count: batch * s.outputs * oh * ow)
        for n in 0..<batch { for o in 0..<s.outputs { for y in 0..<oh { for x in 0..<ow {
            var sum = bias[o]
            for c in 0..<s.inputs { for i in 0..<s.kernel { for j in 0..<s.kernel {
                let iy = y * s.stride - s.padding + i, ix = x * s.stride - s.padding + j
                guard (0..<s.height).contains(iy), (0..<s.width).contains(ix) else { continue }
                sum += input[((n * s.inputs + c) * s.height + iy) * s.width + ix]
                    * weight[((o * s.inputs + c) * s.kernel + i) * s.kernel + j]
            } } }
            output[((n * s.outputs + o) * oh + y) * ow + x] = sum
        } } } }
        return FeatureMajorArrays.fromBatchMajor(output, batch: batch)
    }

    /// Every input pixel adds x·W[c, o] onto the output window at (y·stride − padding, x·stride − padding).
    static func transposedConvolution(_ s: ConvCase, input: [Double], weight: [Double], bias: [Double], batch: Int,
                                      outputHeight oh: Int, outputWidth ow: Int) -> [Double] {
        let input = FeatureMajorArrays.toBatchMajor(input, batch: batch)
        var output = [Double](repeating: 0, count: batch * s.outputs * oh * ow)
        for n in 0..<batch { for o in 0..<s.outputs {
            for p in 0..<(oh * ow) { output[(n * s.outputs + o) * oh * ow + p] = bias[o] }
        } }
        for n in 0..<batch { for c in 0..<s.inputs { for y in 0..<s.height { for x in 0..<s.width {
            let value = input[((n * s.inputs + c) * s.height + y) * s.width + x]
            for o in 0..<s.outputs { for i in 0..<s.kernel { for j in 0..<s.kernel {
                let oy = y * s.stride - s.padding + i, ox = x * s.stride - s.padding + j
                guard (0..<oh).contains(oy), (0..<ow).contains(ox) else { continue }
                output[((n * s.outputs + o) * oh + oy) * ow + ox] += value * weight[((c * s.outputs + o) * s.kernel + i) * s.kernel + j]
            } } }
        } } } }
        return FeatureMajorArrays.fromBatchMajor(output, batch: batch)
    }
}
