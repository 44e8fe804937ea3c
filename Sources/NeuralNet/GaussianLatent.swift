import RealModule

/// The VAE's Gaussian posterior q(z|x) = N(μ, diag σ²), as the encoder's last linear layer gives
/// it: each row of that layer's output holds 2·L values, μ (the first L) then log σ² (the next L),
/// as PyTorch's `mu, logvar = h.chunk(2, dim=1)` splits them.
///
/// Sampling uses the reparameterisation trick, z = μ + exp(½·log σ²)·ε with ε ~ N(0, I) drawn by
/// the caller from its own random stream, so that z is a differentiable function of the
/// encoder's output and the randomness stays reproducible.
public enum GaussianLatent {
    /// z = μ + exp(½·log σ²)·ε for `batch` rows of `latent` values.
    ///
    /// - Parameters:
    ///   - head: (batch, 2·latent) encoder outputs, μ then log σ² per row.
    ///   - noise: (batch, latent) ε.
    ///   - z: (batch, latent) result.
    @inlinable
    public static func sample<T: BLASScalar>(head: UnsafePointer<T>, noise: UnsafePointer<T>,
                                             z: UnsafeMutablePointer<T>, batch: Int, latent: Int) {
        for row in 0..<batch {
            let mean = head + row * 2 * latent, logVariance = mean + latent
            for j in 0..<latent {
                z[row * latent + j] = mean[j] + T.exp(logVariance[j] / 2) * noise[row * latent + j]
            }
        }
    }

    /// Backpropagates dL/dz through ``sample(head:noise:z:batch:latent:)``: *adds*
    /// dL/dμ = dL/dz and dL/d(log σ²) = dL/dz · ε · ½·exp(½·log σ²) to `headGradient`, so the
    /// KL term's gradient (``klDivergence(head:batch:latent:gradient:gradientScale:)``, which
    /// overwrites) goes in first.
    @inlinable
    public static func sampleBackward<T: BLASScalar>(head: UnsafePointer<T>, noise: UnsafePointer<T>,
                                                     zGradient: UnsafePointer<T>,
                                                     headGradient: UnsafeMutablePointer<T>, batch: Int, latent: Int) {
        for row in 0..<batch {
            let logVariance = head + row * 2 * latent + latent
            let meanGradient = headGradient + row * 2 * latent, logVarianceGradient = meanGradient + latent
            for j in 0..<latent {
                let upstream = zGradient[row * latent + j]
                meanGradient[j] += upstream
                logVarianceGradient[j] += upstream * noise[row * latent + j] * T.exp(logVariance[j] / 2) / 2
            }
        }
    }

    /// KL(q(z|x) ‖ N(0, I)) = −½ Σ_j (1 + log σ²_j − μ_j² − σ²_j) of each row, summed over the
    /// `batch` rows. If `gradient` is given, *writes* dKL/dμ = μ and dKL/d(log σ²) = ½(σ² − 1),
    /// times `gradientScale`, there ((batch, 2·latent), laid out as `head`).
    @inlinable
    public static func klDivergence<T: BLASScalar>(head: UnsafePointer<T>, batch: Int, latent: Int,
                                                   gradient: UnsafeMutablePointer<T>? = nil,
                                                   gradientScale: T = 1) -> T {
        var total: T = 0
        for row in 0..<batch {
            let mean = head + row * 2 * latent, logVariance = mean + latent
            for j in 0..<latent {
                let mu = mean[j], variance = T.exp(logVariance[j])
                total -= (1 + logVariance[j] - mu * mu - variance) / 2
                guard let gradient else { continue }
                gradient[row * 2 * latent + j] = mu * gradientScale
                gradient[row * 2 * latent + latent + j] = (variance - 1) / 2 * gradientScale
            }
        }
        return total
    }
}
