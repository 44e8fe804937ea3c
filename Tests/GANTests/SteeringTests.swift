import Datasets
import Foundation
import NeuralNet
import TestSupport
import Testing
@testable import GAN

/// Updates by hand and changed settings (`GANStep.perform`): what they count, how they are
/// recorded, and that a run with changes resumes from its checkpoint bit for bit.
@Suite struct SteeringTests {
    /// The dashboard's acceptance sequence: d, d, g, g, g, n with K = 1 is 3 D and 4 G updates.
    @Test func updatesByHandCountDAndGSeparately() throws {
        let gan = try Fixtures.gan(Fixtures.ringConfig())
        _ = gan.step()
        let updates: [ManualUpdate] = [.discriminator, .discriminator, .generator, .generator, .generator, .iteration]
        let records = updates.flatMap { gan.perform(.update($0)) }
        #expect(gan.stepCount == 5)
        #expect(gan.discriminatorUpdates == 4)
        #expect(records.map(\.command) == updates.map { .update($0) })
        #expect(records.map(\.step) == [1, 1, 2, 3, 4, 5])
        #expect(gan.controlHistory == records)
    }

    /// A setting takes effect from the next update: K = 3 makes the next iteration three D
    /// updates; two G updates an iteration count as two steps.
    @Test func settingsApplyFromTheNextIteration() throws {
        let gan = try Fixtures.gan(Fixtures.ringConfig())
        gan.perform(.set(.discriminatorSteps(3)))
        gan.perform(.set(.generatorSteps(2)))
        #expect(gan.discriminatorUpdates == 0 && gan.stepCount == 0)
        _ = gan.step()
        #expect(gan.discriminatorUpdates == 3)
        #expect(gan.stepCount == 2)
        #expect(gan.config.discriminatorSteps == 3 && gan.config.generatorSteps == 2)
        gan.perform(.set(.beta1(0.7)))
        #expect(gan.generatorOptimizer.beta1 == 0.7 && gan.discriminatorOptimizer.beta1 == 0.7)
    }

