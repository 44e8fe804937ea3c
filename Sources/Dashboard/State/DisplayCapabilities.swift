import TerminalUI

/// What the terminal can show, decided once by the runtime from the backend.
public struct DisplayCapabilities: Sendable, Equatable {
    public var depth: ColorDepth
    public var glyphs: Glyphs

    public init(depth: ColorDepth, glyphs: Glyphs) {
        self.depth = depth
        self.glyphs = glyphs
    }

    /// 256 colours and Unicode: the usual modern terminal, and the tests' default.
    public static let full = DisplayCapabilities(depth: .colors256, glyphs: .unicode)
}
