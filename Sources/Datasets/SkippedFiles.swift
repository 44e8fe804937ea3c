/// The files of a folder that could not be used, reported as one warning.
public struct SkippedFiles: Sendable, Equatable {
    /// How many files were skipped.
    public let count: Int
    /// The first few, relative to the folder, with why each was skipped.
    public let examples: [String]

    /// How many skipped files the warning names.
    static let shownCount = 3

    init(count: Int, examples: [String]) {
        self.count = count
        self.examples = Array(examples.prefix(Self.shownCount))
    }

    /// "skipped 5 unusable files in /pics (a.png: not a PNG or JPEG file; …)", or nil if none.
    func warning(folder: String) -> String? {
        guard count > 0 else { return nil }
        let more = count > examples.count ? "; …" : ""
        let noun = count == 1 ? "file" : "files"
        return "skipped \(count) unusable \(noun) in \(folder) (\(examples.joined(separator: "; "))\(more))"
    }
}
