import Randomness

extension DataSplit {
    /// The random generator for item `index` of the generator `family` (faces, digits, …) in this
    /// split.
    ///
    /// Every item gets its own stream, so a sample does not depend on how many are generated,
    /// and the test split's streams (top bit set) never meet the training split's.
    func generator(seed: UInt64, family: UInt64, index: Int) -> SeededRNG {
        let splitBit: UInt64 = self == .test ? 1 << 63 : 0
        return SeededRNG(seed: seed, stream: splitBit | family << 40 | UInt64(index))
    }
}
