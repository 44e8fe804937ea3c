/// The dashboard's panels, in focus order. Tab moves the focus; Enter zooms the focused panel
/// to the whole body and back.
public enum Panel: String, Sendable, CaseIterable {
    case losses, verdicts
    /// An autoencoder's inputs above their reconstructions, in the verdicts' place.
    case reconstructions
    case samples, explorer, metrics

    public var title: String {
        switch self {
        case .losses: "Losses"
        case .verdicts: "Detective's verdicts"
        case .samples: "Samples"
        case .explorer: "Latent explorer"
        case .metrics: "Metrics"
        case .reconstructions: "Reconstructions"
        }
    }
}
