/// The median of timings: the middle value, or the mean of the two middle values for an even
/// count (so 4 repeats do not report the faster of the middle two); 0 when there are none.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
