extension DecodedImage {
    /// The image as it should be shown, given the EXIF orientation of its file (1–8): cameras
    /// store pictures as the sensor read them and record the turn or mirror in that tag, so a
    /// phone's portrait photo is stored on its side. Any other value leaves the image as stored.
    ///
    /// | tag | shown as the stored image… |
    /// |---|---|
    /// | 1 | as is |
    /// | 2 | mirrored left–right |
    /// | 3 | turned 180° |
    /// | 4 | mirrored top–bottom |
    /// | 5 | mirrored about the top-left–bottom-right diagonal |
    /// | 6 | turned 90° clockwise |
    /// | 7 | mirrored about the other diagonal |
    /// | 8 | turned 90° counter-clockwise |
    public func oriented(exifOrientation tag: Int) -> DecodedImage {
        guard (2...8).contains(tag) else { return self }
        let swapsSides = tag >= 5
        let (shownWidth, shownHeight) = swapsSides ? (height, width) : (width, height)
        var shown = [UInt8](repeating: 0, count: pixels.count)
        for y in 0..<shownHeight {
            for x in 0..<shownWidth {
                let (sourceX, sourceY) = Self.storedPosition(of: (x, y), tag: tag, width: width, height: height)
                let from = (sourceY * width + sourceX) * channels, to = (y * shownWidth + x) * channels
                for c in 0..<channels { shown[to + c] = pixels[from + c] }
            }
        }
        return DecodedImage(checkedWidth: shownWidth, height: shownHeight, channels: channels, pixels: shown)
    }

    /// Where the shown pixel (x, y) is in the stored image of `width` × `height`.
    private static func storedPosition(of shown: (x: Int, y: Int), tag: Int, width: Int, height: Int) -> (Int, Int) {
        let (x, y) = shown
        switch tag {
        case 2: return (width - 1 - x, y)
        case 3: return (width - 1 - x, height - 1 - y)
        case 4: return (x, height - 1 - y)
        case 5: return (y, x)
        case 6: return (y, height - 1 - x)
        case 7: return (width - 1 - y, height - 1 - x)
        case 8: return (width - 1 - y, x)
        default: return (x, y)
        }
    }
}
