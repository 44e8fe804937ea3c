import CWorkers
import Dispatch

/// Loops over large buffers split into contiguous ranges, one per worker (`BLAS.threads`), for
/// the passes between matrix products: activations, per-channel bias and sums, the layout
/// transposes, im2col/col2im. Run on one thread they left the second core idle for about a tenth
/// of the DCGAN's step. Each range is written by one worker, so results do not depend on the split.
public enum WorkSplit {
    /// Values to touch below which a second worker costs more than it saves.
    @inlinable public static var minimumPartWork: Int { 1 << 16 }

    /// Runs `body` on disjoint ranges covering 0..<count: one range per worker, or all of it on
    /// the calling thread when `work` (values touched; default `count`) is too small to share.
    @inlinable
    public static func ranges(of count: Int, work: Int? = nil, workers: Int? = nil,
                              _ body: @Sendable (Range<Int>) -> Void) {
        let parts = partCount(of: count, work: work ?? count, minimumWork: minimumPartWork, workers: workers)
        indexedRanges(of: count, parts: parts) { body($1) }
    }

    /// How many parts `ranges` splits `count` items into: one per worker (default `BLAS.threads`)
    /// that gets at least `minimumWork` of the `work`, at least one, at most `count`.
    @inlinable
    public static func partCount(of count: Int, work: Int, minimumWork: Int, workers: Int? = nil) -> Int {
        let wanted = workers ?? Swift.min(BLAS.threads, work / minimumWork)
        return Swift.max(1, Swift.min(wanted, count))
    }

    /// Runs `body(part, range)` for `parts` disjoint ranges covering 0..<count, on the calling
    /// thread when there is one part: for bodies that keep scratch space per part.
    @inlinable
    public static func indexedRanges(of count: Int, parts: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
        if parts <= 1 { return body(0, 0..<count) }
        each((0..<parts).map { count * $0 / parts ..< count * ($0 + 1) / parts }, body)
    }

    /// Runs `body(part, ranges[part])` for every part, each on its own worker (on the calling
    /// thread when there is one part): for work cut unevenly by the caller.
    @inlinable
    public static func each(_ ranges: [Range<Int>], _ body: @Sendable (Int, Range<Int>) -> Void) {
        perform(iterations: ranges.count) { body($0, ranges[$0]) }
    }

    /// Runs `body(i)` for every i in 0..<iterations, in parallel, and returns when all are done:
    /// on ganscope's spinning workers (CWorkers: they start a pass at once, where libdispatch's
    /// sleeping threads start about 60 µs late), or on libdispatch's when those are busy with
    /// another queue's pass. Each iteration runs once, on any thread.
    @inlinable
    public static func perform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        if iterations <= 1 { return iterations == 1 ? body(0) : () }
        let ranOnWorkers = withoutActuallyEscaping(body) { escapable in
            withUnsafePointer(to: escapable) { pointer in
                // The workers are done with `pointer` when gs_workers_run returns.
                gs_workers_run(iterations, { context, index in
                    context!.assumingMemoryBound(to: (@Sendable (Int) -> Void).self).pointee(index)
                }, UnsafeMutableRawPointer(mutating: pointer))
            }
        }
        if ranOnWorkers == 0 { DispatchQueue.concurrentPerform(iterations: iterations, execute: body) }
    }
}

/// A buffer's address handed to the workers of `WorkSplit`, which touch disjoint ranges of it.
@usableFromInline
struct SendablePointer<T: BLASScalar>: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<T>

    @inlinable
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }

    @inlinable
    init(_ pointer: UnsafePointer<T>) { self.pointer = UnsafeMutablePointer(mutating: pointer) }
}
