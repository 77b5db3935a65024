// swift-tools-version:6.1
// The benchmarks live in their own package so that the root package builds without
// package-benchmark (see STYLE.md on swift-nio). Run them from this folder:
//   swift package benchmark            every target
//   ./compare.sh                       Figures against the baselines, side by side, in one run
import PackageDescription

let benchmark: Target.Dependency = .product(name: "Benchmark", package: "benchmark")
let plugin: Target.PluginUsage = .plugin(name: "BenchmarkPlugin", package: "benchmark")

let package = Package(
    name: "FiguresBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The root package, by path; named, because a path package's identity is its folder's name.
        .package(name: "Figures", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The corpus fixture, the rule patterns for the baselines, and the engines measured.
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "Figures", package: "Figures"), .product(name: "PCRE2", package: "Figures")]
        ),
        // What every package-benchmark target reports (kept out of `compare`, which must not
        // link the malloc interposer).
        .target(name: "BenchmarkHarness", dependencies: ["BenchmarkSupport", benchmark]),
        // Figures against NSRegularExpression, naive PCRE2, Recognizers-Text and memchr (compare.sh).
        .executableTarget(name: "compare", dependencies: ["BenchmarkSupport"]),
        // One engine over the corpus, for callgrind or perf.
        .executableTarget(name: "profile", dependencies: ["BenchmarkSupport"]),

        // package-benchmark targets: one per thing measured.
        .executableTarget(name: "PCRE2Benchmarks", dependencies: ["BenchmarkHarness", "BenchmarkSupport", benchmark],
                          path: "Benchmarks/PCRE2Benchmarks", plugins: [plugin]),
        .executableTarget(name: "ScanBenchmarks", dependencies: ["BenchmarkHarness", "BenchmarkSupport", benchmark],
                          path: "Benchmarks/ScanBenchmarks", plugins: [plugin]),
        .executableTarget(name: "ExtractBenchmarks", dependencies: ["BenchmarkHarness", "BenchmarkSupport", benchmark],
                          path: "Benchmarks/ExtractBenchmarks", plugins: [plugin]),
        .executableTarget(name: "BatchBenchmarks", dependencies: ["BenchmarkHarness", "BenchmarkSupport", benchmark],
                          path: "Benchmarks/BatchBenchmarks", plugins: [plugin]),
        .executableTarget(name: "ReportBenchmarks", dependencies: ["BenchmarkHarness", "BenchmarkSupport", benchmark],
                          path: "Benchmarks/ReportBenchmarks", plugins: [plugin]),
    ]
)
