import TerminalUI
import TOMLKit

extension Theme {
    /// Reads a theme from TOML text; `file` names it in errors and its stem names the theme.
    ///
    /// ```toml
    /// description = "dark background, light text"
    /// monochrome = false            # true: no colour at all, shading by characters
    /// [colors]                      # xterm-256 indices, or "default" for the terminal's own
    /// background = "default"
    /// text = 252
    /// muted = 244                   # optional (border)
    /// border = 240
    /// accent = 45                   # optional (text)
    /// g_line = 214
    /// d_line = 39
    /// real = 78
    /// fake = 204
    /// warning = 220                 # optional (yellow)
    /// [ramps]
    /// image = [16, 232, 233, …]     # dark to light, at least 2 entries
    /// surface = [52, 88, …]         # optional (image)
    /// ```
    /// Unknown keys are errors, so a misspelt role does not silently keep its default.
    public static func parse(toml text: String, file: String) throws(ThemeError) -> Theme {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, problem: "not valid TOML at line \(error.source.begin.line): \(error.description)")
        } catch {
            throw ThemeError(file: file, problem: "not valid TOML: \(error)")
        }
        let reader = ThemeReader(file: file)
        try reader.rejectUnknown(in: root, prefix: "", allowed: ["description", "monochrome", "colors", "ramps"])
        let colors = try reader.table(root, "colors")
        let ramps = try reader.table(root, "ramps")
        try reader.rejectUnknown(in: colors, prefix: "colors.", allowed: [
            "background", "text", "muted", "border", "accent", "g_line", "d_line", "real", "fake", "warning"])
        try reader.rejectUnknown(in: ramps, prefix: "ramps.", allowed: ["image", "surface"])
        let border = try reader.color(colors, "border")
        let text = try reader.color(colors, "text")
        let imageRamp = try reader.ramp(ramps, "image")
        return Theme(
            name: ThemeReader.stem(of: file), monochrome: try reader.bool(root, "monochrome") ?? false,
            background: try reader.color(colors, "background"), text: text,
            muted: try reader.optionalColor(colors, "muted") ?? border, border: border,
            accent: try reader.optionalColor(colors, "accent") ?? text,
            generatorLine: try reader.color(colors, "g_line"), discriminatorLine: try reader.color(colors, "d_line"),
            real: try reader.color(colors, "real"), fake: try reader.color(colors, "fake"),
            warning: try reader.optionalColor(colors, "warning") ?? .yellow,
            imageRamp: imageRamp, surfaceRamp: try reader.optionalRamp(ramps, "surface") ?? imageRamp)
    }
}

/// Typed lookups in a theme's TOML tables that report the file and the dotted key on failure.
struct ThemeReader {
    let file: String

    /// The file name without folders and extension: `themes/light.toml` → `light`.
    static func stem(of file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return name.hasSuffix(".toml") ? String(name.dropLast(5)) : name
    }

    func table(_ parent: TOMLTable, _ key: String) throws(ThemeError) -> TOMLTable {
        guard let value = parent[key] else { throw ThemeError(file: file, key: key, problem: "missing table [\(key)]") }
        guard let table = value.table else { throw mismatch(key, expected: "a table", found: value) }
        return table
    }

    func bool(_ table: TOMLTable, _ key: String) throws(ThemeError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else { throw mismatch(key, expected: "true or false", found: value) }
        return bool
    }

    func color(_ table: TOMLTable, _ key: String) throws(ThemeError) -> Color {
        try required(optionalColor(table, key), "colors." + key, hint: "a colour index 0–255 or \"default\"")
    }

    func optionalColor(_ table: TOMLTable, _ key: String) throws(ThemeError) -> Color? {
        guard let value = table[key] else { return nil }
        if value.string == "default" { return .default }
        guard let index = value.int, (0...255).contains(index) else {
            throw mismatch("colors." + key, expected: "a colour index 0–255 or \"default\"", found: value)
        }
        return .indexed(UInt8(index))
    }

    func ramp(_ table: TOMLTable, _ key: String) throws(ThemeError) -> ColorRamp {
        try required(optionalRamp(table, key), "ramps." + key, hint: "a list of colour indices, dark to light")
    }

    /// The value of a key that must be there.
    private func required<Value>(_ value: Value?, _ key: String, hint: String) throws(ThemeError) -> Value {
        guard let value else { throw ThemeError(file: file, key: key, problem: "missing; give \(hint)") }
        return value
    }

    func optionalRamp(_ table: TOMLTable, _ key: String) throws(ThemeError) -> ColorRamp? {
        guard let value = table[key] else { return nil }
        let path = "ramps." + key
        guard let array = value.array else { throw mismatch(path, expected: "a list of colour indices", found: value) }
        var indices: [UInt8] = []
        for (position, element) in array.enumerated() {
            guard let index = element.int, (0...255).contains(index) else {
                throw mismatch("\(path)[\(position)]", expected: "a colour index 0–255", found: element)
            }
            indices.append(UInt8(index))
        }
        guard indices.count >= 2 else { throw ThemeError(file: file, key: path, problem: "needs at least 2 colours") }
        return ColorRamp(indices: indices)
    }

    func rejectUnknown(in table: TOMLTable, prefix: String, allowed: Set<String>) throws(ThemeError) {
        if let unknown = table.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw ThemeError(file: file, key: prefix + unknown,
                             problem: "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    private func mismatch(_ key: String, expected: String, found: TOMLValueConvertible) -> ThemeError {
        ThemeError(file: file, key: key, problem: "expected \(expected), found \(found.type) \(found.debugDescription)")
    }
}
