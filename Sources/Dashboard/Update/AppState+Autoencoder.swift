import Foundation

extension AppState {
    mutating func handle(_ event: AutoencoderEvent) {
        switch event {
        case .losses(let losses):
            // One point a step, as for the GAN's charts.
            if losses.step != history.lastStep { history.append(losses) }
        case .reconstructions(let pairs):
            reconstructions = pairs
        case .latentMap(let map):
            latentMap = map
        }
    }

    /// The latent map when `z` put it in the samples panel. It is not kept in the history: while
    /// scrubbing, the map stays the newest.
    public var shownLatentMap: LatentMap? { latentView == .samples ? nil : latentMap }

    /// `z`: the samples panel cycles through the prior samples, the decoded latent grid and the
    /// encoded points. Only a 2-D latent space has a map to show; elsewhere a notice says so.
    mutating func cycleLatentView() {
        guard !model.isAdversarial else {
            return post("the latent map is for autoencoders and VAEs (--model ae|vae --z-dim 2)")
        }
        guard latentMap != nil else {
            return post("no latent map: it is drawn for a 2-D latent space (--z-dim 2)")
        }
        let views = LatentView.allCases
        latentView = views[((views.firstIndex(of: latentView) ?? 0) + 1) % views.count]
        switch latentView {
        case .samples: post("samples: decoded prior samples")
        case .decodedGrid:
            let range = latentMap.map { String(format: "%g", $0.range) } ?? ""
            post("latent map: the decoder's output over z in [-\(range), \(range)]^2")
        case .encodedPoints: post("latent map: the encoder's means of data points, by class")
        }
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
