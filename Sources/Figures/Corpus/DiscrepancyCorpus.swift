import Foundation

/// A deterministic synthetic corpus for testing the figure-discrepancy report: news-style
/// articles in small stories (two or three articles about one war, one exchange, one city's
/// displacement), each story either clean or with one discrepancy planted, and the claims a
/// correct extractor finds in them.
///
/// ```swift
/// let corpus = try DiscrepancyCorpus(seed: 7, count: 1_000, rules: .standard())
/// let report = Report(claims: corpus.claims, rules: rules)
/// // every planted discrepancy is a finding, and nothing else is
/// ```
///
/// Every kind of discrepancy is planted (conflicts of events, levels and totals, reversals of
/// running totals and of captives held, sums within and across articles, parts over their
/// whole, shares over 100%, subgroups over everyone, stale figures, undated figures), and so is
/// every kind of clean story (rising totals, agreeing reports, parts that add up, captives held
/// falling or rising after a new capture, planned figures that differ from reported ones,
/// articles with no figures). The first stories cycle through every kind, so that a small corpus
/// has them all.
///
/// Stories never interfere: each has its own period (events in its own month, totals from its
/// own start day), and stocks (held, displaced) use a group or place no other story uses. The
/// same seed and count give the same bytes on every platform.
public struct DiscrepancyCorpus: Sendable {
    /// A discrepancy the report must find: the rule, its reason, and the claims it rests on.
    public struct Planted: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The rule that must fail, e.g. `conflict.same_event`.
        public let rule: String
        /// The reason code, e.g. `reports_disagree`.
        public let reason: String
        /// Ids of the claims the finding rests on, sorted.
        public let claims: [String]

        public init(rule: String, reason: String, claims: [String]) {
            self.rule = rule
            self.reason = reason
            self.claims = claims.sorted()
        }

        public static func < (a: Planted, b: Planted) -> Bool {
            (a.rule, a.reason, a.claims.joined(separator: " ")) < (b.rule, b.reason, b.claims.joined(separator: " "))
        }

        public var description: String { "\(rule) \(reason) [\(claims.joined(separator: ", "))]" }
    }

    public let seed: UInt64
    /// The articles, with their publication days and outlets.
    public let articles: [Article]
    /// The claims in the articles, as a correct extractor finds them (byte offsets into the
    /// articles' texts).
    public let claims: [Claim]
    /// The discrepancies planted, sorted; undated claims of one category make one.
    public let planted: [Planted]
    /// How many stories of each kind were written (`clean.series`, `planted.conflict_event`, …).
    public let stories: [String: Int]

    /// Writes `count` articles from `seed`. `rules` give the figures' bounds, as the lexical
    /// layer reads them.
    public init(seed: UInt64, count: Int, rules: RuleBook) {
        var writer = DiscrepancyWriter(seed: seed, rules: rules)
        writer.write(count: count)
        self.seed = seed
        self.articles = writer.articles
        self.claims = writer.claims
        self.planted = writer.planted()
        self.stories = writer.storyCounts
    }

    /// Writes the corpus to `directory`: one `<id>.txt` per article, `manifest.json` (the format
    /// of `seeds/manifest.json`), `claims.jsonl` (the claims and one article record per article,
    /// readable by `figures report --claims`), and `planted.json` (the discrepancies planted).
    public func write(to directory: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func put(_ name: String, _ bytes: [UInt8]) throws {
            let path = directory + "/" + name
            guard fm.createFile(atPath: path, contents: Data(bytes)) else { throw InputError(source: path, message: "cannot write the file") }
        }
        var manifest = JSONWriter()
        manifest.beginObject()
        manifest.key("about"); manifest.string("Synthetic articles written by `figures corpus-discrepancies --seed \(seed) --count \(articles.count)`; every figure is invented.")
        manifest.key("articles"); manifest.beginArray()
        var claimsFile = JSONWriter(capacity: 1 << 20)
        var byArticle: [String: [Claim]] = [:]
        for claim in claims { byArticle[claim.article, default: []].append(claim) }
        for article in articles {
            try put(article.id + ".txt", article.bytes)
            manifest.newline()
            manifest.beginObject()
            manifest.key("id"); manifest.string(article.id)
            manifest.key("file"); manifest.string(article.id + ".txt")
            manifest.key("published"); manifest.string(article.published?.iso)
            manifest.key("basis"); manifest.string("generated")
            manifest.key("outlet"); manifest.string(article.outlet)
            manifest.key("url"); manifest.null()
            manifest.endObject()
            let own = byArticle[article.id] ?? []
            for claim in own { claim.write(to: &claimsFile) }
            ReportInput.writeRecord(.init(id: article.id, published: article.published, outlet: article.outlet), claims: own.count, to: &claimsFile)
        }
        manifest.endArray()
        manifest.endObject()
        manifest.newline()
        try put("manifest.json", manifest.bytes)
        try put("claims.jsonl", claimsFile.bytes)
        var planted = JSONWriter()
        planted.beginObject()
        planted.key("seed"); planted.number(Double(seed))
        planted.key("articles"); planted.number(articles.count)
        planted.key("stories"); planted.beginObject()
        for (kind, n) in stories.sorted(by: { $0.key < $1.key }) { planted.key(kind); planted.number(n) }
        planted.endObject()
        planted.key("planted"); planted.beginArray()
        for p in self.planted {
            planted.newline()
            planted.beginObject()
            planted.key("rule"); planted.string(p.rule)
            planted.key("reason"); planted.string(p.reason)
            planted.key("claims"); planted.beginArray()
            for id in p.claims { planted.string(id) }
            planted.endArray()
            planted.endObject()
        }
        planted.endArray()
        planted.endObject()
        planted.newline()
        try put("planted.json", planted.bytes)
    }
}

extension DiscrepancyCorpus {
    /// How a report's findings compare with what was planted.
    public struct Comparison: Sendable {
        /// Planted discrepancies no finding matches.
        public let missed: [Planted]
        /// Findings that match nothing planted.
        public let extra: [Check]
        /// Planted discrepancies found.
        public let found: Int

        /// Every planted discrepancy found, and nothing else.
        public var isExact: Bool { missed.isEmpty && extra.isEmpty }
    }

    /// Matches the report's findings with the planted discrepancies by rule, reason and the ids
    /// of the claims they rest on.
    public func compare(_ report: Report) -> Comparison {
        var wanted = Set(planted)
        var extra: [Check] = []
        for finding in report.findings {
            let key = Planted(rule: finding.rule.name, reason: finding.reason ?? "", claims: finding.evidence.map(\.id))
            if wanted.remove(key) == nil { extra.append(finding) }
        }
        return Comparison(missed: wanted.sorted(), extra: extra, found: planted.count - wanted.count)
    }
}
