// swift-tools-version: 6.0
// ganscope: watch a generative adversarial network learn, live, on the CPU.
import PackageDescription

/// Release builds of the numeric code must be fast; checks stay on in debug builds.
let numericSettings: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

let package = Package(
    name: "ganscope",
    platforms: [.macOS(.v15)],
    products: [.executable(name: "ganscope", targets: ["ganscope"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C interop: each C library is reached through exactly one target.
        .target(name: "CBLAS", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "CKernels",
                cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off", "-fno-math-errno"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        // No pkgConfig: SwiftPM would drop its -D flags with a warning; shim.h sets what it needs.
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),

        .target(name: "Observer", exclude: ["README.md"]),
        .target(name: "NeuralNet",
                dependencies: ["CBLAS", "CKernels", .product(name: "RealModule", package: "swift-numerics")],
                swiftSettings: numericSettings),
        .target(name: "Datasets", dependencies: ["NeuralNet", "CZlib"], exclude: ["README.md"],
                swiftSettings: numericSettings),
        .target(name: "SafeTensors", exclude: ["README.md"]),
        .target(name: "ImageIO", dependencies: ["CPNG"], exclude: ["README.md"]),
        .target(name: "GAN", dependencies: ["NeuralNet", "Observer", "Datasets", "SafeTensors"],
                swiftSettings: numericSettings),
        .target(name: "Metrics", dependencies: ["GAN", "NeuralNet", "Datasets", "SafeTensors"], exclude: ["README.md"],
                swiftSettings: numericSettings),
        .target(name: "TerminalUI", exclude: ["README.md"]),
        .target(name: "Dashboard", dependencies: ["TerminalUI", "GAN", "Metrics", "Observer", "Datasets",
                                                  "NeuralNet", "TOMLKit"], exclude: ["README.md"]),
        .target(name: "CursesBackend", dependencies: ["CNCursesW", "TerminalUI"], exclude: ["README.md"]),
        .executableTarget(name: "ganscope", dependencies: [
            "GAN", "Metrics", "Datasets", "NeuralNet", "SafeTensors", "ImageIO", "Observer",
            "Dashboard", "CursesBackend", "TerminalUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "ObserverTests", dependencies: ["Observer"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "NeuralNet"]),
        .testTarget(name: "SafeTensorsTests", dependencies: ["SafeTensors"]),
        .testTarget(name: "ImageIOTests", dependencies: ["ImageIO"]),
        .testTarget(name: "GANTests", dependencies: ["GAN", "Datasets", "NeuralNet", "Observer", "SafeTensors"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "GAN", "Datasets", "NeuralNet"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "TerminalUI", "GAN", "NeuralNet"],
                    exclude: ["Golden"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TerminalUI"]),
    ],
    swiftLanguageModes: [.v6]
)
