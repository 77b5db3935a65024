// Figures against the alternatives, measured side by side in one run on one generated corpus,
// reported as ratios. Driven by compare.sh; see Benchmarks/README.md.
//
//   compare [--density dense|sparse] [--megabytes 100] [--rounds 3] [--naive-mb 20]
//           [--batch-mb 20] [--foundation-kb 1000] [--peer-kb 300] [--no-peer]
//
// Every engine is timed in each round, round-robin, so that a noisy neighbour slows them alike;
// the table shows each engine's median. Slow engines run on a prefix of the same corpus (the
// generator is stationary, so bytes per second carry over); the table says how much each read.
import BenchmarkSupport
import Figures
import Foundation
import PCRE2

struct Options {
    var density: NewsCorpus.Density = .dense
    var megabytes = 100
    var rounds = 3
    var naiveMB = 20
    var batchMB = 20
    var foundationKB = 1_000
    var peerKB = 300
    var peer = true

    init(_ arguments: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < arguments.count else { fatalError("\(arguments[i - 1]) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--density": density = NewsCorpus.Density(rawValue: value()) ?? .dense
            case "--megabytes": megabytes = Int(value())!
            case "--rounds": rounds = Int(value())!
            case "--naive-mb": naiveMB = Int(value())!
            case "--batch-mb": batchMB = Int(value())!
            case "--foundation-kb": foundationKB = Int(value())!
            case "--peer-kb": peerKB = Int(value())!
            case "--no-peer": peer = false
            default: fatalError("unknown option \(arguments[i])")
            }
            i += 1
        }
    }
}

/// One engine's timings.
struct Row {
    let name: String
    let note: String
    var bytes = 0
    var articles = 0
    var count = 0
    var seconds: [Double] = []

    var median: Double { seconds.sorted()[seconds.count / 2] }
    var megabytesPerSecond: Double { Double(bytes) / median / 1e6 }
    var articlesPerSecond: Double { Double(articles) / median }
}

