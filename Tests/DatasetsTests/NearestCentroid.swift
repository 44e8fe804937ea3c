import Datasets

/// A nearest-class-mean classifier: the simplest check that labels are learnable from pixels.
struct NearestCentroid {
    let centroids: [[Float]]

    init(training data: Dataset) {
        let classCount = data.classNames?.count ?? 0
        var sums = [[Float]](repeating: [Float](repeating: 0, count: data.featureCount), count: classCount)
        var counts = [Int](repeating: 0, count: classCount)
        for (index, label) in (data.labels ?? []).enumerated() {
            for (k, value) in data.sample(at: index).enumerated() { sums[label][k] += value }
            counts[label] += 1
        }
        centroids = zip(sums, counts).map { sum, count in sum.map { $0 / Float(max(count, 1)) } }
    }

    func predict(_ sample: ArraySlice<Float>) -> Int {
        let distances = centroids.map { centroid in
            zip(centroid, sample).reduce(Float(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
        return distances.indices.min { distances[$0] < distances[$1] } ?? 0
    }

    /// The share of `data` classified correctly.
    func accuracy(on data: Dataset) -> Double {
        let labels = data.labels ?? []
        let correct = labels.indices.filter { predict(data.sample(at: $0)) == labels[$0] }.count
        return Double(correct) / Double(max(labels.count, 1))
    }
}
