import Foundation
@testable import GAN
import Randomness
import SafeTensors
import Testing

/// Loading any of 10,000 corruptions of a real checkpoint either succeeds (and the loaded
/// generator runs) or throws `CheckpointError`: never traps. Seeded, so a failure reproduces.
@Suite struct CheckpointMutationTests {
    @Test func tenThousandMutationsNeverCrash() throws {
        let checkpoint = Checkpoint(of: try Fixtures.tinyGAN(), run: "tiny")
        let file = try checkpoint.safeTensorsFile()
        let valid = file.encoded()
        var random = SeededRNG(seed: 0xC4EC_4B01)
        var loaded = 0
        var rejected = 0
        for round in 0..<10_000 {
            let bytes = round % 2 == 0
                ? mutateBytes(valid, using: &random)
                : try mutateContent(file, using: &random).encoded()
            do {
                let result = try Checkpoint.decode(bytes, source: "mutant.safetensors")
                let generator = result.generator.makeNetwork()
                _ = generator.forward(result.fixedNoise, batch: result.info.config.sampleCount)
                loaded += 1
            } catch {
                #expect(error.description.contains("mutant.safetensors"))
                rejected += 1
            }
        }
        #expect(loaded + rejected == 10_000)
        #expect(rejected > 5_000)
        #expect(loaded > 0)
        print("checkpoint mutation test: \(loaded) loaded, \(rejected) rejected")
    }

    /// Random damage to the raw bytes: flips, truncation, junk, digits and punctuation in the header.
    private func mutateBytes(_ original: [UInt8], using random: inout SeededRNG) -> [UInt8] {
        var bytes = original
        let headerEnd = 8 + Int(bytes[0]) + 256 * Int(bytes[1])
        let headerRange = 8..<headerEnd
        switch random.index(below: 5) {
        case 0:
            for _ in 0...random.index(below: 4) {
                bytes[random.index(below: bytes.count)] ^= UInt8(1 + random.index(below: 255))
            }
        case 1:
            bytes.removeLast(1 + random.index(below: bytes.count))
        case 2:
            bytes += (0..<(1 + random.index(below: 16))).map { _ in UInt8(random.index(below: 256)) }
        case 3:
            let digits = headerRange.filter { (48...57).contains(bytes[$0]) }
            if !digits.isEmpty { bytes[digits[random.index(below: digits.count)]] = UInt8(48 + random.index(below: 10)) }
        default:
            let punctuation = Array("{}[],:\"\\-.e 0".utf8)
            bytes[headerRange.lowerBound + random.index(below: headerRange.count)] =
                punctuation[random.index(below: punctuation.count)]
        }
        return bytes
    }

    /// Damage that keeps the file valid safetensors, so it reaches the checkpoint checks:
    /// metadata values edited, dropped or replaced; tensors dropped, added, reshaped or renamed.
    private func mutateContent(_ file: SafeTensorsFile, using random: inout SeededRNG) throws -> SafeTensorsFile {
        var tensors = file.tensors
        var metadata = file.metadata
        let keys = metadata.keys.sorted()
        let key = keys[random.index(below: keys.count)]
        let replacements = ["", "0", "-1", "1e400", "nan", "[]", "{}", "null", "\"x\"", "[1,2,3,4]",
                            "18446744073709551616", "9223372036854775807", "2", "faces", "0.5"]
        switch random.index(below: 7) {
        case 0:  // change one character of a value (JSON numbers and names included)
            var characters = Array(metadata[key] ?? "")
            if !characters.isEmpty {
                let pool = Array("0123456789-.,:[]{}\"eE aZ")
                characters[random.index(below: characters.count)] = pool[random.index(below: pool.count)]
            }
            metadata[key] = String(characters)
        case 1:
            metadata[key] = replacements[random.index(below: replacements.count)]
        case 2:
            metadata[key] = nil
        case 3:
            tensors.remove(at: random.index(below: tensors.count))
        case 4:  // reshape a tensor keeping its values
            let index = random.index(below: tensors.count)
            let tensor = tensors[index]
            let shape = tensor.shape.count == 2 ? [tensor.shape[1], tensor.shape[0]] : [tensor.values.count, 1]
            tensors[index] = try Tensor(name: tensor.name, shape: shape, values: tensor.values)
        case 5:  // rename a tensor
            let index = random.index(below: tensors.count)
            let tensor = tensors[index]
            tensors[index] = try Tensor(name: tensor.name + "x", shape: tensor.shape, values: tensor.values)
        default:  // put a number from the list into the config or architecture JSON
            for target in ["config", "architecture"] where random.index(below: 2) == 0 {
                guard let text = metadata[target] else { continue }
                let numbers = text.ranges(of: /-?[0-9]+(\.[0-9]+)?/)
                guard !numbers.isEmpty else { continue }
                var edited = text
                edited.replaceSubrange(numbers[random.index(below: numbers.count)],
                                       with: replacements[random.index(below: replacements.count)])
                metadata[target] = edited
            }
        }
        return try SafeTensorsFile(tensors: tensors, metadata: metadata)
    }
}
