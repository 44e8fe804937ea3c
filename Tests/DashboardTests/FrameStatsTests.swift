import Testing
@testable import Dashboard

@Suite struct FrameStatsTests {
    @Test func reportsAveragesPerFrameWithTheirCPUShare() {
        var stats = FrameStats()
        #expect(stats.description == "no frames drawn")
        stats.record(view: 0.002, draw: 0.006, viewCPU: 0.001, drawCPU: 0.0005, size: (240, 70))
        stats.record(view: 0.004, draw: 0.002, viewCPU: 0.002, drawCPU: 0.0015, size: (240, 70))
        #expect(stats.description.hasPrefix(
            "2 frames at 240×70: view 3.0 ms + draw 4.0 ms per frame on average (CPU 1.5 + 1.0 ms), slowest 8.0 ms; "))
    }
}
