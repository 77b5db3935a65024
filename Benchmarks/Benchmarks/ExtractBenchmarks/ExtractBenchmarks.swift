import Benchmark
import BenchmarkHarness
import BenchmarkSupport
import Figures

// Claim extraction, one thread: over articles in memory (scan, bind, write JSON Lines to a
// buffer), and end to end from a JSON Lines file to /dev/null as `figures extract` does.
// Target (issue 5): at least 150 MB/s end to end on the dense corpus.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = BenchConfiguration.standard
    for density in NewsCorpus.Density.allCases {
        Benchmark("extract \(density.rawValue)") { benchmark, corpus in
            let session = Extractor(rules: try RuleBook.standard()).session()
            try benchmark.measureThroughput(of: corpus) { try Engines.extract(corpus, session: session) }
        } setup: {
            BenchCorpus(density: density)
        }
    }
    Benchmark("extract dense, end to end from a file") { benchmark, path in
        let session = Extractor(rules: try RuleBook.standard()).session()
        try benchmark.measureThroughput { try Engines.extractFile(path, session: session) }
    } setup: {
        try BenchCorpus.file(density: .dense, megabytes: BenchCorpus.defaultMegabytes)
    }
}
