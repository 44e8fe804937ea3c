/// The two products of a convolution that read im2col's patches, computed chunk by chunk of
/// output positions so that the patches never exist for the whole batch at once.
///
/// A whole batch's patch matrix is large (patchSize·outputPlane·batch: 13 MB for the DCGAN's
/// second convolution at batch 64, 26 MB at 128), so im2col wrote it out to memory and the
/// product read it back. A chunk of a few positions (at least 256 columns, about 512 KB of
/// patches) is copied and multiplied while it is still in the L2 cache, and the workers take
/// chunks (or channels) of their own, with no barrier between copy and product.
extension ConvGeometry {
    /// Output positions a chunk holds for `batch` samples: enough for 256 columns, and as many
    /// as 2¹⁷ patch values take. It depends only on the shape, never on the thread count, so
    /// results do not either.
    public func positionsPerChunk(batch: Int) -> Int {
        let samples = Swift.max(1, batch)
        let forColumns = (256 + samples - 1) / samples
        let forCache = (1 << 17) / (patchSize * samples)
        return Swift.min(outputPlane, Swift.max(1, forColumns, forCache))
    }

    /// product (rows, outputPlane·batch) = β·product + a (rows, patchSize) · im2col(image): the
    /// forward pass of a convolution (a = W) and the input gradient of a transposed one. Each
    /// worker takes a contiguous run of chunks and writes only their columns. `workers`
    /// overrides how many share the work (for tests; default: as many as it pays for).
    @inlinable
    public func patchProduct<T: BLASScalar>(_ a: UnsafePointer<T>, rows: Int, image: UnsafePointer<T>, batch: Int,
                                            into product: UnsafeMutablePointer<T>, beta: T,
                                            scratch: PatchScratch<T>, positionsPerChunk: Int? = nil,
                                            workers: Int? = nil) {
        let chunks = PatchChunks(self, batch: batch, positionsPerChunk: positionsPerChunk)
        let pixels = outputPlane * batch, geometry = self
        let parts = chunks.parts(splitting: chunks.count, rows: rows, of: T.self, workers: workers)
        let buffers = chunks.buffers(for: parts, in: scratch)
        let shared = SharedPointers(source: image, target: product), weights = SendablePointer(a)
        WorkSplit.indexedRanges(of: chunks.count, parts: parts) { part, range in
            let patches = buffers.pointers[part]
            for chunk in range {
                let positions = chunks.positions(chunk), columns = positions.count * batch
                geometry.im2col(image: shared.source, columns: patches, batch: batch, positions: positions)
                T.gemm(transposeA: false, transposeB: false, m: rows, n: columns, k: geometry.patchSize, alpha: 1,
                       a: weights.pointer, lda: geometry.patchSize, b: patches, ldb: columns, beta: beta,
                       c: shared.target + positions.lowerBound * batch, ldc: pixels)
            }
        }
    }

    /// gradient (rows, patchSize) = a (rows, outputPlane·batch) · im2col(image)ᵀ, added to the
    /// gradient when `accumulate`: the weight gradient of a convolution (a = dL/dy) and of a
    /// transposed one (a = its input, image = dL/dy). The workers split the patch rows by
    /// channel, each writing its own columns of the gradient (or, with fewer channels than
    /// workers, the gradient's rows); every entry sums its chunks in order, so the result does
    /// not depend on the split.
    @inlinable
    public func patchGradient<T: BLASScalar>(_ a: UnsafePointer<T>, rows: Int, image: UnsafePointer<T>, batch: Int,
                                             into gradient: UnsafeMutablePointer<T>, accumulate: Bool,
                                             scratch: PatchScratch<T>, positionsPerChunk: Int? = nil,
                                             workers: Int? = nil) {
        let chunks = PatchChunks(self, batch: batch, positionsPerChunk: positionsPerChunk)
        let pixels = outputPlane * batch, geometry = self, kernelArea = kernelSize * kernelSize
        // By channel where there are enough; a layer on one image channel (the DCGAN's first and
        // last) splits the gradient's rows instead, each worker copying all the patches.
        let byChannel = chunks.parts(splitting: channels, rows: rows, of: T.self, workers: workers)
        let byRow = chunks.parts(splitting: rows, rows: rows, of: T.self, workers: workers)
        let splitsChannels = byChannel >= byRow, parts = Swift.max(byChannel, byRow)
        let buffers = chunks.buffers(for: parts, in: scratch)
        let shared = SharedPointers(source: image, target: gradient), upstream = SendablePointer(a)
        WorkSplit.indexedRanges(of: splitsChannels ? channels : rows, parts: parts) { part, range in
            let (channels, gradientRows) = splitsChannels ? (range, 0..<rows) : (0..<geometry.channels, range)
            let patches = buffers.pointers[part], patchRows = channels.count * kernelArea
            for chunk in 0..<chunks.count {
                let positions = chunks.positions(chunk), columns = positions.count * batch
                geometry.im2col(image: shared.source, columns: patches, batch: batch, channels: channels,
                                positions: positions)
                T.gemm(transposeA: false, transposeB: true, m: gradientRows.count, n: patchRows, k: columns, alpha: 1,
                       a: upstream.pointer + gradientRows.lowerBound * pixels + positions.lowerBound * batch,
                       lda: pixels, b: patches, ldb: columns, beta: chunk == 0 && !accumulate ? 0 : 1,
                       c: shared.target + gradientRows.lowerBound * geometry.patchSize + channels.lowerBound * kernelArea,
                       ldc: geometry.patchSize)
            }
        }
    }
}

