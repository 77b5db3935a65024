import Benchmark
import BenchmarkHarness
import BenchmarkSupport
import Figures
import Foundation

// The batch extractor: every core, one session per thread, articles interleaved. Compare
// "batch extract dense, N threads" with "1 thread" (issue 5: at least 1.8× on 2 cores).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = BenchConfiguration.standard
    let cores = ProcessInfo.processInfo.activeProcessorCount
    for workers in Set([1, cores]).sorted() {
        Benchmark("batch extract dense, \(workers) thread\(workers == 1 ? "" : "s")") { benchmark, corpus in
            let extractor = Extractor(rules: try RuleBook.standard())
            try benchmark.measureThroughput(of: corpus) { try Engines.batchExtract(corpus, extractor: extractor, workers: workers) }
        } setup: {
            BenchCorpus(density: .dense)
        }
    }
}
