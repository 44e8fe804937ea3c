import Foundation
import GAN
import ImageIO
import Synchronization
import TensorBoard

/// Writes a run into a TensorBoard event file (`--tensorboard DIR`): every `logEvery`-th step
/// (and the first) `loss/D`, `loss/G`, `D(x)`, `D(G(z))` (the GAN) or `loss/reconstruction` and
/// (VAE) `loss/kl` and `elbo`, and `steps_per_sec`; every figure an
/// evaluation measured as `metrics/<name>`; and for image data the fixed-noise grid as the PNG
/// image `samples` every `imageEvery` steps, marked as AI-generated like every image ganscope writes. Events come from the trainer's queue and background
/// notes alike, so the file is written under a lock; a failed write is reported once and the
/// log given up, while training goes on.
final class TensorBoardLogger: Sendable {
    private struct Output {
        let writer: EventFileWriter
        var failed = false
        /// The step of the last image written: the trainer may send one step's samples twice.
        var lastImageStep: Int?
    }

    private let output: Mutex<Output>
    private let logEvery: Int
    private let imageEvery: Int
    /// The run's name and seed, for the images' marking.
    private let run: String
    private let trainingSeed: UInt64
    let path: String

    init(folder: String, logEvery: Int, imageEvery: Int, run: String, trainingSeed: UInt64) throws {
        do {
            let writer = try EventFileWriter(folder: folder)
            path = writer.path
            output = Mutex(Output(writer: writer))
        } catch {
            throw CLIError("\(error)")
        }
        self.logEvery = logEvery
        self.imageEvery = imageEvery
        self.run = run
        self.trainingSeed = trainingSeed
    }

    /// The trainer event kinds this logger reads.
    static let kinds: Set<TrainerEvent.Kind> = [.step, .evaluation, .samples]

    func handle(_ event: TrainerEvent) {
        switch event {
        case .step(let m) where m.manual == nil && (m.step % logEvery == 0 || m.step == 1):
            write(step: m.step, (Self.scalars(of: m.losses) + [("steps_per_sec", Float(m.stepsPerSecond))]).map {
                SummaryValue(tag: $0.0, content: .simpleValue($0.1))
            })
        case .evaluation(let report):
            write(step: report.step, Self.figures(of: report).map {
                SummaryValue(tag: "metrics/\($0.name)", content: .simpleValue(Float($0.value)))
            })
        case .samples(let samples) where samples.step % imageEvery == 0:
            guard output.withLock({ $0.lastImageStep != samples.step }),
                  let image = try? Self.png(of: samples, provenance: ImageMarking.duringTraining(
                      run: run, step: samples.step, trainingSeed: trainingSeed)) else { return }
            output.withLock { $0.lastImageStep = samples.step }
            write(step: samples.step, [SummaryValue(tag: "samples", content: .image(image))])
        default: break
        }
    }

    /// A step's losses as tagged scalars, in the model's own terms.
    static func scalars(of losses: StepLosses) -> [(String, Float)] {
        switch losses {
        case .adversarial(let r):
            [("loss/D", r.discriminatorLoss), ("loss/G", r.generatorLoss), ("D(x)", r.meanRealScore),
             ("D(G(z))", r.meanFakeScore)]
        case .autoencoder(let terms):
            [("loss/reconstruction", terms.reconstruction)] + [("loss/kl", terms.kl), ("elbo", terms.elbo)].compactMap {
                tag, value in value.map { (tag, $0) }
            }
        }
    }

    /// Every number an evaluation measured, by its field name (`frechetDistance`, …): whatever
    /// the evaluator fills for this data set, without a second list of figures to keep in step.
    static func figures(of report: EvaluationReport) -> [(name: String, value: Double)] {
        guard let data = try? JSONEncoder().encode(report),
              let fields = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return fields.compactMap { name, value in
            guard name != "step", name != "seconds", let number = value as? NSNumber else { return nil }
            return (name, number.doubleValue)
        }.sorted { $0.name < $1.name }
    }

    /// The samples as one marked PNG grid; nil for 2-D points.
    static func png(of samples: SampleImages, provenance: ImageProvenance) throws -> EncodedImage? {
        guard case .image = samples.shape, samples.count > 0 else { return nil }
        let width = samples.values.count / samples.count
        let images = (0..<samples.count).map { Array(samples.values[$0 * width..<($0 + 1) * width]) }
        let grid = try SampleImageFile.grid(of: images, shape: samples.shape, for: "the TensorBoard image")
        return EncodedImage(width: grid.width, height: grid.height, colorspace: grid.channels,
                            encoded: try PNGWriter.encode(grid, provenance: provenance))
    }

    private func write(step: Int, _ values: [SummaryValue]) {
        guard !values.isEmpty else { return }
        let event = Event(wallTime: Date().timeIntervalSince1970, step: Int64(step), values: values)
        output.withLock { output in
            guard !output.failed else { return }
            do {
                try output.writer.write(event)
            } catch {
                output.failed = true
                FileHandle.standardError.write(Data("ganscope: stopped the TensorBoard log: \(error)\n".utf8))
            }
        }
    }

    func close() { output.withLock { $0.writer.close() } }
}
