import Testing
@testable import TerminalUI

@Suite struct ClockDurationTests {
    @Test func minutesThenHours() {
        #expect(ClockDuration.text(0) == "0:00")
        #expect(ClockDuration.text(59.9) == "0:59")
        #expect(ClockDuration.text(61) == "1:01")
        #expect(ClockDuration.text(3_599) == "59:59")
        #expect(ClockDuration.text(3_600) == "1:00:00")
        #expect(ClockDuration.text(100 * 3_600 + 5) == "100:00:05")
    }

    @Test func noFigureForWhatNoClockShows() {
        #expect(ClockDuration.text(-3) == "0:00")
        #expect(ClockDuration.text(.infinity) == "--:--")
        #expect(ClockDuration.text(.nan) == "--:--")
        #expect(ClockDuration.text(1e300) == "--:--")
    }
}
