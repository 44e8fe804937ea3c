import Foundation

/// Finds the themes folder so the program works from anywhere.
///
/// In order: the folder given with `--themes-dir`; `./themes`; a `themes/` folder in the
/// executable's folder or any folder above it (a checkout's `.build/release/ganscope` finds the
/// checkout's `themes/`); otherwise nil, and the caller uses the built-in default theme.
public enum ThemeLocator {
    public static func folder(explicit: String?, currentDirectory: String = FileManager.default.currentDirectoryPath,
                              executable: String? = Self.executablePath()) -> String? {
        if let explicit { return explicit }
        let local = (currentDirectory as NSString).appendingPathComponent("themes")
        if isFolder(local) { return local }
        guard let executable else { return nil }
        var folder = (executable as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            let candidate = (folder as NSString).appendingPathComponent("themes")
            if isFolder(candidate) { return candidate }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder { break }
            folder = parent
        }
        return nil
    }

    /// This process's executable with symbolic links resolved.
    public static func executablePath() -> String? {
        Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
