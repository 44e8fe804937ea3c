import ArgumentParser
import GAN
import Testing
@testable import ganscope

/// Every numeric option refuses 0, −1, huge values, nan and inf (unless the value is in its
/// range) with one line naming the option, the value and the range, and exit status 64; the
/// refusal happens while parsing, before any command runs, so nothing is written.
@Suite struct OptionBoundsTests {
    /// An option, the arguments that reach it, and the text its range reads as.
    struct Case: CustomStringConvertible, Sendable {
        let command: [String]
        let option: String
        let range: String
        /// Values of the test table that are in range and must parse.
        var valid: Set<String> = []
        var description: String { (command + [option]).joined(separator: " ") }
    }

    static let badValues = ["0", "-1", "99999999999", "9223372036854775807", "99999999999999999999", "nan", "inf"]

    static let cases: [Case] = {
        let train = ["train", "--headless"]
        let whole = { (range: ClosedRange<Int>) in "\(range.lowerBound)...\(range.upperBound)" }
        let rate = ConfigLimits.learningRateRequirement
        let checkpoint = ["--checkpoint", "x.safetensors", "--out", "x.png"]
        return [
            Case(command: train, option: "--batch", range: whole(OptionRanges.batch)),
            Case(command: train, option: "--z-dim", range: whole(OptionRanges.latentDimension)),
            Case(command: train, option: "--k", range: whole(OptionRanges.discriminatorSteps), valid: ["0"]),
            Case(command: train, option: "--steps", range: whole(OptionRanges.steps)),
            Case(command: train, option: "--lr-g", range: rate),
            Case(command: train, option: "--lr-d", range: rate),
            Case(command: train, option: "--lr-half-life", range: whole(OptionRanges.halfLife), valid: ["0"]),
            Case(command: train, option: "--threads", range: whole(OptionRanges.threads)),
            Case(command: train, option: "--conv-width", range: whole(OptionRanges.convolutionWidth)),
            Case(command: train, option: "--beta", range: "numbers 0...1000000", valid: ["0"]),
            Case(command: train, option: "--kl-warmup", range: whole(OptionRanges.klWarmup), valid: ["0"]),
            Case(command: train, option: "--eval-every", range: whole(OptionRanges.evalEvery), valid: ["0"]),
            Case(command: train, option: "--log-every", range: whole(OptionRanges.logEvery)),
            Case(command: train, option: "--checkpoint-every", range: whole(OptionRanges.checkpointEvery)),
            Case(command: train, option: "--keep-last", range: whole(OptionRanges.keepLast)),
            Case(command: train, option: "--seed", range: "0...\(UInt64.max)",
                 valid: ["0", "99999999999", "9223372036854775807"]),
            Case(command: ["sample"] + checkpoint, option: "--count", range: whole(OptionRanges.sampleCount)),
            Case(command: ["sample"] + checkpoint, option: "--seed", range: "0...\(UInt64.max)",
                 valid: ["0", "99999999999", "9223372036854775807"]),
            Case(command: ["interpolate"] + checkpoint, option: "--frames", range: whole(OptionRanges.frames)),
            Case(command: ["interpolate"] + checkpoint, option: "--seed", range: "0...\(UInt64.max)",
                 valid: ["0", "99999999999", "9223372036854775807"]),
            Case(command: ["bench"], option: "--batch", range: whole(OptionRanges.batch)),
            Case(command: ["bench"], option: "--steps", range: whole(OptionRanges.steps)),
            Case(command: ["bench"], option: "--repeats", range: whole(OptionRanges.benchRepeats)),
            Case(command: ["bench"], option: "--warmup", range: whole(OptionRanges.benchWarmup), valid: ["0"]),
            Case(command: ["bench"], option: "--threads", range: whole(OptionRanges.threads)),
            Case(command: ["bench", "--model", "dcgan"], option: "--conv-width", range: whole(OptionRanges.convolutionWidth)),
        ]
    }()

