import CMalloc

/// How ganscope asks glibc's allocator to give memory back.
///
/// glibc serves blocks above its mmap threshold straight from the system and unmaps them when
/// freed, but it raises that threshold to the size of every such block freed (up to 32 MB). After
/// the first evaluation (megabytes of generated samples and activations) later blocks of that
/// size come from the heap instead, whose free space is rarely returned, and a headless run sat
/// 35 MB higher for good. A fixed threshold keeps returning them.
enum AllocatorTuning {
    /// Blocks of at least this size come from the system and go back when freed: 256 KB puts
    /// the networks' weight and activation buffers there, and left 2.5 MB less resident than 1 MB
    /// in a headless run on faces.
    static let mmapThreshold: Int32 = 1 << 18

    static func apply() {
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
    }

    /// Hands free pages inside the allocator's arenas back to the system: after work that
    /// allocates and frees many mid-sized blocks on one thread (an evaluation, the metrics'
    /// setup), the holes stay resident otherwise (about 4 MB after each evaluation of faces).
    static func releaseFreeMemory() {
        _ = malloc_trim(0)
    }
}
