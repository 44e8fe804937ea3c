import ArgumentParser
import GAN

/// `ganscope interpolate`: a strip of images along a path between two latent vectors.
struct InterpolateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interpolate",
        abstract: "Write a strip of images between two seeded latent vectors (image data sets only).")

    @Option(help: ArgumentHelp("The snapshot (.safetensors): ganscope's, or a PyTorch generator's state dict.",
                               valueName: "file"))
    var checkpoint: String
    @Option(help: ArgumentHelp("Image to write: .png or .pgm.", valueName: "file")) var out: String
    @Option(parsing: .unconditional, help: "Images in the strip, endpoints included. (default: 8)",
            transform: BoundedOption.integer(in: OptionRanges.frames))
    var frames = 8
    @Option(parsing: .unconditional, help: "Seed of the two endpoint vectors. (default: 0)",
            transform: BoundedOption.integer(in: OptionRanges.seed))
    var seed: UInt64 = 0
    @Flag(help: "Spherical interpolation (along the great circle) instead of a straight line.") var slerp = false
    @OptionGroup var generatorOptions: GeneratorOptions

    func run() throws {
        let generator = try CheckpointGenerator(path: checkpoint, hints: generatorOptions.hints)
        let endpoints = generator.randomLatents(count: 2, seed: seed)
        let path = LatentPath(from: endpoints[0], to: endpoints[1], interpolation: slerp ? .spherical : .linear)
        try generator.writeImages(for: path.points(count: frames), to: out,
                                  latentSource: "\(path.interpolation.rawValue) path between latent seed \(seed)'s two vectors",
                                  columns: frames)
        print("ganscope: wrote \(frames) frames (\(path.interpolation.rawValue)) to \(out)")
    }
}
