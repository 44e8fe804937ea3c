import RealModule

/// Binary cross-entropy on logits, computed stably:
/// ℓ(x, t) = max(x, 0) − x·t + log(1 + e^{−|x|}), which equals −t·log σ(x) − (1−t)·log(1−σ(x)).
public enum BinaryCrossEntropy {
    /// Mean loss over `count` logits against one target for all (1 = real, 0 = fake).
    /// If `gradient` is given, writes dℓ/dx · `gradientScale` there (σ(x) − t, scaled).
    @inlinable
    public static func loss<T: BLASScalar>(logits: UnsafePointer<T>, count: Int, target: T,
                                           gradient: UnsafeMutablePointer<T>? = nil,
                                           gradientScale: T = 1) -> T {
        var total: T = 0
        for i in 0..<count {
            let x = logits[i]
            total += term(logit: x, target: target)
            if let gradient { gradient[i] = (sigmoid(x) - target) * gradientScale }
        }
        return total / T(count)
    }

    /// Summed loss over `count` logits, each against its own target in [0, 1] (a VAE's pixels).
    /// If `gradient` is given, writes dℓ/dx · `gradientScale` there (σ(x) − t, scaled).
    @inlinable
    public static func sum<T: BLASScalar>(logits: UnsafePointer<T>, targets: UnsafePointer<T>, count: Int,
                                          gradient: UnsafeMutablePointer<T>? = nil,
                                          gradientScale: T = 1) -> T {
        var total: T = 0
        for i in 0..<count {
            let x = logits[i], t = targets[i]
            total += term(logit: x, target: t)
            if let gradient { gradient[i] = (sigmoid(x) - t) * gradientScale }
        }
        return total
    }

    /// ℓ(x, t) for one logit: never exponentiates a positive number, so it cannot overflow.
    @inlinable
    public static func term<T: BLASScalar>(logit x: T, target: T) -> T {
        Swift.max(x, 0) - x * target + T.log(onePlus: T.exp(-Swift.abs(x)))
    }

    /// σ(x), exact (the losses are tiny loops; precision matters more than speed here).
    @inlinable
    public static func sigmoid<T: BLASScalar>(_ x: T) -> T {
        x >= 0 ? 1 / (1 + T.exp(-x)) : T.exp(x) / (1 + T.exp(x))
    }
}
