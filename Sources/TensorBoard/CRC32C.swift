/// CRC-32C (Castagnoli polynomial, reflected 0x82F63B78), the checksum TFRecord frames carry, and
/// TFRecord's masking of it.
///
/// Hand-written: Debian packages no C library for CRC-32C (`apt-cache search crc32c` lists only a
/// Python module), and zlib's `crc32` uses another polynomial. One table lookup a byte is plenty
/// for event files, which are read once as they grow.
public enum CRC32C {
    /// `table[b]`: the CRC register after shifting byte `b` through it.
    private static let table: [UInt32] = (0..<256).map { byte in
        var crc = UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        return crc
    }

    /// The CRC-32C of `bytes`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            for byte in bytes { crc = table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8) }
        }
        return ~crc
    }

    /// The CRC-32C of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// TFRecord's mask: a CRC stored next to the data it covers is rotated and offset, so that
    /// the CRC of data that itself holds CRCs is not trivially related to them.
    public static func masked(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }
}
