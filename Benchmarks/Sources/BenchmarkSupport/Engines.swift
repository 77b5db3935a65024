import Figures
import Foundation
import PCRE2

/// The operations the benchmarks and `compare` time. Each returns a count (mentions, matches,
/// claims) so that the work cannot be optimized away, and so that runs can be sanity-checked.
public enum Engines {
    // MARK: - Figures

    /// Figures' lexical scan (every number and date, interpreted) over articles in memory.
    public static func scan(_ corpus: BenchCorpus, session: Lexer.Session) throws -> Int {
        var count = 0
        for article in corpus.articles {
            count += try article.bytes.withUnsafeBufferPointer { try session.mentions(in: $0, published: article.published).count }
        }
        return count
    }

    /// Claims of articles in memory, written as JSON Lines into a buffer that is then dropped.
    public static func extract(_ corpus: BenchCorpus, session: Extractor.Session) throws -> Int {
        var count = 0
        var json = JSONWriter(capacity: 1 << 16)
        for article in corpus.articles {
            let claims = try session.claims(in: article)
            for claim in claims { claim.write(to: &json) }
            count += claims.count
            json.bytes.removeAll(keepingCapacity: true)
        }
        return count
    }

    /// `figures extract` end to end: read a JSON Lines corpus, bind claims, write JSON Lines to
    /// `/dev/null`. Returns (articles, bytes of article text, claims).
    public static func extractFile(_ path: String, session: Extractor.Session) throws -> (articles: Int, bytes: Int, claims: Int) {
        guard let sink = FileHandle(forWritingAtPath: "/dev/null") else { throw CocoaError(.fileNoSuchFile) }
        var json = JSONWriter(capacity: 1 << 20)
        var totals = (articles: 0, bytes: 0, claims: 0)
        for record in ArticleReader(paths: [path], format: .jsonl) {
            guard case .article(let article) = record else { continue }
            let claims = try session.claims(in: article)
            for claim in claims { claim.write(to: &json) }
            if json.bytes.count >= 1 << 20 {
                sink.write(Data(json.bytes))
                json.bytes.removeAll(keepingCapacity: true)
            }
            totals.articles += 1
            totals.bytes += article.bytes.count
            totals.claims += claims.count
        }
        sink.write(Data(json.bytes))
        return totals
    }

    /// The batch extractor: `workers` threads, each with its own session, taking every
    /// `workers`-th article. Returns the claims found.
    public static func batchExtract(_ corpus: BenchCorpus, extractor: Extractor, workers: Int) throws -> Int {
        let results = Totals(workers)
        let articles = corpus.articles
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let session = extractor.session()
            var count = 0
            var json = JSONWriter(capacity: 1 << 16)
            var index = worker
            do {
                while index < articles.count {
                    let claims = try session.claims(in: articles[index])
                    for claim in claims { claim.write(to: &json) }
                    json.bytes.removeAll(keepingCapacity: true)
                    count += claims.count
                    index += workers
                }
                results.set(worker, .success(count))
            } catch {
                results.set(worker, .failure(error))
            }
        }
        return try results.sum()
    }

    // MARK: - Baselines

    /// Every rule as one unanchored JIT-compiled alternation, scanned over each article.
    public static func naivePCRE2(_ corpus: BenchCorpus, matcher: Matcher) throws -> Int {
        var count = 0
        for article in corpus.articles {
            count += try article.bytes.withUnsafeBufferPointer { try allMatches(matcher, $0) }
        }
        return count
    }

    /// Non-overlapping matches of `matcher` in `subject`, left to right.
    public static func allMatches(_ matcher: Matcher, _ subject: UnsafeBufferPointer<UInt8>) throws -> Int {
        var count = 0
        var offset = 0
        while offset < subject.count, try matcher.matches(subject, from: offset) {
            let range = matcher.range
            count += 1
            offset = range.isEmpty ? range.upperBound + 1 : range.upperBound
        }
        return count
    }

    /// The same alternation through Foundation's `NSRegularExpression`, on each article's text.
    public static func foundation(_ corpus: BenchCorpus, regex: NSRegularExpression) -> Int {
        var count = 0
        for article in corpus.articles {
            let text = String(decoding: article.bytes, as: UTF8.self)
            count += regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        }
        return count
    }

    /// The memory-scan ceiling: read the file a megabyte at a time and `memchr` each chunk for
    /// a byte that is not there. Returns the bytes read.
    public static func memchrCeiling(_ path: String) throws -> Int {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CocoaError(.fileNoSuchFile) }
        defer { close(fd) }
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        defer { buffer.deallocate() }
        var total = 0
        var found = 0
        while true {
            let n = read(fd, buffer, size)
            if n <= 0 { break }
            if memchr(buffer, 0x00, n) != nil { found += 1 }
            total += n
        }
        return total + found
    }

    /// Seconds taken by `body`, and what it returned.
    public static func time<T>(_ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, result)
    }
}

/// Per-worker results of a batch, filled in by the workers.
final class Totals: @unchecked Sendable {
    // SAFETY: every access goes through `lock`.
    private let lock = NSLock()
    private var values: [Result<Int, Error>?]

    init(_ count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Int, Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func sum() throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        return try values.reduce(0) { $0 + (try $1?.get() ?? 0) }
    }
}
