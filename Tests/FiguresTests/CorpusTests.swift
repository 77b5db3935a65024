import Foundation
import Testing
@testable import Figures

/// The synthetic corpus generator: deterministic, honours size and density, and its gold claims
/// point at the text they describe.
struct CorpusTests {
    static let size = 150_000

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "figures-corpus-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every file below `folder`, by relative path, with its bytes.
    static func files(in folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return result
    }

    @Test(arguments: NewsCorpus.Format.allCases, NewsCorpus.Density.allCases)
    func sameSeedGivesSameBytes(format: NewsCorpus.Format, density: NewsCorpus.Density) throws {
        let a = try Self.temporaryFolder(), b = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        let target = format == .jsonl ? "/corpus.jsonl" : "/corpus"
        let first = try NewsCorpus(seed: 42, density: density).write(size: Self.size, format: format, to: a + target)
        let second = try NewsCorpus(seed: 42, density: density).write(size: Self.size, format: format, to: b + target)
        #expect(first.bytes == second.bytes && first.articles == second.articles && first.claims == second.claims)
        let root = format == .jsonl ? "" : target
        let filesA = try Self.files(in: a + root), filesB = try Self.files(in: b + root)
        #expect(filesA.count > (format == .jsonl ? 1 : 10))
        #expect(filesA.keys.sorted() == filesB.keys.sorted())
        for (name, data) in filesA { #expect(data == filesB[name], "\(name) differs between two runs with the same seed") }
    }

    @Test func otherSeedGivesOtherText() {
        let a = NewsCorpus(seed: 1, density: .dense).article(0), b = NewsCorpus(seed: 2, density: .dense).article(0)
        #expect(a.text != b.text)
        #expect(a.id != b.id)
    }

    @Test func anArticleDependsOnlyOnSeedAndIndex() {
        let corpus = NewsCorpus(seed: 9, density: .sparse)
        let streamed = Array(corpus.articles(size: 40_000))
        #expect(streamed.count > 3)
        for (index, article) in streamed.enumerated() { #expect(corpus.article(index).text == article.text) }
    }

    @Test(arguments: [1, 10_000, 150_000, 1_000_000])
    func sizeIsHonoured(size: Int) {
        let articles = Array(NewsCorpus(seed: 3, density: .dense).articles(size: size))
        let total = articles.reduce(0) { $0 + $1.text.utf8.count }
        #expect(total >= size)
        #expect(total - articles.last!.text.utf8.count < size, "the corpus overshoots by more than one article")
    }

    @Test func writtenSizeIsTheTextSize() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = try NewsCorpus(seed: 5, density: .sparse).write(size: 60_000, format: .text, to: folder)
        var total = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".txt") {
            total += FileManager.default.contents(atPath: folder + "/" + name)!.count
        }
        #expect(total == summary.bytes)
        #expect(total >= 60_000)
    }

    /// Dense: several figures in most paragraphs. Sparse: one per several paragraphs. Counted
    /// both by the generator and by the lexer, which knows nothing of how the text was made.
    @Test(arguments: NewsCorpus.Density.allCases)
    func densityIsHonoured(density: NewsCorpus.Density) throws {
        let articles = Array(NewsCorpus(seed: 11, density: density).articles(size: 200_000))
        let paragraphs = articles.reduce(0) { $0 + $1.paragraphs }
        let figures = articles.reduce(0) { $0 + $1.figures }
        let session = Support.lexer.session()
        var mentions = 0
        for article in articles {
            mentions += try session.mentions(in: article.text, published: article.published).count
        }
        let written = Double(figures) / Double(paragraphs), found = Double(mentions) / Double(paragraphs)
        switch density {
        case .dense:
            #expect(written >= 3, "dense: \(written) figures written per paragraph")
            #expect(found >= 3, "dense: \(found) figures found per paragraph")
        case .sparse:
            #expect(written <= 0.5, "sparse: \(written) figures written per paragraph")
            #expect(found <= 0.6, "sparse: \(found) figures found per paragraph")
            #expect(articles.allSatisfy { $0.figures >= 1 })
        }
    }

