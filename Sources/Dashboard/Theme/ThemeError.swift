/// Why a theme file was not used: the file, the key when one is to blame, and what is wrong.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// A dotted key such as `colors.g_line`; nil when the file as a whole is at fault.
    public var key: String?
    public var problem: String

    public init(file: String, key: String? = nil, problem: String) {
        self.file = file
        self.key = key
        self.problem = problem
    }

    public var description: String {
        "\(file): " + (key.map { "\($0): " } ?? "") + problem
    }
}
