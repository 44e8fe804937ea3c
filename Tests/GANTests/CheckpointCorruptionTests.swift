import Foundation
import Testing
@testable import GAN
import SafeTensors

/// Files that are valid safetensors but wrong as checkpoints: one clear error naming the file.
@Suite struct CheckpointCorruptionTests {
    /// The tiny model's checkpoint with `change` applied to its tensors and metadata.
    private func decodeModified(_ change: (inout [Tensor], inout [String: String]) throws -> Void)
        throws -> CheckpointError?
    {
        try GANTests.decodeModified(try Checkpoint(of: Fixtures.tinyGAN(), run: "tiny").safeTensorsFile(),
                                    as: Checkpoint.self, change)
    }

    @Test func foreignFormatAndNewerVersionsAreRefused() throws {
        let foreign = try decodeModified { _, metadata in metadata["format"] = "pt" }
        #expect(foreign == .notACheckpoint(source: "bad.safetensors", format: "pt"))
        let newer = try decodeModified { _, metadata in metadata["format_version"] = "2" }
        #expect(newer == .unsupportedVersion(source: "bad.safetensors", version: "2"))
    }

    @Test func missingExtraAndMisshapenTensorsAreNamed() throws {
        let missing = try decodeModified { tensors, _ in tensors.removeAll { $0.name == "discriminator.2.bias" } }
        #expect(missing == .missingTensor(source: "bad.safetensors", name: "discriminator.2.bias"))
        let extra = try decodeModified { tensors, _ in tensors.append(try Tensor(name: "ema.0.weight", shape: [], values: [1])) }
        #expect(extra == .unexpectedTensor(source: "bad.safetensors", name: "ema.0.weight"))
        let misshapen = try decodeModified { tensors, _ in
            let index = try #require(tensors.firstIndex { $0.name == "generator.0.weight" })
            tensors[index] = try Tensor(name: "generator.0.weight", shape: [2, 4], values: tensors[index].values)
        }
        #expect(misshapen == .shapeMismatch(source: "bad.safetensors", name: "generator.0.weight",
                                            expected: [4, 2], found: [2, 4]))
        let fractionalStep = try decodeModified { tensors, _ in
            let index = try #require(tensors.firstIndex { $0.name == "optimizer.generator.step" })
            tensors[index] = try Tensor(name: "optimizer.generator.step", shape: [], values: [2.5])
        }
        guard case .invalidValue(_, "optimizer.generator.step", _) = fractionalStep else {
            Issue.record("expected invalidValue, got \(String(describing: fractionalStep))")
            return
        }
    }

    @Test func badMetadataIsNamedByKey() throws {
        let cases: [(key: String, value: String?)] = [
            ("config", "{\"batchSize\": 4"),
            ("config", "[]"),
            ("architecture", "{}"),
            ("rng_state", "[0,0,0,0]"),
            ("rng_state", "[1,2,3]"),
            ("step", "-1"),
            ("step", nil),
            ("created", "yesterday"),
            ("last_loss_g", "low"),
        ]
        for (key, value) in cases {
            let error = try decodeModified { _, metadata in metadata[key] = value }
            guard case .invalidMetadata(_, let named, _) = error else {
                Issue.record("\(key)=\(value ?? "nil"): expected invalidMetadata, got \(String(describing: error))")
                continue
            }
            #expect(named == key)
        }
    }

    @Test func contradictionsBetweenConfigAndArchitectureAreRefused() throws {
        let wrongData = try decodeModified { _, metadata in metadata["dataset"] = "faces" }
        #expect(wrongData.map { if case .inconsistent = $0 { true } else { false } } == true)
        let hugeBatch = try decodeModified { _, metadata in
            metadata["config"] = metadata["config"]?.replacingOccurrences(of: "\"batchSize\":4", with: "\"batchSize\":9999999")
        }
        #expect(hugeBatch.map { if case .inconsistent = $0 { true } else { false } } == true)
        let sizes = try decodeModified { _, metadata in
            metadata["architecture"] = metadata["architecture"]?.replacingOccurrences(of: "[2,4,2]", with: "[2,5,2]")
        }
        #expect(sizes.map { if case .shapeMismatch = $0 { true } else { false } } == true)
    }
}