    @Test(arguments: NewsCorpus.Density.allCases)
    func goldClaimsPointAtTheirText(density: NewsCorpus.Density) {
        let categories: Set<String> = ["killed", "injured", "missing", "captives_taken", "captives_held", "captives_released",
                                       "prisoners_held", "prisoners_released", "displaced", "other"]
        var seen: Set<String> = []
        for article in NewsCorpus(seed: 13, density: density).articles(size: 300_000) {
            let bytes = Array(article.text.utf8)
            var previous = -1
            for claim in article.claims {
                #expect(String(decoding: bytes[claim.start..<claim.end], as: UTF8.self) == claim.span)
                #expect(claim.start > previous, "claims are in text order")
                previous = claim.start
                #expect(categories.contains(claim.category))
                #expect(claim.optional == (claim.category == "other" || claim.span.hasSuffix("of others")))
                if let whole = claim.partOf { #expect(article.claims.contains { $0.span == whole && $0.start < claim.start }) }
                if let when = claim.refersTo {
                    let last = String(when.split(separator: "/").last!)
                    #expect(last <= article.published.iso, "\(claim.span) refers to \(when), after publication")
                }
                seen.insert(claim.category)
            }
        }
        #expect(seen == categories, "every category appears")
    }

    /// The written files read back through ArticleReader as the same articles, dates included.
    @Test(arguments: NewsCorpus.Format.allCases)
    func writtenCorpusReadsBack(format: NewsCorpus.Format) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = NewsCorpus(seed: 17, density: .dense)
        let path = folder + (format == .jsonl ? "/c.jsonl" : "/c")
        let summary = try corpus.write(size: 30_000, format: format, to: path)
        let manifest = format == .text ? try Manifest.read(path + "/manifest.json") : nil
        var count = 0
        for record in ArticleReader(paths: [path], format: format == .jsonl ? .jsonl : .text, manifest: manifest) {
            guard case .article(let read) = record else { Issue.record("unreadable: \(record.id)"); continue }
            let generated = corpus.article(count)
            #expect(read.id == generated.id)
            #expect(read.bytes == Array(generated.text.utf8))
            #expect(read.published == generated.published)
            count += 1
        }
        #expect(count == summary.articles)
        let goldPath = format == .jsonl ? folder + "/c.gold.json" : path + "/gold.json"
        let gold = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: goldPath)!) as! [String: Any]
        let articles = gold["articles"] as! [String: [[String: Any]]]
        #expect(articles.count == summary.articles)
        #expect(articles.values.reduce(0) { $0 + $1.count } == summary.claims)
    }

    /// The scanner's candidate filter (trigger words, byte pairs) only skips rules that cannot
    /// match: on generated news, the seeds and the fixtures it finds exactly what trying every
    /// rule at every word start finds.
    @Test func candidateFilterChangesNoResult() throws {
        let filtered = Support.rules.scanner
        // Every rule at every candidate, and no probes: the number cache narrows nothing either.
        let unfiltered = try LexicalScanner(rules: rulesWithoutProbes(filtered.rules), quantities: filtered.quantities, dates: filtered.dates,
                                            vocabulary: [], publication: false, exhaustive: true)
        var texts: [(String, Day?)] = []
        for density in NewsCorpus.Density.allCases {
            texts += NewsCorpus(seed: 23, density: density).articles(size: 150_000).map { ($0.text, $0.published) }
        }
        for folder in ["seeds", "Fixtures/news/dev", "Fixtures/news/heldout"] {
            let path = Support.path(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasSuffix(".txt") {
                texts.append((try String(contentsOfFile: path + "/" + name, encoding: .utf8), nil))
            }
        }
        #expect(texts.count > 100)
        let a = LexicalScanner.Scratch(filtered), b = LexicalScanner.Scratch(unfiltered)
        for (text, published) in texts {
            var bytes = Array(text.utf8)
            try bytes.withUnsafeMutableBufferPointer { mutable in
                let buffer = UnsafeBufferPointer(mutable)
                var withFilter: [Mention] = [], without: [Mention] = []
                try filtered.scan(buffer, published: published, scratch: a, into: &withFilter)
                try unfiltered.scan(buffer, published: published, scratch: b, into: &without)
                #expect(withFilter == without, "\(text.prefix(60))")
            }
        }
    }
}
