import Benchmark
import BenchmarkSupport
import Foundation

/// What every Figures benchmark reports: time, throughput in bytes and articles per second,
/// allocations and peak memory.
public enum BenchConfiguration {
    public static let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
    public static let articlesPerSecond = BenchmarkMetric.custom("articles/s", polarity: .prefersLarger, useScalingFactor: false)

    public static var standard: Benchmark.Configuration {
        .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, megabytesPerSecond, articlesPerSecond],
            timeUnits: .milliseconds,
            warmupIterations: 1,
            maxDuration: .seconds(10),
            maxIterations: 8
        )
    }
}

extension Benchmark {
    /// Runs `body` once per scaled iteration and records MB/s and articles/s for each run.
    public func measureThroughput<T>(bytes: Int, articles: Int, _ body: () throws -> T) rethrows {
        for _ in scaledIterations {
            let (seconds, result) = try Engines.time(body)
            Benchmark.blackHole(result)
            measurement(BenchConfiguration.megabytesPerSecond, Int(Double(bytes) / seconds / 1e6))
            measurement(BenchConfiguration.articlesPerSecond, Int(Double(articles) / seconds))
        }
    }

    /// The same, over a corpus in memory.
    public func measureThroughput<T>(of corpus: BenchCorpus, _ body: () throws -> T) rethrows {
        try measureThroughput(bytes: corpus.bytes, articles: corpus.articles.count, body)
    }

    /// The same, for a body that reports what it read: (articles, bytes, …).
    public func measureThroughput(_ body: () throws -> (articles: Int, bytes: Int, claims: Int)) rethrows {
        for _ in scaledIterations {
            let (seconds, result) = try Engines.time(body)
            Benchmark.blackHole(result.claims)
            measurement(BenchConfiguration.megabytesPerSecond, Int(Double(result.bytes) / seconds / 1e6))
            measurement(BenchConfiguration.articlesPerSecond, Int(Double(result.articles) / seconds))
        }
    }
}
