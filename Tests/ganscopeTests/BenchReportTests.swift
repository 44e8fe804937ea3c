import Datasets
import GAN
import NeuralNet
import Testing
@testable import ganscope

/// The CPU-time figures of `ganscope bench`, which on a shared machine say more than wall time.
@Suite struct BenchReportTests {
    @Test func processCPUTimeCountsWorkDone() {
        let before = BenchCommand.processCPUSeconds()
        var sum = 0.0
        for i in 0..<3_000_000 { sum += Double(i % 7) }
        let after = BenchCommand.processCPUSeconds()
        #expect(sum > 0 && after > before)
    }

    @Test func reportGivesTheMedianCPUTimePerStep() throws {
        try BLAS.load()
        let architecture = ModelArchitecture(for: .image(width: 28, height: 28), featureCount: 784, latentDimension: 64)
        let report = BenchReport(rates: [5, 4, 6], cpuPerStep: [0.3, 0.1, 0.2], architecture: architecture,
                                 batch: 64, threads: 1)
        #expect(report.cpuSecondsPerStep == [0.3, 0.1, 0.2])
        #expect(report.medianCPUSecondsPerStep == 0.2)
        #expect(report.text.contains("CPU time    median 200.0 ms/step"))
    }
}
