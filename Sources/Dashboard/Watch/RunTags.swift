import TensorBoard

/// Which scalar of a run goes where: D's and G's losses to the loss panel, D(x) and D(G(z)) to
/// the verdict panel, every other scalar to the metrics list. Losses are guessed from the tag
/// names people use (`loss_D`, `Loss/D`, `d_loss`, `lossD`, `errD`, `loss/discriminator` …)
/// unless `--d-loss` / `--g-loss` name them.
public struct RunTags: Sendable, Equatable {
    public var discriminatorLoss: String?
    public var generatorLoss: String?
    public var realVerdict: String?
    public var fakeVerdict: String?
    /// The rest, sorted.
    public var others: [String]

    public init(run: RunLog, overrides: (discriminator: String?, generator: String?) = (nil, nil)) {
        let tags = run.scalars.keys.sorted()
        discriminatorLoss = overrides.discriminator ?? Self.best(tags) { Self.isLoss($0, of: Self.discriminatorWords) }
        generatorLoss = overrides.generator ?? Self.best(tags) { Self.isLoss($0, of: Self.generatorWords) }
        realVerdict = Self.best(tags) { Self.isRealVerdict($0) }
        fakeVerdict = Self.best(tags) { Self.isFakeVerdict($0) }
        let used = Set([discriminatorLoss, generatorLoss, realVerdict, fakeVerdict].compactMap { $0 })
        others = tags.filter { !used.contains($0) }
    }

    static let lossWords: Set<String> = ["loss", "err", "error", "cost"]
    static let discriminatorWords: Set<String> = ["d", "dis", "disc", "discriminator", "critic", "netd"]
    static let generatorWords: Set<String> = ["g", "gen", "generator", "netg"]

    /// A loss word and a word for this player, and none for the other one.
    static func isLoss(_ words: [String], of player: Set<String>) -> Bool {
        let other = player == discriminatorWords ? generatorWords : discriminatorWords
        return words.contains(where: lossWords.contains) && words.contains(where: player.contains)
            && !words.contains(where: other.contains)
    }

    /// `D(x)`, `D_x`, `D/real`, `verdict/D(x)`.
    static func isRealVerdict(_ words: [String]) -> Bool {
        words.suffix(2) == ["d", "x"] || words.suffix(2) == ["d", "real"]
    }

    /// `D(G(z))`, `D_G_z1`, `D/fake`.
    static func isFakeVerdict(_ words: [String]) -> Bool {
        if words.suffix(2) == ["d", "fake"] { return true }
        guard let d = words.firstIndex(of: "d"), d + 2 < words.count else { return false }
        return words[d + 1] == "g" && words[d + 2].hasPrefix("z")
    }

    /// The matching tag with the fewest words (`loss_D` before `loss_D_real`), then by name.
    private static func best(_ tags: [String], where matches: ([String]) -> Bool) -> String? {
        tags.map { ($0, words(of: $0)) }.filter { matches($0.1) }.min { ($0.1.count, $0.0) < ($1.1.count, $1.0) }?.0
    }

    /// Lowercase words of a tag, split at anything not a letter or digit and where a lowercase
    /// letter meets a capital (`lossD` → loss, d).
    static func words(of tag: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in tag {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            previousWasLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
