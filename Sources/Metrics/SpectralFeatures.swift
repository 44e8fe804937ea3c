import CFFTW
import Datasets
import RealModule
import Foundation

/// The 1-D power spectrum of images (Durall et al. 2020, "Watch your up-convolution"): gray
/// image → 2-D FFT with the zero frequency shifted to the centre → log power
/// `20·log10(|F| + 1e-8)` → mean over rings of one pixel's width around the centre.
///
/// Ring `r` holds the frequencies whose distance from the centre rounds to `r`, from 1 out to the
/// corners: a 32×32 image gives 23 values (rings 1…16 complete, 17…23 the corners' partial
/// rings, each the mean of the frequencies it has), a 28×28 one 20. The DC term (ring 0, the mean
/// brightness) is left out. The corners are kept because that is where up-sampling leaves its
/// checkerboard: the pattern (−1)^(x+y) is all at frequency (w/2, h/2), ring 23 of a 32×32 image.
///
/// FFTW does the transform. Not `Sendable`: the plan's buffers are reused for every image.
public final class SpectralFeatures {
    public let width: Int
    public let height: Int
    /// 1 (gray) or 3 (RGB planes, mixed to gray with the BT.601 luma weights).
    public let channels: Int
    /// Values per image: the number of rings.
    public let count: Int

    private let input: UnsafeMutablePointer<fftw_complex>
    private let output: UnsafeMutablePointer<fftw_complex>
    private let plan: OpaquePointer
    /// Ring of each frequency, 0-based (row-major, unshifted; -1 for DC); and ring sizes.
    private let ringOfFrequency: [Int]
    private let ringSizes: [Double]

    /// FFTW's planner is not thread-safe (only executing a plan is): plans are made and
    /// destroyed under this lock.
    private static let planner = NSLock()

    /// nil unless `shape` is an image.
    public convenience init?(shape: DataShape) {
        guard case .image(let width, let height, let channels) = shape else { return nil }
        self.init(width: width, height: height, channels: channels)
    }

    public init(width: Int, height: Int, channels: Int) {
        precondition(width >= 2 && height >= 2 && (channels == 1 || channels == 3), "not an image shape")
        self.width = width
        self.height = height
        self.channels = channels
        let area = width * height
        // A few kilobytes, and planning a positive size with FFTW_ESTIMATE cannot fail: a nil
        // here is out of memory, which Swift's own allocations treat as fatal too.
        let input = fftw_alloc_complex(area)!, output = fftw_alloc_complex(area)!
        self.input = input
        self.output = output
        plan = Self.planner.withLock {
            fftw_plan_dft_2d(Int32(height), Int32(width), input, output, FFTW_FORWARD, FFTW_ESTIMATE)!
        }
        // Frequency (x, y) of FFTW's output lands at ((x + w/2) mod w, (y + h/2) mod h) after the
        // shift, so its distance from the centre is that of the signed frequency below: the rings
        // are read straight from the unshifted output.
        let rings = (0..<area).map { index in
            let dx = Double((index % width + width / 2) % width - width / 2)
            let dy = Double((index / width + height / 2) % height - height / 2)
            return Int((dx * dx + dy * dy).squareRoot().rounded()) - 1
        }
        count = (rings.max() ?? -1) + 1
        var sizes = [Double](repeating: 0, count: count)
        for ring in rings where ring >= 0 { sizes[ring] += 1 }
        ringOfFrequency = rings
        ringSizes = sizes
    }

    deinit {
        Self.planner.withLock { fftw_destroy_plan(plan) }
        fftw_free(input)
        fftw_free(output)
    }

    /// The spectrum of one image: `width * height * channels` values, planes one after another.
    public func spectrum(of image: ArraySlice<Float>) -> [Float] {
        let area = width * height
        precondition(image.count == area * channels, "image size does not match the spectrum's shape")
        let start = image.startIndex
        for i in 0..<area {
            let gray = channels == 1
                ? Double(image[start + i])
                : 0.299 * Double(image[start + i]) + 0.587 * Double(image[start + area + i])
                    + 0.114 * Double(image[start + 2 * area + i])
            input[i] = (gray, 0)
        }
        fftw_execute(plan)
        var sums = [Double](repeating: 0, count: count)
        for i in 0..<area where ringOfFrequency[i] >= 0 {
            let (re, im) = output[i]
            sums[ringOfFrequency[i]] += 20 * Double.log10((re * re + im * im).squareRoot() + 1e-8)
        }
        return zip(sums, ringSizes).map { $1 > 0 ? Float($0 / $1) : 0 }
    }

    /// The spectra of `rows` images back to back: `count` values each.
    public func spectra(of rows: ArraySlice<Float>) -> [Float] {
        let size = width * height * channels
        var result = [Float]()
        result.reserveCapacity(rows.count / size * count)
        for start in stride(from: rows.startIndex, to: rows.endIndex - size + 1, by: size) {
            result += spectrum(of: rows[start..<(start + size)])
        }
        return result
    }

    /// The mean spectrum of `spectra` (rows of `count` values).
    public func mean(of spectra: [Float]) -> [Float] {
        let rows = spectra.count / count
        guard rows > 0 else { return [] }
        var sums = [Double](repeating: 0, count: count)
        for (index, value) in spectra.enumerated() { sums[index % count] += Double(value) }
        return sums.map { Float($0 / Double(rows)) }
    }
}
