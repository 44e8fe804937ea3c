/// What the learning metrics measured at one step (see the Metrics module, which fills it).
///
/// Every figure is optional: which ones apply depends on the data set (mode coverage for 2-D
/// mixtures, Fréchet distance and classes for labelled images).
public struct EvaluationReport: Sendable, Equatable, Codable {
    public var step: Int
    /// Seconds the evaluation took.
    public var seconds: Double
    /// 2-D mixtures: modes with at least one high-quality sample nearest to them, and their number.
    public var modesCaptured: Int?
    public var modeCount: Int?
    /// 2-D mixtures: share of generated points within 3σ of their nearest mode.
    public var highQualityFraction: Double?
    /// 2-D: divergences between real and generated densities on a grid.
    public var klDivergence: Double?
    public var jsDivergence: Double?
    /// Images: Fréchet distance of classifier features, generated vs real (FCD).
    public var frechetDistance: Double?
    /// Images with labels: classes the generated samples cover, the class count, the generated
    /// class histogram (fractions) and its KL divergence from the real class distribution.
    public var classesCovered: Int?
    public var classCount: Int?
    public var classHistogram: [Double]?
    public var classKL: Double?
    /// D's ROC AUC on held-out reals versus fresh fakes (0.5 = cannot tell them apart).
    public var discriminatorAUC: Double?
    /// Held-out accuracy of a fresh real-vs-fake probe classifier (0.5 = undetectable fakes).
    public var probeAccuracy: Double?
    /// Images: the spectral detector (logistic regression on 1-D power spectra), trained afresh
    /// on reals vs fakes, scored on held-out ones: its accuracy and ROC AUC.
    public var spectralAccuracy: Double?
    public var spectralAUC: Double?
    /// Images: the mean 1-D spectra (dB per ring of frequencies, ring 1 outwards) of the
    /// spectral detector's real and fake training rows.
    public var realSpectrum: [Double]?
    public var fakeSpectrum: [Double]?

    public init(step: Int, seconds: Double = 0) {
        self.step = step
        self.seconds = seconds
    }
}
