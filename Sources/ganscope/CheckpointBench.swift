import Dispatch
import Foundation
import GAN
import NeuralNet

/// `ganscope checkpoints --bench`: how long saving and loading a snapshot of the reference model
/// (faces 32×32: G 64-256-512-1024, D 1024-512-256-1, Adam) take on this machine's disk.
struct CheckpointBench {
    let repeats = 11

    func run() throws {
        try BLAS.load()
        var config = TrainingConfig()
        config.threads = 1
        let gan = try GANStep.fresh(config: config,
                                    dataset: BenchCommand.randomImages(count: 64, width: 32, height: 32, seed: 0))
        _ = gan.step()
        let folder = NSTemporaryDirectory() + "ganscope-bench-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = CheckpointFolder(path: folder, run: "bench")

        var saves: [Double] = [], loads: [Double] = []
        var path = ""
        for _ in 0..<repeats {
            saves.append(try Self.milliseconds { path = try store.save(gan) })
            loads.append(try Self.milliseconds { _ = try Checkpoint.load(path: path) })
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(String(format: "snapshot   %@, %.1f MB", gan.model.architecture.summary, Double(size) / 1e6))
        print(String(format: "save       median %.1f ms (max %.1f) — encode, write, fsync, rename", median(saves),
                     saves.max() ?? 0))
        print(String(format: "load       median %.1f ms (max %.1f) — read, validate, decode", median(loads),
                     loads.max() ?? 0))
    }

    private static func milliseconds(_ work: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
}
