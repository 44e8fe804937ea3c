/// Floating-point operations in the matrix products of one `GANStep` iteration (K = 1), counting
/// a multiply-add as two, for throughput figures.
public struct StepCost: Sendable {
    public let flops: Int

    public init(architecture: ModelArchitecture, batch: Int) {
        let g = Self.multiplyAdds(architecture.generatorSizes)
        let d = Self.multiplyAdds(architecture.discriminatorSizes)
        let gFirst = architecture.generatorSizes[0] * architecture.generatorSizes[1]
        let dFirst = architecture.discriminatorSizes[0] * architecture.discriminatorSizes[1]
        // D update: G forward (M rows); D forward, weight gradients and input gradients past the
        // first layer on 2M rows.
        let discriminatorUpdate = batch * g + 2 * batch * (d + d + (d - dFirst))
        // G update: G and D forward, D input gradients, G weight and input gradients past its first layer.
        let generatorUpdate = batch * (g + d + d + g + (g - gFirst))
        flops = 2 * (discriminatorUpdate + generatorUpdate)
    }

    private static func multiplyAdds(_ sizes: [Int]) -> Int {
        zip(sizes, sizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
