import ArgumentParser

/// How the dashboard looks: the theme and where themes live.
struct DisplayOptions: ParsableArguments {
    @Option(help: "Dashboard theme: a file name in the themes folder without .toml (default, light, mono, phosphor, solarized).")
    var theme: String?

    @Option(name: .customLong("themes-dir"),
            help: "Folder of theme files (default: ./themes, else the themes folder next to the program).")
    var themesDirectory: String?
}