func log(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

let options = Options(Array(CommandLine.arguments.dropFirst()))
log("compare: preparing the \(options.density.rawValue) corpus of \(options.megabytes) MB")
let path = try BenchCorpus.file(density: options.density, megabytes: options.megabytes)
let corpus = BenchCorpus(jsonl: path, density: options.density)
let naiveSample = corpus.prefix(bytes: options.naiveMB * 1_000_000)
let foundationSample = corpus.prefix(bytes: options.foundationKB * 1_000)
let batchSample = corpus.prefix(bytes: options.batchMB * 1_000_000)

let rules = try RuleBook.standard()
let extractor = Extractor(rules: rules)
let lexer = Lexer(rules: rules).session()
let extractSession = extractor.session()
let patterns = RulePatterns(rules)
let naive = try Pattern(patterns.alternation, options: [.caseless, .extended, .duplicateNames])
let naiveMatcher = Matcher(naive)
let foundation = try NSRegularExpression(pattern: patterns.icuAlternation, options: [.caseInsensitive])
let cores = ProcessInfo.processInfo.activeProcessorCount

var rows: [String: Row] = [
    "memchr": Row(name: "memchr ceiling", note: "read the file, memchr for an absent byte"),
    "extract": Row(name: "Figures extract", note: "end to end: read JSON Lines, scan, bind, write JSON Lines"),
    "scan": Row(name: "Figures scan", note: "lexical layer: numbers and dates, interpreted"),
    "naive": Row(name: "naive PCRE2", note: "the \(patterns.rules.count) rules as one JIT alternation\(naive.isJITCompiled ? "" : " (no JIT!)")"),
    "foundation": Row(name: "NSRegularExpression", note: "the same alternation, rewritten for ICU"),
    "batch1": Row(name: "batch extract, 1 thread", note: "articles in memory"),
    "batchN": Row(name: "batch extract, \(cores) threads", note: "articles in memory"),
]
let order = ["memchr", "extract", "scan", "naive", "foundation", "batch1", "batchN"]

// Warm up: page cache, JIT, allocator.
_ = try Engines.memchrCeiling(path)
_ = try Engines.scan(corpus.prefix(bytes: 2_000_000), session: lexer)
_ = try Engines.naivePCRE2(corpus.prefix(bytes: 200_000), matcher: naiveMatcher)
_ = Engines.foundation(corpus.prefix(bytes: 20_000), regex: foundation)

for round in 1...options.rounds {
    log("compare: round \(round) of \(options.rounds)")
    var t = try Engines.time { try Engines.memchrCeiling(path) }
    rows["memchr"]!.seconds.append(t.seconds)
    rows["memchr"]!.bytes = t.result
    rows["memchr"]!.articles = corpus.articles.count

    let e = try Engines.time { try Engines.extractFile(path, session: extractSession) }
    rows["extract"]!.seconds.append(e.seconds)
    (rows["extract"]!.bytes, rows["extract"]!.articles, rows["extract"]!.count) = (e.result.bytes, e.result.articles, e.result.claims)

    t = try Engines.time { try Engines.scan(corpus, session: lexer) }
    rows["scan"]!.seconds.append(t.seconds)
    (rows["scan"]!.bytes, rows["scan"]!.articles, rows["scan"]!.count) = (corpus.bytes, corpus.articles.count, t.result)

    t = try Engines.time { try Engines.naivePCRE2(naiveSample, matcher: naiveMatcher) }
    rows["naive"]!.seconds.append(t.seconds)
    (rows["naive"]!.bytes, rows["naive"]!.articles, rows["naive"]!.count) = (naiveSample.bytes, naiveSample.articles.count, t.result)

    t = Engines.time { Engines.foundation(foundationSample, regex: foundation) }
    rows["foundation"]!.seconds.append(t.seconds)
    (rows["foundation"]!.bytes, rows["foundation"]!.articles, rows["foundation"]!.count) = (foundationSample.bytes, foundationSample.articles.count, t.result)

    for (key, workers) in [("batch1", 1), ("batchN", cores)] {
        t = try Engines.time { try Engines.batchExtract(batchSample, extractor: extractor, workers: workers) }
        rows[key]!.seconds.append(t.seconds)
        (rows[key]!.bytes, rows[key]!.articles, rows[key]!.count) = (batchSample.bytes, batchSample.articles.count, t.result)
    }
}

// The Python peer: once, on a prefix of the same file (it installs itself on first use).
struct PeerResult: Decodable {
    let bytes: Int
    let articles: Int
    let number_seconds: Double
    let date_seconds: Double
    let number_matches: Int
    let date_matches: Int
}
var peer: PeerResult? = nil
if options.peer {
    log("compare: Recognizers-Text on the first \(options.peerKB) kB (Python; slow)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [BenchCorpus.benchmarksFolder + "/peer/run.sh", path, String(options.peerKB * 1_000)]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if let last = String(decoding: output, as: UTF8.self).split(separator: "\n").last {
        peer = try? JSONDecoder().decode(PeerResult.self, from: Data(last.utf8))
    }
    if peer == nil { log("compare: the peer printed no result (status \(process.terminationStatus))") }
}

// The table.
func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(value < 1 && value > 0 ? max(digits, 3) : digits)f", value) }
func ratio(_ value: Double) -> String { value >= 10 ? format(value, 0) + "×" : value >= 0.1 ? format(value, 2) + "×" : format(value, 4) + "×" }
func megabytes(_ bytes: Int) -> String { bytes >= 1_000_000 ? format(Double(bytes) / 1e6) + " MB" : format(Double(bytes) / 1e3, 0) + " kB" }

let scan = rows["scan"]!.megabytesPerSecond
let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
print("Corpus: \(path.split(separator: "/").last!) (\(options.density.rawValue), seed \(BenchCorpus.seed)): \(megabytes(corpus.bytes)) of text in \(corpus.articles.count) articles")
print("Machine: \(cpu), \(cores) cores; medians of \(options.rounds) rounds, all in this run")
print("")
print("| engine | what it does | text read | MB/s | articles/s | ratio to Figures scan |")
print("|---|---|---:|---:|---:|---:|")
for key in order {
    let row = rows[key]!
    print("| \(row.name) | \(row.note) | \(megabytes(row.bytes)) | \(format(row.megabytesPerSecond)) | \(format(row.articlesPerSecond, 0)) | \(ratio(row.megabytesPerSecond / scan)) |")
}
if let peer {
    for (name, seconds) in [("Recognizers-Text numbers", peer.number_seconds), ("Recognizers-Text dates", peer.date_seconds),
                            ("Recognizers-Text both", peer.number_seconds + peer.date_seconds)] {
        let mbps = Double(peer.bytes) / seconds / 1e6
        print("| \(name) | Python peer, one run | \(megabytes(peer.bytes)) | \(format(mbps)) | \(format(Double(peer.articles) / seconds)) | \(ratio(mbps / scan)) |")
    }
}
print("")
let batch = rows["batchN"]!.megabytesPerSecond / rows["batch1"]!.megabytesPerSecond
print("Batch extract on \(cores) cores: \(format(batch, 2))× one core.")
print("Counts: scan \(rows["scan"]!.count) mentions; extract \(rows["extract"]!.count) claims; naive PCRE2 \(rows["naive"]!.count) matches; "
      + "NSRegularExpression \(rows["foundation"]!.count) matches" + (peer.map { "; Recognizers-Text \($0.number_matches) numbers, \($0.date_matches) dates" } ?? "") + ".")
