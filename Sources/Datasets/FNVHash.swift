/// FNV-1a over 64-bit words: a small, stable hash for cache keys and file names (the same on
/// every run and machine, unlike `Hasher`). Not cryptographic: nobody forges a cache file.
public struct FNVHash: Equatable, Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x100_0000_01b3
    }

    /// Mixes the UTF-8 bytes of `text` and then its length, so "ab","c" and "a","bc" differ.
    public mutating func mix(text: String) {
        for byte in text.utf8 { mix(UInt64(byte)) }
        mix(UInt64(text.utf8.count))
    }

    /// 16 hexadecimal digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
