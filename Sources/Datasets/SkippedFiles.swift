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
        return "skipped \(count) unusable \(count == 1 ? "file" : "files") in \(folder) (\(examplesText))"
    }

    /// "5 skipped: a.png: not a PNG or JPEG file; …", or nil if none.
    var summary: String? {
        count > 0 ? "\(count) skipped: \(examplesText)" : nil
    }

    /// The examples, "; " between them, and "; …" when there were more.
    private var examplesText: String {
        examples.joined(separator: "; ") + (count > examples.count ? "; …" : "")
    }
}
