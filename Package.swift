// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Figures",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PCRE2", targets: ["PCRE2"]),
        .library(name: "Figures", targets: ["Figures"]),
        .executable(name: "figures", targets: ["FiguresCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The system library, found by pkg-config. Only the PCRE2 module imports it.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        // The safe wrapper: the only code that touches a PCRE2 pointer.
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        // The domain: articles, numbers and dates, rule tables, claims, checks, reports.
        .target(
            name: "Figures",
            dependencies: ["PCRE2", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/rules")]
        ),
        // The `figures` command.
        .executableTarget(
            name: "FiguresCLI",
            dependencies: ["Figures", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures"]),
    ]
)
