/// How a `folder:PATH` set is built: the image size, the colour planes, where the decoded set
/// is cached, and who hears about progress and skipped files. Other sets ignore it.
public struct FolderOptions: Sendable {
    /// The sides a folder's images may be resized to: the sizes the image models are built for.
    public static let imageSizes = [28, 32, 64]
    public static let defaultImageSize = 32

    /// Side of the square images, one of ``imageSizes``.
    public var imageSize: Int
    /// 1 (gray) or 3 (colour); nil keeps the files' kind: 3 if any usable file is colour, else 1.
    public var channels: Int?
    /// Where the decoded set is cached (the checkpoint folder); nil decodes every time.
    public var cacheFolder: String?
    /// Called after each file is decoded with the files done and the total; not when the set
    /// comes from the cache.
    public var progress: @Sendable (_ done: Int, _ total: Int) -> Void
    /// Hears one-line warnings: the skipped files, an unusable or unwritable cache.
    public var warn: @Sendable (String) -> Void

    public init(imageSize: Int = Self.defaultImageSize, channels: Int? = nil, cacheFolder: String? = nil,
                progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in },
                warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.imageSize = imageSize
        self.channels = channels
        self.cacheFolder = cacheFolder
        self.progress = progress
        self.warn = warn
    }

    /// Throws unless the size is one of ``imageSizes`` and the channels are nil, 1 or 3.
    func validate() throws(DatasetError) {
        guard Self.imageSizes.contains(imageSize) else { throw .invalidImageSize(imageSize) }
        if let channels, channels != 1 && channels != 3 { throw .invalidChannels(channels) }
    }
}