    @Test(arguments: cases)
    func badValuesAreOneLineUsageErrors(_ option: Case) {
        for value in Self.badValues where !option.valid.contains(value) {
            let arguments = option.command + [option.option, value]
            do {
                _ = try Ganscope.parseAsRoot(arguments)
                Issue.record("\(arguments.joined(separator: " ")) was accepted")
            } catch {
                #expect(Ganscope.exitCode(for: error) == .validationFailure, "\(arguments)")
                let line = Ganscope.usageErrorLine(for: error) ?? ""
                #expect(!line.contains("\n"), "\(line)")
                #expect(line.contains("'\(value)'") && line.contains(option.option) && line.contains(option.range),
                        "\(arguments): \(line)")
            }
        }
    }

    @Test(arguments: cases)
    func valuesInRangeParse(_ option: Case) throws {
        for value in option.valid.union(["2"]) {
            #expect(throws: Never.self, "\(option) \(value)") {
                _ = try Ganscope.parseAsRoot(option.command + [option.option, value])
            }
        }
    }

    @Test func onlyUsageErrorsBecomeOneLine() {
        #expect(Ganscope.usageErrorLine(for: CleanExit.helpRequest()) == nil)
        #expect(Ganscope.usageErrorLine(for: CLIError("x.safetensors: not a checkpoint")) == nil)
        #expect(Ganscope.usageErrorLine(for: ValidationError("--count 5 for this snapshot")) == "ganscope: --count 5 for this snapshot")
    }

    @Test func configuredValuesReachTheConfig() throws {
        let parsed = try Ganscope.parseAsRoot(["train", "--batch", "4096", "--lr-g", "1e-3", "--seed", "18446744073709551615"])
        let command = try #require(parsed as? TrainCommand)
        let config = command.training.config(defaultSteps: nil)
        #expect(config.batchSize == 4_096)
        #expect(config.learningRateG == 1e-3)
        #expect(config.seed == .max)
    }

    /// With no `--dataset` the run is colour faces with their learning rates; a rate given wins.
    @Test func theDefaultRunUsesTheFacesRates() throws {
        let config = { (arguments: [String]) throws -> TrainingConfig in
            try #require(try Ganscope.parseAsRoot(["train"] + arguments) as? TrainCommand).training
                .config(defaultSteps: nil)
        }
        #expect(try config([]).dataset == "faces" && config([]).learningRateG == 1e-3 && config([]).learningRateD == 1e-3)
        #expect(try config(["--lr-d", "2e-4"]).learningRateD == 2e-4 && config(["--lr-d", "2e-4"]).learningRateG == 1e-3)
        #expect(try config(["--dataset", "digits"]).learningRateG == 2e-4)
        // The faces rates were measured for the MLPs only; the DCGAN keeps PyTorch's 2e-4.
        #expect(try config(["--model", "dcgan"]).learningRateG == 2e-4 && config(["--model", "dcgan"]).learningRateD == 2e-4)
        #expect(try config(["--model", "vae", "--network", "dcgan"]).learningRateG == 2e-4)
        #expect(try config(["--model", "vae"]).learningRateG == 1e-3)
    }

    /// `--conv-width` reaches the config, and on resume only a width other than the snapshot's
    /// (nil there is the standard 64) is a conflict.
    @Test func convolutionWidthReachesTheConfigAndIsCheckedOnResume() throws {
        let training = { (arguments: [String]) throws -> TrainingOptions in
            try #require(try Ganscope.parseAsRoot(["train"] + arguments) as? TrainCommand).training
        }
        #expect(try training(["--model", "dcgan", "--conv-width", "24"]).config(defaultSteps: nil).convolutionWidth == 24)
        #expect(try training(["--model", "dcgan"]).config(defaultSteps: nil).convolutionWidth == nil)
        var saved = TrainingConfig()
        saved.model = .dcgan
        #expect(try training(["--conv-width", "64"]).conflicts(with: saved).isEmpty)
        #expect(try training(["--conv-width", "32"]).conflicts(with: saved) == ["--conv-width 32 (checkpoint: 64)"])
        saved.convolutionWidth = 32
        #expect(try training(["--conv-width", "32"]).conflicts(with: saved).isEmpty)
    }

    /// `bench --conv-width` measures a narrower DCGAN; the DCGAN's options are refused on the MLP.
    @Test func benchTakesTheDCGANsOptionsForTheDCGANOnly() throws {
        let bench = try #require(try Ganscope.parseAsRoot(["bench", "--model", "dcgan", "--conv-width", "16"]) as? BenchCommand)
        #expect(bench.convolutionWidth == 16)
        for refused in [["--conv-width", "16"], ["--batch-norm"]] {
            do {
                _ = try Ganscope.parseAsRoot(["bench"] + refused)
                Issue.record("bench \(refused) was accepted")
            } catch {
                #expect(Ganscope.exitCode(for: error) == .validationFailure)
                #expect(Ganscope.usageErrorLine(for: error) == "ganscope: \(refused[0]) applies to --model dcgan only")
            }
        }
    }
}
