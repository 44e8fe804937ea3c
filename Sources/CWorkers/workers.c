// The worker pool of ganscope_workers.h: see there for why it exists.
#define _GNU_SOURCE
#include "ganscope_workers.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>
#include <unistd.h>

/// Long enough to bridge the serial code between two passes of a training step (tens of µs),
/// short enough that a paused or idle program stops using the CPU at once.
enum { SPIN_NANOSECONDS = 200000, WORKER_STACK_BYTES = 8 << 20 };

/// Workers started so far: as many as the widest pass has wanted, at most one fewer than the
/// online cores, so `--threads 2` on a large machine keeps one worker, not one per core.
static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_long worker_count = 0;

/// Guards the job's fields and joining it, and `generation` for sleepers; `wake` is broadcast
/// when a pass opens.
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static struct {
    gs_iteration_fn body;
    void *context;
    long iterations;
    bool open;  // workers may join; false once the caller has found every iteration claimed
} job;

/// Bumped (under `lock`) when a pass opens; spinning workers watch it without the lock.
static atomic_long generation = 0;
static atomic_long next_index = 0;
/// Workers that joined the open pass and have not left it yet; a worker leaves (with release
/// order, so the caller then sees its writes) only when it has finished every iteration it claimed.
static atomic_long participants = 0;
/// Held by the one caller whose pass the workers run.
static atomic_bool busy = false;

static inline void pause_briefly(void) { __builtin_ia32_pause(); }

static long now_nanoseconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

/// Claims and runs iterations until none is left unclaimed.
static void run_iterations(gs_iteration_fn body, void *context, long iterations) {
    for (;;) {
        const long index = atomic_fetch_add_explicit(&next_index, 1, memory_order_relaxed);
        if (index >= iterations) return;
        body(context, index);
    }
}

/// Waits until `generation` moves past `seen`: spinning first, then asleep on `wake`.
static void wait_for_pass(long seen) {
    const long deadline = now_nanoseconds() + SPIN_NANOSECONDS;
    for (unsigned spins = 1;; spins++) {
        if (atomic_load_explicit(&generation, memory_order_acquire) != seen) return;
        pause_briefly();
        if (spins % 64 == 0 && now_nanoseconds() > deadline) break;
    }
    pthread_mutex_lock(&lock);
    while (atomic_load_explicit(&generation, memory_order_relaxed) == seen) pthread_cond_wait(&wake, &lock);
    pthread_mutex_unlock(&lock);
}

static void *worker_main(void *unused) {
    (void)unused;
    long seen = 0;
    for (;;) {
        wait_for_pass(seen);
        // Join under the lock, so the caller cannot close the pass and reuse `context` between
        // our reading the job and counting ourselves in.
        pthread_mutex_lock(&lock);
        seen = atomic_load_explicit(&generation, memory_order_relaxed);
        const bool joined = job.open;
        const gs_iteration_fn body = job.body;
        void *const context = job.context;
        const long iterations = job.iterations;
        if (joined) atomic_fetch_add_explicit(&participants, 1, memory_order_relaxed);
        pthread_mutex_unlock(&lock);
        if (!joined) continue;
        run_iterations(body, context, iterations);
        atomic_fetch_sub_explicit(&participants, 1, memory_order_release);
    }
    return NULL;
}

/// Starts workers until there are `wanted`, at most one fewer than the cores (counted once: the
/// count reads a file in /sys); returns how many there are.
static long start_workers(long wanted) {
    static atomic_long worker_limit = -1;
    long limit = atomic_load_explicit(&worker_limit, memory_order_relaxed);
    if (limit < 0) {
        limit = sysconf(_SC_NPROCESSORS_ONLN) - 1;
        if (limit < 0) limit = 0;
        atomic_store_explicit(&worker_limit, limit, memory_order_relaxed);
    }
    if (wanted > limit) wanted = limit;
    const long running = atomic_load_explicit(&worker_count, memory_order_relaxed);
    if (running >= wanted) return running;
    pthread_mutex_lock(&start_lock);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, WORKER_STACK_BYTES);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    while (atomic_load_explicit(&worker_count, memory_order_relaxed) < wanted) {
        pthread_t thread;
        if (pthread_create(&thread, &attributes, worker_main, NULL) != 0) break;
        atomic_fetch_add_explicit(&worker_count, 1, memory_order_relaxed);
    }
    pthread_attr_destroy(&attributes);
    const long started = atomic_load_explicit(&worker_count, memory_order_relaxed);
    pthread_mutex_unlock(&start_lock);
    return started;
}

int gs_workers_run(long iterations, gs_iteration_fn body, void *context) {
    bool expected = false;
    if (start_workers(iterations - 1) == 0
        || !atomic_compare_exchange_strong_explicit(&busy, &expected, true, memory_order_acquire,
                                                    memory_order_relaxed))
        return 0;
    pthread_mutex_lock(&lock);
    job.body = body;
    job.context = context;
    job.iterations = iterations;
    job.open = true;
    atomic_store_explicit(&next_index, 0, memory_order_relaxed);
    atomic_fetch_add_explicit(&generation, 1, memory_order_release);
    pthread_cond_broadcast(&wake);
    pthread_mutex_unlock(&lock);

    run_iterations(body, context, iterations);
    // Every iteration is claimed now; close the pass to latecomers and wait for the workers
    // that claimed some to leave. After that no worker touches `body` or `context`.
    pthread_mutex_lock(&lock);
    job.open = false;
    pthread_mutex_unlock(&lock);
    for (unsigned spins = 1; atomic_load_explicit(&participants, memory_order_acquire) > 0; spins++) {
        // A worker descheduled in the middle of an iteration: let it have the core.
        if (spins % 1024 == 0) sched_yield(); else pause_briefly();
    }
    atomic_store_explicit(&busy, false, memory_order_release);
    return 1;
}
