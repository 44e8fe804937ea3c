"""Runs `ganscope watch --inspect` on damaged copies of a real PyTorch event file: the file cut
at every byte offset of its last record, and N random mutations (default 10,000). Each run must
end by itself within the time limit with status 0 or 1 (no signal, no crash), and every problem
line must name the damaged file.

    swift build
    python3 Tests/Interop/fuzz_inspect.py .build/debug/ganscope [N]

Uses Tests/TensorBoardTests/Fixtures/scalars (written by make_tfevents.py). Prints counts of
runs, problems reported and statuses; exits 1 on the first failure.
"""
import os
import random
import subprocess
import sys
import tempfile

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "TensorBoardTests", "Fixtures", "scalars",
                       "events.out.tfevents.scalars")


def records_start(data):
    """Offsets where records start (the framing's lengths, checksums not checked)."""
    offsets, at = [], 0
    while at + 12 <= len(data):
        offsets.append(at)
        at += 12 + int.from_bytes(data[at:at + 8], "little") + 4
    return offsets


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not data:
            break
        at = rng.randrange(len(data))
        kind = rng.randrange(4)
        if kind == 0:
            data[at] = rng.randrange(256)
        elif kind == 1:
            data.insert(at, rng.randrange(256))
        elif kind == 2:
            del data[at]
        else:
            del data[len(data) - rng.randrange(min(len(data), 64)):]
    return bytes(data)


def inspect(binary, folder, path, data, stats):
    with open(path, "wb") as f:
        f.write(data)
    try:
        done = subprocess.run([binary, "watch", "--inspect", folder], capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        sys.exit(f"hang: {len(data)} bytes")
    if done.returncode not in (0, 1):
        with open("/tmp/fuzz_inspect_failure", "wb") as f:
            f.write(data)
        sys.exit(f"status {done.returncode} (saved the input to /tmp/fuzz_inspect_failure): {done.stderr[-300:]}")
    problems = [line for line in done.stdout.splitlines() if line.startswith("problem:")]
    if any(path not in line for line in problems):
        sys.exit(f"a problem line does not name the file: {problems}")
    stats["runs"] += 1
    stats["named"] += bool(problems)
    stats[f"status {done.returncode}"] = stats.get(f"status {done.returncode}", 0) + 1


def main():
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    with open(FIXTURE, "rb") as f:
        original = f.read()
    stats = {"runs": 0, "named": 0}
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "events.out.tfevents.fuzz")
        last = records_start(original)[-1]
        for length in range(last, len(original)):
            inspect(binary, folder, path, original[:length], stats)
        print("truncations:", stats)
        rng = random.Random(10)
        stats = {"runs": 0, "named": 0}
        for _ in range(count):
            inspect(binary, folder, path, mutate(original, rng), stats)
        print("mutations:", stats)


if __name__ == "__main__":
    main()
