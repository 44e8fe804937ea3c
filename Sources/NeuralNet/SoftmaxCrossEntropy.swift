import RealModule

/// Softmax cross-entropy on logits, for classifiers: ℓ(x, y) = log Σ_j e^{x_j} − x_y, computed
/// with the largest logit subtracted first so that no exponential overflows.
public enum SoftmaxCrossEntropy {
    /// Mean loss over `batch` rows of `classes` logits (row-major) against integer `labels`.
    /// If `gradient` is given, writes dℓ/dx · `gradientScale` there (softmax(x) − onehot(y), scaled).
    @inlinable
    public static func loss<T: BLASScalar>(logits: UnsafePointer<T>, labels: [Int], classes: Int,
                                           gradient: UnsafeMutablePointer<T>? = nil,
                                           gradientScale: T = 1) -> T {
        precondition(classes > 0 && labels.allSatisfy { (0..<classes).contains($0) },
                     "labels must lie in 0..<classes")
        var total: T = 0
        for (row, label) in labels.enumerated() {
            let x = logits + row * classes
            var largest = x[0]
            for j in 1..<classes { largest = Swift.max(largest, x[j]) }
            var sum: T = 0
            for j in 0..<classes { sum += T.exp(x[j] - largest) }
            let logSum = largest + T.log(sum)
            total += logSum - x[label]
            guard let gradient else { continue }
            let g = gradient + row * classes
            for j in 0..<classes {
                let probability = T.exp(x[j] - logSum)
                g[j] = (probability - (j == label ? 1 : 0)) * gradientScale
            }
        }
        return total / T(Swift.max(labels.count, 1))
    }

    /// The index of the largest logit in each of `batch` rows: the predicted classes.
    @inlinable
    public static func predictions<T: BLASScalar>(logits: UnsafePointer<T>, batch: Int, classes: Int) -> [Int] {
        (0..<batch).map { row in
            let x = logits + row * classes
            var best = 0
            for j in 1..<classes where x[j] > x[best] { best = j }
            return best
        }
    }
}
