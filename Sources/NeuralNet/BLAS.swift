import CBLAS

/// The BLAS library behind every matrix product, loaded with the fastest kernel for this CPU.
public enum BLAS {
    /// Loads the library (once). Throws with a message a user can act on if none is installed.
    public static func load() throws(BLASError) {
        if let message = gs_blas_load() { throw BLASError(message: String(cString: message)) }
    }

    /// The shared object that was loaded, e.g. "libopenblas.so.0".
    public static var library: String { String(cString: gs_blas_library()) }

    /// The compute kernel in use, e.g. "SkylakeX" (OpenBLAS's name for its AVX-512 kernel).
    public static var kernel: String { String(cString: gs_blas_corename()) }

    /// The kernel ganscope requested for this CPU, or nil if the user's OPENBLAS_CORETYPE was kept.
    public static var requestedKernel: String? {
        let name = String(cString: gs_blas_requested_core())
        return name.isEmpty ? nil : name
    }

    /// Threads one matrix product may be split across (``MatrixProduct``), and im2col/col2im:
    /// ganscope's own workers, each calling the library single-threaded.
    public static var threads: Int {
        get { Int(gs_blas_threads()) }
        set { gs_blas_set_threads(Int32(max(1, newValue))) }
    }
}

/// The BLAS library could not be loaded.
public struct BLASError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