/// How a chunked product cuts the output positions into chunks.
@usableFromInline
struct PatchChunks: Sendable {
    @usableFromInline let geometry: ConvGeometry
    @usableFromInline let batch: Int
    @usableFromInline let perChunk: Int
    @usableFromInline let count: Int

    @inlinable
    init(_ geometry: ConvGeometry, batch: Int, positionsPerChunk: Int?) {
        self.geometry = geometry
        self.batch = batch
        perChunk = positionsPerChunk ?? geometry.positionsPerChunk(batch: batch)
        count = (geometry.outputPlane + perChunk - 1) / perChunk
    }

    /// The output positions of chunk `index`.
    @inlinable
    func positions(_ index: Int) -> Range<Int> {
        index * perChunk ..< Swift.min((index + 1) * perChunk, geometry.outputPlane)
    }

    /// How many workers share a product of `rows` rows split into `items` pieces (chunks,
    /// channels or rows): `workers` if given (tests), else as many as the work pays for.
    @inlinable
    func parts<T: BLASScalar>(splitting items: Int, rows: Int, of _: T.Type, workers: Int?) -> Int {
        let work = rows * geometry.outputPlane * batch * geometry.patchSize
        return WorkSplit.partCount(of: items, work: work, minimumWork: MatrixProduct<T>.minimumBandWork,
                                   workers: workers)
    }

    /// A scratch buffer of one chunk's patches for each of `parts` workers.
    @inlinable
    func buffers<T: BLASScalar>(for parts: Int, in scratch: PatchScratch<T>) -> ScratchPointers<T> {
        scratch.buffers(parts: parts, count: geometry.patchSize * perChunk * batch)
    }
}

/// Scratch space for the chunked products: one buffer per worker, grown on demand and kept
/// between calls. Belongs to one layer, like the layer's other buffers.
public final class PatchScratch<T: BLASScalar> {
    @usableFromInline var storage: [Buffer<T>] = []
    @usableFromInline var pointers = ScratchPointers<T>(pointers: [])

    public init() {}

    /// At least `parts` buffers of at least `count` values each.
    @inlinable
    func buffers(parts: Int, count: Int) -> ScratchPointers<T> {
        var grown = false
        while storage.count < parts {
            storage.append(Buffer(count: 0))
            grown = true
        }
        for index in 0..<parts where storage[index].count < count {
            storage[index] = Buffer(count: count)
            grown = true
        }
        if grown { pointers = ScratchPointers(pointers: storage.map(\.pointer)) }
        return pointers
    }
}

/// The workers' scratch buffers, handed to them: each writes only its own.
@usableFromInline
struct ScratchPointers<T: BLASScalar>: @unchecked Sendable {
    @usableFromInline let pointers: [UnsafeMutablePointer<T>]

    @inlinable
    init(pointers: [UnsafeMutablePointer<T>]) { self.pointers = pointers }
}
