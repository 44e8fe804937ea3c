// swift-tools-version: 6.0
// ganscope: watch a generative adversarial network learn, live, on the CPU.
import PackageDescription

/// Release builds of the numeric code must be fast; checks stay on in debug builds
/// (docs/ARCHITECTURE.md says why `-Ounchecked` is safe here).
let numericSettings: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

let package = Package(
    name: "ganscope",
    // Supported platform: Linux on x86-64 only. The BLAS loader dlopens OpenBLAS's `.so` files,
    // and the C kernels use x86-64 CPU detection and `target_clones` (GNU ifuncs). SwiftPM cannot
    // name Linux as a platform (`platforms` only sets Apple deployment minimums), so none is listed
    // rather than an Apple platform the package does not build on.
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
        .target(name: "CWorkers", cSettings: [.unsafeFlags(["-O2"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),
        .systemLibrary(name: "CExif", pkgConfig: "libexif", providers: [.apt(["libexif-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3", providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // No pkgConfig: SwiftPM would drop its -D flags with a warning; shim.h sets what it needs.
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CMalloc"),

        .target(name: "Observer", exclude: ["README.md"]),
        .target(name: "Randomness", dependencies: [.product(name: "RealModule", package: "swift-numerics")],
                exclude: ["README.md"], swiftSettings: numericSettings),
        .target(name: "NeuralNet",
                dependencies: ["CBLAS", "CKernels", "CWorkers", "Randomness",
                                               .product(name: "RealModule", package: "swift-numerics")],
                exclude: ["README.md"], swiftSettings: numericSettings),
        .target(name: "Datasets", dependencies: ["Randomness", "CZlib", "ImageIO"], exclude: ["README.md"],
                swiftSettings: numericSettings),
        .target(name: "SafeTensors", exclude: ["README.md"]),
        .target(name: "ImageIO", dependencies: ["CPNG", "CJPEG", "CExif", "CZlib"], exclude: ["README.md"]),
        .target(name: "TensorBoard", exclude: ["README.md"]),
        .target(name: "GAN", dependencies: ["NeuralNet", "Randomness", "Observer", "Datasets", "SafeTensors"],
                exclude: ["README.md"], swiftSettings: numericSettings),
        .target(name: "Metrics", dependencies: ["GAN", "NeuralNet", "Randomness", "Datasets", "SafeTensors", "CFFTW",
                                               .product(name: "RealModule", package: "swift-numerics")],
                exclude: ["README.md"],
                swiftSettings: numericSettings),
        .target(name: "TerminalUI", exclude: ["README.md"]),
        .target(name: "Dashboard", dependencies: ["TerminalUI", "GAN", "Observer", "Datasets", "NeuralNet", "TensorBoard",
                                                  "Randomness", "TOMLKit"], exclude: ["README.md"]),
        .target(name: "CursesBackend", dependencies: ["CNCursesW", "TerminalUI"], exclude: ["README.md"]),
        .executableTarget(name: "ganscope", dependencies: [
            "GAN", "Metrics", "Datasets", "NeuralNet", "Randomness", "SafeTensors", "ImageIO", "Observer",
            "Dashboard", "CursesBackend", "TerminalUI", "CMalloc", "TensorBoard", "CCrypto",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Helpers shared by the test suites: gradient checks, the BLAS thread pin, bounded waits.
        .target(name: "TestSupport", dependencies: ["NeuralNet", "Randomness"], path: "Tests/TestSupport"),
        .testTarget(name: "ObserverTests", dependencies: ["Observer"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet", "Randomness", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "ImageIO", "TestSupport"]),
        .testTarget(name: "SafeTensorsTests", dependencies: ["SafeTensors"]),
        .testTarget(name: "ImageIOTests", dependencies: ["ImageIO"], exclude: ["Fixtures"]),
        .testTarget(name: "TensorBoardTests", dependencies: ["TensorBoard", "Randomness", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GANTests", dependencies: ["GAN", "Datasets", "NeuralNet", "Randomness", "Observer",
                                                    "SafeTensors", "TestSupport"],
                    resources: [.copy("ForeignGenerators")]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "GAN", "Datasets", "NeuralNet", "Randomness",
                                                        "SafeTensors", "TestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "TerminalUI", "GAN", "Datasets", "NeuralNet", "TensorBoard",
                                                          "Randomness", "SafeTensors", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TerminalUI"]),
        // The command line itself: option ranges, usage errors, what a run leaves behind.
        .testTarget(name: "ganscopeTests", dependencies: [
            "ganscope", "GAN", "Dashboard", "Datasets", "ImageIO", "TerminalUI", "TestSupport", "TensorBoard", "NeuralNet",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
