import Foundation

/// The themes available to a run: every readable `*.toml` in the themes folder, the built-in
/// default when the folder has none called `default`, and the problems met on the way.
public struct ThemeCatalog: Sendable, Equatable {
    /// `default` first, then the others by name; never empty.
    public private(set) var themes: [Theme]
    /// One per file that could not be used (named with its key), shown to the user at start.
    public private(set) var problems: [ThemeError]
    /// Where the themes came from, nil when only the built-in default is available.
    public private(set) var folder: String?

    /// The built-in default theme alone.
    public static let builtIn = ThemeCatalog(themes: [.builtInDefault], problems: [], folder: nil)

    public init(themes: [Theme], problems: [ThemeError], folder: String?) {
        let named = Dictionary(themes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var ordered = [named["default"] ?? .builtInDefault]
        ordered += named.values.filter { $0.name != "default" }.sorted { $0.name < $1.name }
        self.themes = ordered
        self.problems = problems
        self.folder = folder
    }

    /// Reads every `*.toml` in `folder`; a malformed file is reported and left out.
    public static func load(folder: String) -> ThemeCatalog {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".toml") }.sorted()
        var themes: [Theme] = [], problems: [ThemeError] = []
        for name in files {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                problems.append(ThemeError(file: path, problem: "cannot be read as UTF-8 text"))
                continue
            }
            do throws(ThemeError) {
                themes.append(try Theme.parse(toml: text, file: path))
            } catch {
                problems.append(error)
            }
        }
        return ThemeCatalog(themes: themes, problems: problems, folder: folder)
    }

    /// The position of the theme called `name`, nil when there is none.
    public func index(named name: String) -> Int? { themes.firstIndex { $0.name == name } }
}
