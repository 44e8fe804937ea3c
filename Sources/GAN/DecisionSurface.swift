import NeuralNet

/// D's verdict D(x) over a grid of 2-D points, for drawing its decision surface behind the data.
public struct DecisionSurface: Sendable, Equatable {
    public var step: Int
    public var xRange: ClosedRange<Float>
    public var yRange: ClosedRange<Float>
    public var columns: Int
    public var rows: Int
    /// Probabilities, row-major, row 0 at the top (largest y).
    public var values: [Float]
    /// D* and G's gradient arrows for the same moment, when the trainer made them (2-D runs).
    public var theory: PlaneTheory?

    /// A surface already computed (e.g. one kept by the dashboard's picture history).
    public init(step: Int, xRange: ClosedRange<Float>, yRange: ClosedRange<Float>, columns: Int, rows: Int,
                values: [Float], theory: PlaneTheory? = nil) {
        self.step = step
        self.xRange = xRange
        self.yRange = yRange
        self.columns = columns
        self.rows = rows
        self.values = values
        self.theory = theory
    }

    /// Evaluates `discriminator` (2 inputs) on the centres of a `columns` × `rows` grid.
    public init(step: Int, discriminator: MLP<Float>, xRange: ClosedRange<Float>, yRange: ClosedRange<Float>,
                columns: Int, rows: Int) {
        self.step = step
        self.xRange = xRange
        self.yRange = yRange
        self.columns = columns
        self.rows = rows
        var points = [Float](repeating: 0, count: columns * rows * 2)
        for row in 0..<rows {
            for column in 0..<columns {
                let index = 2 * (row * columns + column)
                points[index] = xRange.lowerBound + (Float(column) + 0.5) / Float(columns)
                    * (xRange.upperBound - xRange.lowerBound)
                points[index + 1] = yRange.upperBound - (Float(row) + 0.5) / Float(rows)
                    * (yRange.upperBound - yRange.lowerBound)
            }
        }
        let logits = points.withUnsafeBufferPointer {
            discriminator.forward($0.baseAddress!, batch: columns * rows)
        }
        values = (0..<(columns * rows)).map { BinaryCrossEntropy.sigmoid(logits[$0]) }
    }
}
