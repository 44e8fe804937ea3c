/// The three products of a convolution, each read or written through im2col's patches: the
/// forward pass, the weight gradient and the input gradient (or, for a transposed convolution,
/// the input gradient, the weight gradient and the forward pass). All take weights and give
/// weight gradients in the tap-major order of the column matrices (ConvGeometry+TapMajor.swift),
/// and skip, band by band of output rows, the kernel rows that only meet padding.
///
/// A whole batch's patch matrix is large (patchSize·outputPlane·batch: 13 MB for the DCGAN's
/// second convolution at batch 64, 26 MB at 128), so im2col wrote it out to memory and the
/// product read it back. A chunk of a few positions (at least 256 columns, about 512 KB of
/// patches) is copied and multiplied while it is still in the L2 cache, and the workers take
/// chunks (or taps) of their own, with no barrier between copy and product.
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
    /// worker takes a contiguous run of chunks (`PatchChunks.runs`) and writes only their columns. `workers`
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
        WorkSplit.each(chunks.runs(parts: parts)) { part, range in
            let patches = buffers.pointers[part]
            for chunk in chunks.chunks[range] {
                let columns = chunk.positions.count * batch, depth = chunk.taps.count * geometry.channels
                geometry.im2col(image: shared.source, columns: patches, batch: batch, taps: chunk.taps,
                                positions: chunk.positions)
                T.gemm(transposeA: false, transposeB: false, m: rows, n: columns, k: depth, alpha: 1,
                       a: weights.pointer + chunk.taps.lowerBound * geometry.channels, lda: geometry.patchSize,
                       b: patches, ldb: columns, beta: beta,
                       c: shared.target + chunk.positions.lowerBound * batch, ldc: pixels)
            }
        }
    }

    /// gradient (rows, patchSize) = a (rows, outputPlane·batch) · im2col(image)ᵀ, overwritten:
    /// the weight gradient of a convolution (a = dL/dy) and of a transposed one (a = its input,
    /// image = dL/dy). The workers split the taps, each writing its own columns of the gradient
    /// (or, where rows split more evenly, the gradient's rows); every entry sums its chunks in
    /// order, so the result does not depend on the split.
    @inlinable
    public func patchGradient<T: BLASScalar>(_ a: UnsafePointer<T>, rows: Int, image: UnsafePointer<T>, batch: Int,
                                             into gradient: UnsafeMutablePointer<T>,
                                             scratch: PatchScratch<T>, positionsPerChunk: Int? = nil,
                                             workers: Int? = nil) {
        let chunks = PatchChunks(self, batch: batch, positionsPerChunk: positionsPerChunk)
        let pixels = outputPlane * batch, geometry = self
        let byTap = chunks.parts(splitting: tapCount, rows: rows, of: T.self, workers: workers)
        let byRow = chunks.parts(splitting: rows, rows: rows, of: T.self, workers: workers)
        let splitsTaps = byTap >= byRow, parts = Swift.max(byTap, byRow)
        let buffers = chunks.buffers(for: parts, in: scratch)
        let shared = SharedPointers(source: image, target: gradient), upstream = SendablePointer(a)
        WorkSplit.indexedRanges(of: splitsTaps ? tapCount : rows, parts: parts) { part, range in
            let (taps, gradientRows) = splitsTaps ? (range, 0..<rows) : (0..<geometry.tapCount, range)
            let patches = buffers.pointers[part], channels = geometry.channels
            for row in gradientRows {
                (shared.target + row * geometry.patchSize + taps.lowerBound * channels)
                    .update(repeating: 0, count: taps.count * channels)
            }
            for chunk in chunks.chunks {
                let kept = chunk.taps.clamped(to: taps), columns = chunk.positions.count * batch
                guard !kept.isEmpty else { continue }
                geometry.im2col(image: shared.source, columns: patches, batch: batch, taps: kept,
                                positions: chunk.positions)
                T.gemm(transposeA: false, transposeB: true, m: gradientRows.count, n: kept.count * channels,
                       k: columns, alpha: 1,
                       a: upstream.pointer + gradientRows.lowerBound * pixels + chunk.positions.lowerBound * batch,
                       lda: pixels, b: patches, ldb: columns, beta: 1,
                       c: shared.target + gradientRows.lowerBound * geometry.patchSize + kept.lowerBound * channels,
                       ldc: geometry.patchSize)
            }
        }
    }

    /// image (channels, height, width, batch) = col2im(aᵀ · source) for a (rows, patchSize) and
    /// source (rows, outputPlane·batch): the input gradient of a convolution (a = W, source =
    /// dL/dy) and the forward pass of a transposed one (a = W, source = x). `columns` is the
    /// caller's (patchSize, outputPlane·batch) buffer, grown here; it is all zero between calls
    /// (a new buffer is, and col2im leaves it so), so each band's product adds onto it (β = 1)
    /// and OpenBLAS zeroes nothing. The entries of the kernel rows a band skips are never
    /// written: they stay zero, and col2im would not have read them.
    @inlinable
    public func adjointProduct<T: BLASScalar>(_ a: UnsafePointer<T>, rows: Int, source: UnsafePointer<T>,
                                              batch: Int, into image: UnsafeMutablePointer<T>,
                                              columns: inout Buffer<T>) {
        let pixels = outputPlane * batch
        columns = columns.growing(toHold: patchSize * pixels)
        for band in rowBands {
            let positions = positions(of: band), first = taps(of: band).lowerBound * channels
            T.parallelGemm(transposeA: true, transposeB: false, m: taps(of: band).count * channels,
                           n: positions.count * batch, k: rows, alpha: 1, a: a + first, lda: patchSize,
                           b: source + positions.lowerBound * batch, ldb: pixels, beta: 1,
                           c: columns.pointer + first * pixels + positions.lowerBound * batch, ldc: pixels)
        }
        col2im(columns: columns.pointer, image: image, batch: batch)
    }
}