    /// Slow motion's two halves of a D update land exactly where one whole update does, and
    /// the state between them cannot be saved.
    @Test func discriminatorUpdateInTwoHalvesEqualsOne() throws {
        try BLASThreadPin.pinned(to: 1) {
            let whole = try Fixtures.gan(Fixtures.ringConfig())
            let halves = try Fixtures.gan(Fixtures.ringConfig())
            whole.perform(.update(.discriminator))
            halves.perform(.update(.discriminatorVerdicts))
            #expect(halves.hasPreparedDiscriminatorUpdate)
            #expect(halves.discriminatorUpdates == 0)
            #expect(throws: CheckpointError.midStep(step: 0)) {
                try CheckpointFolder(path: "/nonexistent", run: "x").save(halves)
            }
            halves.perform(.update(.discriminator))
            #expect(NetworkWeights(of: halves.model.discriminator) == NetworkWeights(of: whole.model.discriminator))
            #expect(halves.discriminatorUpdates == 1)
            // Anything else first completes a prepared update, and says so.
            halves.perform(.update(.discriminatorVerdicts))
            let records = halves.perform(.update(.generator))
            #expect(records.map(\.command) == [.update(.discriminator), .update(.generator)])
            #expect(!halves.hasPreparedDiscriminatorUpdate)
        }
    }

    /// Every kind of change and update by hand, between stretches of training, through a
    /// checkpoint: the resumed run continues with the settings in force, bit for bit.
    @Test func runWithChangesResumesBitExactly() throws {
        try BLASThreadPin.pinned(to: 1) {
            var config = Fixtures.ringConfig()
            config.learningRateHalfLife = 200
            let changes: [TrainerCommand] = [
                .update(.discriminator), .update(.generator), .update(.iteration),
                .set(.discriminatorSteps(3)), .set(.generatorSteps(2)), .set(.learningRateD(4e-4)),
                .set(.learningRateG(1e-4)), .set(.halfLife(100)), .set(.loss(.minimax)), .set(.beta1(0.6)),
                .update(.discriminatorVerdicts), .update(.discriminator),
            ]
            let straight = try Fixtures.gan(config)
            for _ in 0..<30 { _ = straight.step() }
            for change in changes { straight.perform(change) }
            let straightResults = (0..<60).map { _ in straight.step() }

            let first = try Fixtures.gan(config)
            for _ in 0..<30 { _ = first.step() }
            for change in changes { first.perform(change) }
            let path = try CheckpointFolder(path: try Fixtures.temporaryFolder(), run: "steered").save(first)

            let checkpoint = try Checkpoint.load(path: path)
            #expect(checkpoint.info.controlHistory == straight.controlHistory)
            #expect(checkpoint.info.discriminatorUpdates == first.discriminatorUpdates)
            let dataset = try DatasetCatalog.load(config.dataset, seed: config.seed)
            let resumed = try GANStep(resuming: checkpoint, config: checkpoint.info.config, dataset: dataset, source: path)
            #expect(resumed.config == straight.config)
            let resumedResults = (0..<60).map { _ in resumed.step() }

            let bits = { (results: [StepResult]) in
                results.map { [$0.discriminatorLoss, $0.generatorLoss, $0.meanRealScore, $0.meanFakeScore].map(\.bitPattern) }
            }
            #expect(bits(resumedResults) == bits(straightResults))
            #expect(NetworkWeights(of: resumed.model.generator) == NetworkWeights(of: straight.model.generator))
            #expect(NetworkWeights(of: resumed.model.discriminator) == NetworkWeights(of: straight.model.discriminator))
            #expect(resumed.generatorOptimizer.state == straight.generatorOptimizer.state)
            #expect(resumed.discriminatorOptimizer.state == straight.discriminatorOptimizer.state)
            #expect(resumed.stepCount == straight.stepCount)
            #expect(resumed.discriminatorUpdates == straight.discriminatorUpdates)
        }
    }

    /// The log line and the checkpoint's history share one format.
    @Test func recordsEncodeAsTheDocumentedLogLines() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let lines: [(TrainerCommand, String)] = [
            (.update(.iteration), #"{"control":"update","step":4,"value":"iteration"}"#),
            (.set(.discriminatorSteps(3)), #"{"control":"k","step":4,"value":3}"#),
            (.set(.halfLife(nil)), #"{"control":"lr_half_life","step":4,"value":0}"#),
            (.set(.loss(.minimax)), #"{"control":"loss","step":4,"value":"minimax"}"#),
        ]
        for (command, line) in lines {
            let record = ControlRecord(command: command, step: 4)
            let encoded = try encoder.encode(record)
            #expect(String(decoding: encoded, as: UTF8.self) == line)
            #expect(try JSONDecoder().decode(ControlRecord.self, from: encoded) == record)
        }
    }
}

/// Checkpoints with a history of changes: old files load without one, and a damaged or
/// out-of-range history is refused with the key named, before any value reaches training.
@Suite struct ControlHistoryCheckpointTests {
    private func metadata(of gan: GANStep) throws -> [String: String] {
        try CheckpointInfo(of: gan, run: "r").metadata
    }

    @Test func checkpointsFromBeforeTheHistoryLoad() throws {
        let gan = try Fixtures.tinyGAN()
        var old = try metadata(of: gan)
        old["discriminator_updates"] = nil
        old["controls"] = nil
        let info = try CheckpointInfo(metadata: old, source: "old.safetensors")
        #expect(info.controlHistory.isEmpty)
        #expect(info.discriminatorUpdates == info.step * info.config.discriminatorSteps)
    }

    @Test(arguments: [
        #"[{"control":"k","step":1,"value":5000}]"#,
        #"[{"control":"lr_d","step":1,"value":0}]"#,
        #"[{"control":"beta1","step":1,"value":1}]"#,
        #"[{"control":"g_updates","step":1,"value":0}]"#,
        #"[{"control":"lr_half_life","step":1,"value":-5}]"#,
        #"[{"control":"warp","step":1,"value":1}]"#,
        #"[{"control":"update","step":1,"value":"sideways"}]"#,
        #"[{"control":"k","step":-1,"value":2}]"#,
        #"[{"control":"k","step":1,"value":"two"}]"#,
        #"{"control":"k"}"#,
    ])
    func damagedHistoryIsRefused(_ history: String) throws {
        let gan = try Fixtures.tinyGAN()
        var damaged = try metadata(of: gan)
        damaged["controls"] = history
        #expect(throws: CheckpointError.self) { try CheckpointInfo(metadata: damaged, source: "bad.safetensors") }
        do {
            _ = try CheckpointInfo(metadata: damaged, source: "bad.safetensors")
        } catch {
            #expect("\(error)".contains("controls"))
        }
    }

    @Test func historyAfterTheCheckpointsStepIsRefused() throws {
        let gan = try Fixtures.tinyGAN()
        var damaged = try metadata(of: gan)
        damaged["controls"] = #"[{"control":"k","step":99,"value":2}]"#
        #expect(throws: CheckpointError.self) { try CheckpointInfo(metadata: damaged, source: "bad.safetensors") }
        damaged["controls"] = #"[{"control":"k","step":3,"value":2}]"#
        #expect(try CheckpointInfo(metadata: damaged, source: "ok.safetensors").controlHistory.count == 1)
    }

    @Test func damagedUpdateCountIsRefused() throws {
        let gan = try Fixtures.tinyGAN()
        var damaged = try metadata(of: gan)
        for bad in ["-1", "x", ""] {
            damaged["discriminator_updates"] = bad
            #expect(throws: CheckpointError.self) { try CheckpointInfo(metadata: damaged, source: "bad.safetensors") }
        }
    }
}

/// The trainer applies commands in the order sent, while paused, each announced.
@Suite struct TrainerCommandTests {
    @Test func pausedTrainerAppliesCommandsInOrder() throws {
        try BLASThreadPin.pinned(to: 1) {
            let trainer = Trainer(step: try makeGAN(dataset: "ring", batch: 16))
            let log = EventLog()
            let subscription = trainer.events.subscribe(log.append)
            defer { subscription.cancel() }
            trainer.start(paused: true)
            try #require(log.waitFor(state: .paused), "no paused state")
            let commands: [TrainerCommand] = [
                .update(.discriminator), .update(.discriminator), .update(.generator), .update(.generator),
                .update(.generator), .update(.iteration), .set(.discriminatorSteps(3)), .set(.learningRateD(8e-3)),
            ]
            for command in commands { trainer.send(command) }
            let controls = { log.all.compactMap { if case .control(let record) = $0 { record } else { nil } } }
            try #require(log.waitFor { _ in controls().count == commands.count }, "not every command was applied")
            #expect(controls().map(\.command) == commands)
            #expect(log.steps.map(\.step) == [0, 0, 1, 2, 3, 4])
            #expect(log.steps.map(\.discriminatorUpdates) == [1, 2, 2, 2, 2, 3])
            #expect(log.steps.allSatisfy { $0.manual != nil })
            #expect(log.states.last == .paused)  // still paused: updates by hand do not resume
            trainer.stop()
            waitForEnd(of: trainer)
            let gan = trainer.takeFinishedStep()
            #expect(gan.config.discriminatorSteps == 3 && gan.config.learningRateD == 8e-3)
            #expect(gan.stepCount == 4)
        }
    }
}
