extension StringProtocol {
    /// The number of terminal columns the string takes when drawn on one line.
    public var terminalWidth: Int { reduce(0) { $0 + $1.terminalWidth } }
}
