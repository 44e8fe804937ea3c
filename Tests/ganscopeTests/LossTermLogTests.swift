import Foundation
@testable import GAN
import Testing
@testable import ganscope

/// Each model's loss terms reach the JSON log, TensorBoard and the headless lines in its own
/// terms: the GAN's as before, the autoencoders' as reconstruction, KL and ELBO.
@Suite struct LossTermLogTests {
    static let gan = StepLosses.adversarial(StepResult(discriminatorLoss: 1.25, generatorLoss: 0.75,
                                                       meanRealScore: 0.5, meanFakeScore: 0.25))
    static let vae = StepLosses.autoencoder(AutoencoderLosses(reconstruction: 10, kl: 2.5))
    static let ae = StepLosses.autoencoder(AutoencoderLosses(reconstruction: 10, kl: nil))

    private func logLines(_ losses: [StepLosses]) throws -> [String] {
        let path = NSTemporaryDirectory() + "ganscope-terms-\(UInt64.random(in: 0 ... .max)).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let logger = try JSONLinesLogger(path: path, every: 10)
        for terms in losses {
            logger.handle(.step(StepMetrics(step: 10, epoch: 0, losses: terms, stepsPerSecond: 100, elapsed: 0.5)))
        }
        logger.close()
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func jsonLinesNameEachModelsTerms() throws {
        #expect(try logLines([Self.gan, Self.vae, Self.ae]) == [
            #"{"lossD":1.25,"lossG":0.75,"meanDGz":0.25,"meanDx":0.5,"step":10,"stepsPerSec":100,"wallSeconds":0.5}"#,
            #"{"elbo":-12.5,"kl":2.5,"reconstruction":10,"step":10,"stepsPerSec":100,"wallSeconds":0.5}"#,
            #"{"reconstruction":10,"step":10,"stepsPerSec":100,"wallSeconds":0.5}"#,
        ])
    }

    @Test func tensorBoardScalarsNameEachModelsTerms() {
        func tags(_ losses: StepLosses) -> [String] { TensorBoardLogger.scalars(of: losses).map(\.0) }
        #expect(tags(Self.gan) == ["loss/D", "loss/G", "D(x)", "D(G(z))"])
        #expect(TensorBoardLogger.scalars(of: Self.vae).map(\.1) == [10, 2.5, -12.5])
        #expect(tags(Self.vae) == ["loss/reconstruction", "loss/kl", "elbo"])
        #expect(tags(Self.ae) == ["loss/reconstruction"])
    }

    @Test func headlessLinesNameEachModelsTerms() {
        #expect(Self.gan.progressText == "D 1.250  G 0.750  D(x) 0.50  D(G(z)) 0.25")
        #expect(Self.gan.summaryText == "D loss 1.250, G loss 0.750, D(x) 0.500, D(G(z)) 0.250")
        #expect(Self.vae.progressText == "rec 10.000  KL 2.500  ELBO -12.500")
        #expect(Self.vae.summaryText == "reconstruction 10.000, KL 2.500, ELBO -12.500")
        #expect(Self.ae.progressText == "rec 10.000")
        #expect(Self.ae.summaryText == "reconstruction 10.000")
    }

    @Test func divergenceCoversEveryTerm() {
        #expect(Self.vae.isFinite && Self.ae.isFinite)
        #expect(!StepLosses.autoencoder(AutoencoderLosses(reconstruction: 1, kl: .nan)).isFinite)
        #expect(!StepLosses.autoencoder(AutoencoderLosses(reconstruction: .infinity, kl: nil)).isFinite)
    }
}
