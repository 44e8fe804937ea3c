/// A fixed-size block of scalars with a stable address, for parameters, gradients and
/// activations: the hot loops work on raw pointers, free of copy-on-write and exclusivity checks.
///
/// `@unchecked Sendable` because it is raw storage, like the pointer it wraps, and it must cross
/// threads in one place: Adam's update hands disjoint ranges of the same buffer to several
/// workers at once. It does no locking of its own; what keeps it safe is its owners. Every type
/// that holds buffers (`MLP`, `Adam`, `GANModel`, …) is not `Sendable`, so the compiler keeps
/// each network on one thread, and the only code that shares a buffer between threads splits
/// it into ranges that do not overlap and waits for the workers before returning.
public final class Buffer<T: BLASScalar>: @unchecked Sendable {
    public let count: Int
    public let pointer: UnsafeMutablePointer<T>

    /// A zero-filled buffer of `count` scalars.
    public init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    public convenience init(_ values: [T]) {
        self.init(count: values.count)
        assign(values)
    }

    deinit { pointer.deallocate() }

    public subscript(index: Int) -> T {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }

    /// The contents as an array (a copy).
    public var array: [T] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    /// Overwrites the contents with `values`, which must have `count` elements.
    public func assign(_ values: [T]) {
        precondition(values.count == count, "buffer holds \(count) values, got \(values.count)")
        for (index, value) in values.enumerated() { pointer[index] = value }
    }

    public func copy(from other: Buffer<T>) {
        precondition(other.count == count)
        pointer.update(from: other.pointer, count: count)
    }

    public func zero() { pointer.update(repeating: 0, count: count) }

    /// `self` if it holds at least `count` scalars, else a new zero-filled buffer that does: for
    /// scratch space that grows with the largest batch seen.
    public func growing(toHold count: Int) -> Buffer<T> {
        count <= self.count ? self : Buffer(count: count)
    }

    /// A new buffer with the same contents.
    public func clone() -> Buffer<T> {
        let copy = Buffer(count: count)
        copy.copy(from: self)
        return copy
    }
}
