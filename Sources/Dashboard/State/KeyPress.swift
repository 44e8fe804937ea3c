/// A key as the dashboard understands it; the runtime translates the backend's keys into these,
/// so this module needs no terminal library.
public enum KeyPress: Hashable, Sendable {
    case char(Character)
    case left, right, up, down
    case tab, backTab, enter, escape
    /// Ctrl-C when it arrives as a key rather than a signal.
    case interrupt
}