/// One chunk of a chunked product: output positions of one row band, and the taps it keeps.
@usableFromInline
struct PatchChunk: Sendable {
    @usableFromInline let positions: Range<Int>
    @usableFromInline let taps: Range<Int>

    @inlinable
    init(positions: Range<Int>, taps: Range<Int>) {
        self.positions = positions
        self.taps = taps
    }
}

/// How a chunked product cuts the output positions into chunks: each row band's positions in
/// runs of `perChunk` (a band's last chunk may be shorter).
@usableFromInline
struct PatchChunks: Sendable {
    @usableFromInline let geometry: ConvGeometry
    @usableFromInline let batch: Int
    @usableFromInline let perChunk: Int
    @usableFromInline let chunks: [PatchChunk]

    @inlinable
    init(_ geometry: ConvGeometry, batch: Int, positionsPerChunk: Int?) {
        self.geometry = geometry
        self.batch = batch
        let perChunk = positionsPerChunk ?? geometry.positionsPerChunk(batch: batch)
        self.perChunk = perChunk
        chunks = geometry.rowBands.flatMap { band in
            let positions = geometry.positions(of: band), taps = geometry.taps(of: band)
            return stride(from: positions.lowerBound, to: positions.upperBound, by: perChunk).map {
                PatchChunk(positions: $0 ..< Swift.min($0 + perChunk, positions.upperBound), taps: taps)
            }
        }
    }

    @inlinable var count: Int { chunks.count }

    /// Contiguous runs of chunks, one per part, with about equal multiply-adds (positions times
    /// taps) each: the bands cut into chunks of unequal size and depth, so equal numbers of
    /// chunks would leave one worker idle for up to a tenth of the product. A chunk goes to the
    /// run its middle falls in.
    @inlinable
    func runs(parts: Int) -> [Range<Int>] {
        let costs = chunks.map { $0.positions.count * $0.taps.count }, total = costs.reduce(0, +)
        var runs: [Range<Int>] = [], end = 0, done = 0
        for part in 1..<Swift.max(1, parts) {
            let start = end
            while end < chunks.count && 2 * done + costs[end] <= 2 * total * part / parts {
                done += costs[end]
                end += 1
            }
            runs.append(start..<end)
        }
        runs.append(end..<chunks.count)
        return runs
    }

    /// How many workers share a product of `rows` rows split into `items` pieces (chunks,
    /// taps or rows): `workers` if given (tests), else as many as the work pays for.
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
