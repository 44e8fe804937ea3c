import Foundation
@testable import GAN
import Testing
@testable import ganscope

/// `--log-jsonl` records every update by hand and change of setting as one control line, in
/// the order applied, and no step line for an update by hand.
@Suite struct ControlLogTests {
    @Test func controlLinesAreWrittenInOrderAndManualStepsAreNot() throws {
        let path = NSTemporaryDirectory() + "ganscope-control-\(UInt64.random(in: 0 ... .max)).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let logger = try JSONLinesLogger(path: path, every: 10)
        let result = StepResult(discriminatorLoss: 1, generatorLoss: 1, meanRealScore: 0.5, meanFakeScore: 0.5)
        var manual = StepMetrics(step: 20, epoch: 0, losses: .adversarial(result), stepsPerSecond: 0, elapsed: 0)
        manual.manual = .generator
        logger.handle(.control(ControlRecord(command: .update(.generator), step: 20)))
        logger.handle(.step(manual))
        logger.handle(.control(ControlRecord(command: .set(.learningRateD(4e-4)), step: 20)))
        logger.handle(.step(StepMetrics(step: 30, epoch: 0, losses: .adversarial(result), stepsPerSecond: 0, elapsed: 0)))
        logger.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == #"{"control":"update","step":20,"value":"generator"}"#)
        #expect(lines[1] == #"{"control":"lr_d","step":20,"value":0.0004}"#)
        #expect(lines[2].hasPrefix(#"{"lossD":1"#))
    }
}
