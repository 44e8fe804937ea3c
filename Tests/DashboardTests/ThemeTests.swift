import Foundation
import TerminalUI
import Testing
@testable import Dashboard

@Suite struct ThemeTests {
    /// The repository's `themes/` folder.
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

    private let valid = """
        description = "test"
        [colors]
        background = "default"
        text = 252
        border = 240
        g_line = 214
        d_line = 39
        real = 78
        fake = 204
        [ramps]
        image = [16, 231]
        """

    @Test func parsesAValidThemeWithDefaultsForOptionalRoles() throws {
        let theme = try Theme.parse(toml: valid, file: "themes/test.toml")
        #expect(theme.name == "test")
        #expect(theme.background == .default)
        #expect(theme.generatorLine == .indexed(214))
        #expect(theme.muted == theme.border)
        #expect(theme.accent == theme.text)
        #expect(theme.imageRamp == ColorRamp(indices: [16, 231]))
        #expect(theme.surfaceRamp == theme.imageRamp)
        #expect(!theme.monochrome)
    }

    @Test func everyShippedThemeParses() throws {
        let catalog = ThemeCatalog.load(folder: Self.themesFolder)
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        let names = catalog.themes.map(\.name)
        #expect(names.first == "default")
        for name in ["light", "mono", "phosphor"] { #expect(names.contains(name)) }
        #expect(catalog.themes.first { $0.name == "mono" }?.monochrome == true)
    }

    @Test func builtInDefaultMatchesTheFile() throws {
        let path = Self.themesFolder + "/default.toml"
        let theme = try Theme.parse(toml: try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(theme == .builtInDefault)
    }

    @Test(arguments: [
        ("g_line = 214", "g_line = 300", "colors.g_line"),
        ("g_line = 214", "g_line = \"orange\"", "colors.g_line"),
        ("g_line = 214\n", "", "colors.g_line"),
        ("g_line = 214", "g_line = 214\ng_lnie = 3", "colors.g_lnie"),
        ("image = [16, 231]", "image = [16, -1]", "ramps.image[1]"),
        ("image = [16, 231]", "image = [16]", "ramps.image"),
        ("[ramps]\nimage = [16, 231]", "", "ramps"),
    ])
    func malformedThemesNameFileAndKey(original: String, replacement: String, key: String) {
        let text = valid.replacingOccurrences(of: original, with: replacement)
        do {
            _ = try Theme.parse(toml: text, file: "themes/bad.toml")
            Issue.record("accepted a malformed theme")
        } catch {
            #expect(error.file == "themes/bad.toml")
            #expect(error.key == key)
            #expect(error.description.hasPrefix("themes/bad.toml: \(key): "))
        }
    }

    @Test func invalidTomlNamesTheFileAndLine() {
        do {
            _ = try Theme.parse(toml: "[colors\ntext = 1", file: "themes/broken.toml")
            Issue.record("parsed invalid TOML")
        } catch {
            #expect(error.key == nil)
            #expect(error.description.hasPrefix("themes/broken.toml: not valid TOML at line 1"))
        }
    }

    @Test func catalogSkipsBrokenFilesAndFallsBackToTheBuiltInDefault() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ganscope-themes-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try valid.replacingOccurrences(of: "g_line = 214", with: "g_line = true")
            .write(toFile: folder + "/default.toml", atomically: true, encoding: .utf8)
        try valid.write(toFile: folder + "/calm.toml", atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog.load(folder: folder)
        #expect(catalog.themes.map(\.name) == ["default", "calm"])
        #expect(catalog.themes[0] == .builtInDefault)
        #expect(catalog.problems.map(\.key) == ["colors.g_line"])
        let state = AppState(mode: .training, themes: catalog)
        #expect(state.currentNotice?.text.contains("default.toml: colors.g_line") == true)
    }

    @Test func locatorPrefersTheExplicitFolderThenTheCurrentOneThenTheExecutables() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ganscope-locate-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/checkout/themes", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/checkout/.build/release", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        let executable = root + "/checkout/.build/release/ganscope"
        #expect(ThemeLocator.folder(explicit: "/x", currentDirectory: root, executable: executable) == "/x")
        #expect(ThemeLocator.folder(explicit: nil, currentDirectory: root + "/checkout", executable: nil)
                == root + "/checkout/themes")
        #expect(ThemeLocator.folder(explicit: nil, currentDirectory: root + "/elsewhere", executable: executable)
                == root + "/checkout/themes")
        #expect(ThemeLocator.folder(explicit: nil, currentDirectory: root + "/elsewhere", executable: "/usr/bin/ganscope")
                == nil)
    }
}
