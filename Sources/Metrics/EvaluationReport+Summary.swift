import Foundation
import GAN

extension EvaluationReport {
    /// The figures that were measured, on one line, e.g.
    /// "eval step 500: modes 8/8, high quality 93.1%, KL 0.210, JS 0.041, D AUC 0.62, probe 55.4% (9 ms)";
    /// image sets add ", spectral AUC 0.712" after the probe.
    public var summaryLine: String {
        var parts: [String] = []
        if let modesCaptured, let modeCount { parts.append("modes \(modesCaptured)/\(modeCount)") }
        if let highQualityFraction { parts.append(String(format: "high quality %.1f%%", highQualityFraction * 100)) }
        if let klDivergence { parts.append(String(format: "KL %.3f", klDivergence)) }
        if let jsDivergence { parts.append(String(format: "JS %.3f", jsDivergence)) }
        if let frechetDistance { parts.append(String(format: "FCD %.3f", frechetDistance)) }
        if let classesCovered, let classCount { parts.append("classes \(classesCovered)/\(classCount)") }
        if let classKL { parts.append(String(format: "class KL %.3f", classKL)) }
        if let discriminatorAUC { parts.append(String(format: "D AUC %.3f", discriminatorAUC)) }
        if let probeAccuracy { parts.append(String(format: "probe %.1f%%", probeAccuracy * 100)) }
        if let spectralAUC { parts.append(String(format: "spectral AUC %.3f", spectralAUC)) }
        let figures = parts.isEmpty ? "nothing measured" : parts.joined(separator: ", ")
        return String(format: "eval step %d: %@ (%.0f ms)", step, figures, seconds * 1000)
    }
}
