import Datasets
import GAN
import TerminalUI

extension Palette {
    /// An image as every picture panel draws it: half blocks in the theme's ramp (gray) or its
    /// own colours, box-scaled so shrinking keeps strokes visible.
    func image(_ pixels: ArraySlice<Float>, width: Int, height: Int, channels: Int) -> HalfBlockImage {
        HalfBlockImage(pixels: Array(pixels), width: width, height: height, channels: channels, ramp: imageRamp,
                       scaling: .box, depth: depth, glyphs: glyphs)
    }

    /// Image `index` of a batch, nil for points or when the batch's values are too short.
    func image(_ index: Int, of images: SampleImages) -> HalfBlockImage? {
        guard case .image(let width, let height, let channels) = images.shape else { return nil }
        let features = images.shape.featureCount
        guard index >= 0, (index + 1) * features <= images.values.count else { return nil }
        return image(images.values[(index * features)..<((index + 1) * features)], width: width, height: height,
                     channels: channels)
    }
}

extension Palette {
    /// "waiting for `what`…", with three dots where the locale has no ellipsis.
    func waiting(for what: String) -> String { text("waiting for \(what)…", ascii: "waiting for \(what)...") }
}
