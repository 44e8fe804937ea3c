import Foundation
@testable import GAN
import SafeTensors
import Testing

/// A checkpoint's file with `change` applied to its tensors and metadata, decoded as `Format`
/// from "bad.safetensors": nil if it was accepted, else the error, which must be one line that
/// names the file.
func decodeModified<Format: CheckpointFileFormat>(
    _ file: SafeTensorsFile, as format: Format.Type,
    _ change: (inout [Tensor], inout [String: String]) throws -> Void
) throws -> CheckpointError? {
    var tensors = file.tensors
    var metadata = file.metadata
    try change(&tensors, &metadata)
    let bytes = try SafeTensorsFile(tensors: tensors, metadata: metadata).encoded()
    do {
        _ = try Format.decode(bytes, source: "bad.safetensors")
        return nil
    } catch {
        #expect(error.description.hasPrefix("bad.safetensors: "))
        #expect(!error.description.contains("\n"))
        return error
    }
}
