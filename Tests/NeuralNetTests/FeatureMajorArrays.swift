import NeuralNet

/// The layers take image batches feature-major (``FeatureMajor``); references, hand-worked
/// examples and PyTorch's fixtures are batch-major NCHW. These convert between the two.
enum FeatureMajorArrays {
    static func fromBatchMajor<T: BLASScalar>(_ values: [T], batch: Int) -> [T] {
        convert(values, batch: batch, FeatureMajor.fromBatchMajor)
    }

    static func toBatchMajor<T: BLASScalar>(_ values: [T], batch: Int) -> [T] {
        convert(values, batch: batch, FeatureMajor.toBatchMajor)
    }

    private static func convert<T: BLASScalar>(
        _ values: [T], batch: Int,
        _ transpose: (UnsafePointer<T>, UnsafeMutablePointer<T>, Int, Int) -> Void
    ) -> [T] {
        precondition(values.count % batch == 0, "\(values.count) values are not \(batch) samples")
        let source = Buffer<T>(values), target = Buffer<T>(count: values.count)
        transpose(source.pointer, target.pointer, batch, values.count / batch)
        return target.array
    }
}
