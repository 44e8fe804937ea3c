/// Splits rectangles by constraints; a pure function recomputed every frame, so a resize needs
/// no special handling.
public enum Layout {
    /// The axis along which a rectangle is cut.
    public enum Direction: Sendable {
        /// Side by side: the widths are constrained.
        case horizontal
        /// Stacked: the heights are constrained.
        case vertical
    }

    /// How much of the length one part takes.
    public enum Constraint: Sendable, Hashable {
        /// Exactly n cells (less only when the space runs out).
        case fixed(Int)
        /// p percent of the length available after spacing, rounded down.
        case percent(Int)
        /// At least n cells, growing like `fill(1)` when space is left.
        case min(Int)
        /// A share of the leftover space proportional to the weight.
        case fill(Int)
    }

    /// Cuts `rect` into one part per constraint, separated by `spacing` cells.
    ///
    /// Fixed, percent and minimum sizes are granted first, in order, until space runs out; what
    /// remains is shared between `min` and `fill` parts by weight, earlier parts taking the
    /// rounding remainder. The parts always tile the rectangle without overlap.
    public static func split(_ rect: Rect, direction: Direction, constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let length = direction == .horizontal ? rect.width : rect.height
        let gaps = max(spacing, 0) * (constraints.count - 1)
        let available = max(length - gaps, 0)
        let sizes = distribute(available, constraints)
        var parts: [Rect] = []
        var offset = 0
        for size in sizes {
            switch direction {
            case .horizontal: parts.append(Rect(x: rect.x + offset, y: rect.y, width: size, height: rect.height))
            case .vertical: parts.append(Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: size))
            }
            offset = Swift.min(offset + size + max(spacing, 0), length)
        }
        return parts
    }

    private static func distribute(_ available: Int, _ constraints: [Constraint]) -> [Int] {
        var remaining = available
        var sizes = constraints.map { constraint -> Int in
            let wanted: Int
            switch constraint {
            case .fixed(let n), .min(let n): wanted = max(n, 0)
            case .percent(let p): wanted = available * Swift.min(max(p, 0), 100) / 100
            case .fill: wanted = 0
            }
            let granted = Swift.min(wanted, remaining)
            remaining -= granted
            return granted
        }
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .min: return 1
            case .fill(let weight): return max(weight, 0)
            case .fixed, .percent: return 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0, remaining > 0 else { return sizes }
        var handedOut = 0
        for index in sizes.indices {
            let share = remaining * weights[index] / totalWeight
            sizes[index] += share
            handedOut += share
        }
        var leftover = remaining - handedOut
        for index in sizes.indices where leftover > 0 && weights[index] > 0 {
            sizes[index] += 1
            leftover -= 1
        }
        return sizes
    }
}
