import Datasets
import GAN
import Foundation

extension AppState {
    /// The views `z` steps through: the samples, then what this run can show of its latent
    /// space (an autoencoder's, two-dimensional; the decoded grid for images only).
    var latentViews: [LatentView] {
        guard !model.isAdversarial, explorer.latentDimension == 2 else { return [.samples] }
        var views: [LatentView] = [.samples]
        if case .image = shape { views.append(.decodedGrid) }
        if encodedPoints != nil { views.append(.encodedPoints) }
        return views
    }

    /// `z`: the samples panel cycles through the prior samples, the decoded latent grid and the
    /// encoded points. Elsewhere a notice says why there is no map.
    mutating func cycleLatentView() -> [Effect] {
        guard !model.isAdversarial else {
            post("the latent map is for autoencoders and VAEs (--model ae|vae --z-dim 2)")
            return []
        }
        let views = latentViews
        guard views.count > 1 else {
            post(explorer.latentDimension == 2 ? "no latent map yet: waiting for the decoder"
                                               : "no latent map: it is drawn for a 2-D latent space (--z-dim 2)")
            return []
        }
        latentView = views[((views.firstIndex(of: latentView) ?? 0) + 1) % views.count]
        switch latentView {
        case .samples:
            post("samples: decoded prior samples")
        case .decodedGrid:
            let range = String(format: "%g", LatentGrid.standardRange)
            post("latent map: the decoder's output over z in [-\(range), \(range)]^2")
            return latentGridRequest()
        case .encodedPoints:
            post("latent map: the encoder's means of data points, by class")
        }
        return []
    }

    /// Decoding the grid through the explorer's network, when it has one for a 2-D latent space.
    func latentGridRequest() -> [Effect] {
        guard explorer.hasGenerator, explorer.latentDimension == 2 else { return [] }
        return [.renderLatentGrid(ExplorerRequest(id: 0, latentDimension: 2, latents: LatentGrid.latents()))]
    }

    /// The decoded grid arrived: kept with the decoder's step, if it is the grid of this run's images.
    mutating func latentGridRendered(_ images: ExplorerImages) {
        let side = LatentGrid.standardSide
        guard let shape, case .image = shape, images.features == shape.featureCount, images.rows == side * side,
              let step = explorer.generatorStep else { return }
        latentGrid = LatentGrid(step: step, decoded: SampleImages(step: step, shape: shape, count: images.rows,
                                                                  values: images.values))
    }

    /// The latent view on screen, nil while the samples panel shows the samples. Neither the
    /// grid nor the points are kept in the history: while scrubbing, they stay the newest.
    public var shownLatentView: LatentView? {
        latentView == .samples || !latentViews.contains(latentView) ? nil : latentView
    }

    /// Keys that steer a GAN's players (`d g n c m o v`) in an AE or VAE run: a notice instead.
    /// Returns whether the key was refused.
    mutating func refusesAdversarialKey(_ key: KeyPress) -> Bool {
        guard !model.isAdversarial, Self.adversarialKeys.contains(key) else { return false }
        post("that key steers a GAN's D and G; this run trains a \(model.displayName)")
        return true
    }

    static let adversarialKeys: [KeyPress] = ["d", "g", "n", "c", "m", "o", "v"].map { .char($0) }
}
