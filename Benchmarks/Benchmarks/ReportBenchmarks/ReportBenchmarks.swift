import Benchmark
import BenchmarkHarness
import BenchmarkSupport
import Figures

// The figure-discrepancy report, one thread, over claims generated in process (100,000 by
// default, FIGURES_BENCH_CLAIMS to change): the checks alone, over claims in memory; and end to
// end as `figures report --claims FILE --format F` does, from a JSON Lines file to bytes thrown
// away, in each format. Target (issue 5): 1,000,000 claims in under 10 s, memory linear in the
// claims.
let claimsPerSecond = BenchmarkMetric.custom("claims/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    var configuration = BenchConfiguration.standard
    configuration.metrics = [.wallClock, .mallocCountTotal, .peakMemoryResident, claimsPerSecond]
    configuration.maxIterations = 3
    configuration.maxDuration = .seconds(30)
    Benchmark.defaultConfiguration = configuration

    Benchmark("report checks, claims in memory") { benchmark, claims in
        let rules = try RuleBook.standard()
        for _ in benchmark.scaledIterations {
            let (seconds, report) = Engines.time { Report(claims: claims, rules: rules) }
            Benchmark.blackHole(report.checks.count)
            benchmark.measurement(claimsPerSecond, Int(Double(claims.count) / seconds))
        }
    } setup: {
        ReportClaims.generate(count: ReportClaims.defaultCount)
    }

    for format in Report.Format.allCases {
        Benchmark("report \(format.rawValue), end to end from a file") { benchmark, path in
            let rules = try RuleBook.standard()
            for _ in benchmark.scaledIterations {
                let (seconds, result) = try Engines.time { () throws -> (claims: Int, bytes: Int) in
                    var input = ReportInput()
                    try input.read(claimsFile: path)
                    let report = Report(input: input, rules: rules)
                    var bytes = 0
                    report.write(format) { bytes += $0.count }
                    return (report.claims.count, bytes)
                }
                Benchmark.blackHole(result.bytes)
                benchmark.measurement(claimsPerSecond, Int(Double(result.claims) / seconds))
            }
        } setup: {
            try ReportClaims.file(count: ReportClaims.defaultCount)
        }
    }
}
