// Persistent worker threads for NeuralNet's parallel passes.
//
// A pass (one matrix product split into bands, an im2col over channels, an Adam update) takes
// 0.05–5 ms; a DCGAN training step runs 61 of them, the MLP's 21. Handing each to libdispatch's
// concurrentPerform wakes a sleeping pool thread every time, which on these VMs starts about
// 60 µs late: the other core idles for that long at every pass, about 5 % of a DCGAN step and
// 15 % of an MLP step.
// These workers instead spin for a short while after each pass before they sleep, as OpenMP's
// do (the runtime PyTorch uses), so a pass that follows soon starts on all cores at once.
// Hand-written because neither library fits: libdispatch has no spin-wait setting, and OpenMP
// through Swift's clang (21) needs LLVM's libomp, whose Debian build (14) lacks entry points that
// clang's code calls (`__kmpc_dispatch_deinit` did not link).
#ifndef GANSCOPE_WORKERS_H
#define GANSCOPE_WORKERS_H

#ifdef __cplusplus
extern "C" {
#endif

/// One iteration of a pass: `context` is the caller's, `index` in [0, iterations).
typedef void (*gs_iteration_fn)(void *context, long index);

/// Runs `body(context, i)` for every i in [0, iterations) on the calling thread and the
/// workers (started as passes need them, at most one fewer than the online cores), each
/// iteration exactly once and on any of them, and returns 1 when all have finished and no
/// worker holds `context` any more. Returns 0 without running anything when the workers are
/// busy with another caller's pass (another queue, or a pass started from inside a pass) or
/// there are none: the caller then runs the pass some other way.
int gs_workers_run(long iterations, gs_iteration_fn body, void *context);

#ifdef __cplusplus
}
#endif

#endif
