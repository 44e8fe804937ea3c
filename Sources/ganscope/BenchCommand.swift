import ArgumentParser
import Datasets
import Foundation
import GAN
import NeuralNet
import Randomness

/// `ganscope bench`: training throughput of the reference MLP-GAN or the DCGAN, comparable with
/// scripts/torch_gan_bench.py (same model, same step, random data).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training throughput of the reference MLP-GAN or the DCGAN (median of repeats).")

    @Option(help: "Networks: mlp or dcgan (28×28 grayscale, as the PyTorch reference). (default: mlp)")
    var model: ModelKind = .mlp
    @Flag(name: .customLong("batch-norm"), help: "BatchNorm2d in the DCGAN's generator.") var batchNorm = false
    @Option(name: .customLong("conv-width"), parsing: .unconditional, help: """
        --model dcgan: channels of the convolutions next to the image, doubling at each stage inwards \
        (64 is PyTorch's make_dcgan). (default: 64)
        """, transform: BoundedOption.integer(in: OptionRanges.convolutionWidth))
    var convolutionWidth: Int?

    @Option(parsing: .unconditional, help: "Minibatch size M. (default: 64)",
            transform: BoundedOption.integer(in: OptionRanges.batch))
    var batch = 64
    @Option(parsing: .unconditional, help: "Timed steps per repeat. (default: 300)",
            transform: BoundedOption.integer(in: OptionRanges.steps))
    var steps = 300
    @Option(parsing: .unconditional, help: "Timed repeats (at least 5 for a meaningful median). (default: 5)",
            transform: BoundedOption.integer(in: OptionRanges.benchRepeats))
    var repeats = 5
    @Option(parsing: .unconditional, help: "Untimed steps before each repeat. (default: 30)",
            transform: BoundedOption.integer(in: OptionRanges.benchWarmup))
    var warmup = 30
    @Option(parsing: .unconditional, help: "Threads for matrix products and the optimiser. (default: 2)",
            transform: BoundedOption.integer(in: OptionRanges.threads))
    var threads = 2
    @Flag(help: "Print one JSON object instead of text.") var json = false

    func validate() throws {
        if model == .mlp {
            if batchNorm { throw ValidationError("--batch-norm applies to --model dcgan only") }
            if convolutionWidth != nil { throw ValidationError("--conv-width applies to --model dcgan only") }
        }
    }

    func run() throws {
        try BLAS.load()
        var config = TrainingConfig()
        config.batchSize = batch
        config.threads = threads
        config.sampleCount = 1  // the fixed-noise grid is not part of a step
        config.model = model == .mlp ? nil : model
        config.batchNorm = batchNorm ? true : nil
        config.convolutionWidth = convolutionWidth
        BLAS.threads = threads
        let gan = try GANStep.fresh(config: config,
                                    dataset: Self.randomImages(count: 60_000, width: 28, height: 28, seed: config.seed))
        var rates: [Double] = [], cpuPerStep: [Double] = []
        for repeatIndex in 1...repeats {
            for _ in 0..<warmup { _ = gan.step() }
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = Self.processCPUSeconds()
            for _ in 0..<steps { _ = gan.step() }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            rates.append(Double(steps) / seconds)
            cpuPerStep.append((Self.processCPUSeconds() - cpuStart) / Double(steps))
            if !json {
                print(String(format: "repeat %d: %d steps in %.3f s -> %.1f steps/s, %.1f ms CPU/step", repeatIndex,
                             steps, seconds, rates.last ?? 0, (cpuPerStep.last ?? 0) * 1000))
            }
        }
        let report = BenchReport(rates: rates, cpuPerStep: cpuPerStep, architecture: gan.model.architecture,
                                 batch: batch, threads: threads)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }

    /// CPU time of the whole process (every thread, OpenBLAS's included). On a shared machine it
    /// varies less than wall time: with `--threads 1` it is the step's own cost, whoever else runs.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Uniform noise in [−1, 1] shaped like MNIST: the benchmark measures compute, not data.
    static func randomImages(count: Int, width: Int, height: Int, seed: UInt64) -> Dataset {
        var rng = SeededRNG(seed: seed, stream: 99)
        let samples = (0..<(count * width * height)).map { _ in rng.uniform() * 2 - 1 }
        return Dataset(name: "random", shape: .image(width: width, height: height), samples: samples)
    }
}

/// The benchmark's figures.
struct BenchReport: Encodable {
    var model: String
    var batch: Int
    var threads: Int
    var stepsPerSecond: [Double]
    var median: Double
    var min: Double
    var max: Double
    /// Process CPU seconds per step, per repeat, and their median.
    var cpuSecondsPerStep: [Double]
    var medianCPUSecondsPerStep: Double
    /// FLOPs of the matrix products ganscope's step performs.
    var flopPerStep: Double
    var medianGFLOPs: Double
    var blasLibrary: String
    var blasKernel: String
    var blasThreads: Int

    init(rates: [Double], cpuPerStep: [Double], architecture: ModelArchitecture, batch: Int, threads: Int) {
        model = architecture.summary
        self.batch = batch
        self.threads = threads
        stepsPerSecond = rates
        median = ganscope.median(rates)
        min = rates.min() ?? 0
        max = rates.max() ?? 0
        cpuSecondsPerStep = cpuPerStep
        medianCPUSecondsPerStep = ganscope.median(cpuPerStep)
        flopPerStep = Double(StepCost(architecture: architecture, batch: batch).flops)
        medianGFLOPs = median * flopPerStep / 1e9
        blasLibrary = BLAS.library
        blasKernel = BLAS.kernel
        blasThreads = BLAS.threads
    }

    var text: String {
        String(format: """
            model       %@, batch %d, Adam, one D and one G update per step
            throughput  median %.1f steps/s (min %.1f, max %.1f) over %d repeats
            CPU time    median %.1f ms/step (all threads)
            compute     %.3f GFLOP/step in matrix products -> %.1f GFLOP/s
            BLAS        %@, kernel %@, %d threads
            """, model, batch, median, min, max, stepsPerSecond.count, medianCPUSecondsPerStep * 1000, flopPerStep / 1e9, medianGFLOPs,
            blasLibrary, blasKernel, blasThreads)
    }
}
