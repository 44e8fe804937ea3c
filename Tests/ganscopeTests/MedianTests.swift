import Testing
@testable import ganscope

@Suite struct MedianTests {
    @Test func oddCountIsTheMiddleValue() {
        #expect(median([5, 1, 3]) == 3)
    }

    @Test func evenCountIsTheMeanOfTheMiddleTwo() {
        #expect(median([4, 1, 3, 2]) == 2.5)
        #expect(median([10, 20]) == 15)
    }

    @Test func noValuesGiveZero() {
        #expect(median([]) == 0)
    }
}
