import Foundation
import GAN

/// A step's figures as the command line prints them: headless progress, the closing lines.
extension StepLosses {
    /// The last step's figures in the closing line.
    var summaryText: String {
        switch self {
        case .adversarial(let r):
            String(format: "D loss %.3f, G loss %.3f, D(x) %.3f, D(G(z)) %.3f", r.discriminatorLoss,
                   r.generatorLoss, r.meanRealScore, r.meanFakeScore)
        case .autoencoder(let terms):
            String(format: "reconstruction %.3f", terms.reconstruction)
                + (terms.kl.map { String(format: ", KL %.3f", $0) } ?? "")
                + (terms.elbo.map { String(format: ", ELBO %.3f", $0) } ?? "")
        }
    }

    /// The step's figures on the progress line.
    var progressText: String {
        switch self {
        case .adversarial(let r):
            String(format: "D %.3f  G %.3f  D(x) %.2f  D(G(z)) %.2f", r.discriminatorLoss, r.generatorLoss,
                   r.meanRealScore, r.meanFakeScore)
        case .autoencoder(let terms):
            String(format: "rec %.3f", terms.reconstruction) + (terms.kl.map { String(format: "  KL %.3f", $0) } ?? "")
                + (terms.elbo.map { String(format: "  ELBO %.3f", $0) } ?? "")
        }
    }
}
