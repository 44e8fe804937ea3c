import Foundation

/// Loads `folder:PATH`: the PNG and JPEG files under PATH, centre-cropped, area-averaged to a
/// square and cached (see ``FolderOptions``, ``FolderCache``). Samples are in path order; the
/// set has no labels and no held-out part, so its test split is the same images.
enum FolderLoader {
    static func load(path: String, options: FolderOptions, count: Int?) throws(DatasetError) -> Dataset {
        try options.validate()
        let listing = try FolderListing(folder: path)
        let key = listing.cacheKey(imageSize: options.imageSize, channels: options.channels)
        let cache = options.cacheFolder.map {
            FolderCache(cacheFolder: $0, folder: path, imageSize: options.imageSize, channels: options.channels)
        }
        let images: FolderImages
        if let cache, let cached = cached(in: cache, key: key, warn: options.warn) {
            images = cached
        } else {
            images = try FolderImages.decode(listing, side: options.imageSize, channels: options.channels,
                                             progress: options.progress)
            if let cache { save(images, in: cache, key: key, warn: options.warn) }
        }
        if let warning = images.skipped.warning(folder: path) { options.warn(warning) }
        let kept = min(images.count, count ?? images.count)
        let imageBytes = images.side * images.side * images.channels
        return Dataset(name: DatasetSpec.folder(path: path).description,
                       shape: .image(width: images.side, height: images.side, channels: images.channels),
                       pixels: Array(images.pixels.prefix(kept * imageBytes)))
    }

    /// The cached images, if current; a damaged file is reported (a stale one is the normal
    /// result of changing the folder, so it is not).
    private static func cached(in cache: FolderCache, key: UInt64, warn: (String) -> Void) -> FolderImages? {
        switch cache.load(key: key) {
        case .found(let images): return images
        case .missing, .stale: return nil
        case .damaged(let problem):
            warn("folder cache \(cache.path) is damaged (\(problem)); decoding the images again")
            return nil
        }
    }

    /// Caches `images`; a failure only costs the next run a decode, so it is a warning.
    private static func save(_ images: FolderImages, in cache: FolderCache, key: UInt64, warn: (String) -> Void) {
        do {
            try cache.save(images, key: key)
        } catch {
            warn("could not write the folder cache \(cache.path) (\(error.localizedDescription)); "
                + "the next run decodes the images again")
        }
    }
}
