import ImageIO

extension DecodedImage {
    /// The interleaved pixels as `channels` planes, as ``Dataset`` stores images: gray copied to
    /// three planes, or colour mixed to gray with the BT.601 luma weights libjpeg uses
    /// (0.299 R + 0.587 G + 0.114 B).
    public func planes(channels requested: Int) -> [UInt8] {
        let area = width * height
        let source = pixels
        switch (channels, requested) {
        case (1, 1): return source
        case (1, _): return Array([[UInt8]](repeating: source, count: requested).joined())
        case (_, 1):
            return (0..<area).map { i in
                let mixed = 0.299 * Float(source[3 * i]) + 0.587 * Float(source[3 * i + 1])
                    + 0.114 * Float(source[3 * i + 2])
                return UInt8(min(255, mixed.rounded()))
            }
        default:
            var planes = [UInt8](repeating: 0, count: 3 * area)
            for i in 0..<area {
                for c in 0..<3 { planes[c * area + i] = source[3 * i + c] }
            }
            return planes
        }
    }
}
