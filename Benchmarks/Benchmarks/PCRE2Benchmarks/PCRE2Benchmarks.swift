import Benchmark
import BenchmarkHarness
import BenchmarkSupport
import Figures
import PCRE2

// The PCRE2 wrapper on long subjects: the generated dense corpus joined into one subject,
// every match found with one reused Matcher (JIT), as a scanner without candidates would.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = BenchConfiguration.standard
    let cases: [(String, String, CompileOptions, Int)] = [
        ("digits", #"\d[\d,.]*"#, [], 16),
        ("month names", #"\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"#, [.caseless], 16),
        ("killed|wounded|held", #"\b(?:killed|wounded|injured|held|released|displaced)\b"#, [.caseless], 16),
        ("every lexical rule, one alternation", "", [.caseless, .extended, .duplicateNames], 2),
    ]
    for (name, source, options, megabytes) in cases {
        Benchmark("PCRE2 \(name), \(megabytes) MB subject") { benchmark, subject in
            let pattern = try Pattern(source.isEmpty ? RulePatterns(try RuleBook.standard()).alternation : source, options: options)
            let matcher = Matcher(pattern)
            try benchmark.measureThroughput(bytes: subject.count, articles: 0) {
                try subject.withUnsafeBufferPointer { try Engines.allMatches(matcher, $0) }
            }
        } setup: {
            BenchCorpus(density: .dense, megabytes: megabytes).joined()
        }
    }
}
