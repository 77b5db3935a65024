import Benchmark
import BenchmarkHarness
import BenchmarkSupport
import Figures

// Figures' lexical layer (every number and date, found and interpreted) over an in-memory
// generated corpus (FIGURES_BENCH_MB megabytes, default 16), one thread.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = BenchConfiguration.standard
    for density in NewsCorpus.Density.allCases {
        Benchmark("scan \(density.rawValue)") { benchmark, corpus in
            let session = Lexer(rules: try RuleBook.standard()).session()
            try benchmark.measureThroughput(of: corpus) { try Engines.scan(corpus, session: session) }
        } setup: {
            BenchCorpus(density: density)
        }
    }
}
