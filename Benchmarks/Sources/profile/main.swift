// Runs one engine over the generated corpus, for a profiler:
//   valgrind --tool=callgrind .build/release/profile scan --megabytes 2
//   perf record -g .build/release/profile extract --megabytes 20 --repeat 3
// Prints the throughput it saw (meaningless under valgrind; use the instruction counts there).
import BenchmarkSupport
import Figures
import Foundation
import PCRE2

let arguments = Array(CommandLine.arguments.dropFirst())
let engine = arguments.first ?? "scan"
func option(_ name: String, _ fallback: Int) -> Int {
    arguments.firstIndex(of: name).flatMap { Int(arguments[$0 + 1]) } ?? fallback
}
let density: NewsCorpus.Density = arguments.contains("sparse") ? .sparse : .dense
let corpus = BenchCorpus(density: density, megabytes: option("--megabytes", 4))
let repeats = option("--repeat", 1)
let rules = try RuleBook.standard()

let work: () throws -> Int
switch engine {
case "scan":
    let session = Lexer(rules: rules).session()
    work = { try Engines.scan(corpus, session: session) }
case "extract":
    let session = Extractor(rules: rules).session()
    work = { try Engines.extract(corpus, session: session) }
case "naive":
    let matcher = Matcher(try Pattern(RulePatterns(rules).alternation, options: [.caseless, .extended, .duplicateNames]))
    work = { try Engines.naivePCRE2(corpus, matcher: matcher) }
default:
    fatalError("profile scan|extract|naive [dense|sparse] [--megabytes N] [--repeat N]")
}
var count = 0
let (seconds, _) = try Engines.time { for _ in 0..<repeats { count += try work() } }
print("\(engine) \(density.rawValue): \(count) results, \(String(format: "%.1f", Double(corpus.bytes * repeats) / seconds / 1e6)) MB/s")
