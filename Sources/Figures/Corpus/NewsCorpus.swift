/// A deterministic, seeded generator of news-style articles whose claims are known: a corpus for
/// benchmarks and a smoke test for the extractor.
///
/// Articles read like wire copy about wars and their toll: death and injury counts, hostages
/// taken, held and released, prisoner exchanges, displacement, each with qualifiers ("more than",
/// "nearly", "an estimated"), dates ("since Oct. 7", "on Saturday", "in November"), attributions
/// and parts of wholes ("including 71 women"); and around them the numbers that are not claims:
/// money, years, distances, ages, vote tallies, times of day, durations. The same seed always
/// gives the same bytes; article `i` depends only on the seed and `i`.
///
/// ```swift
/// let corpus = NewsCorpus(seed: 42, density: .dense)
/// let article = corpus.article(0)
/// print(article.id, article.published, article.claims.count)
/// for claim in article.claims {
///     print(claim.category, claim.value, claim.span)   // killed 34300.0 more than 34,300 Palestinians
/// }
/// try corpus.write(size: 100_000_000, format: .jsonl, to: "Benchmarks/corpus/dense.jsonl")
/// ```
public struct NewsCorpus: Sendable {
    /// How many figures the articles carry.
    public enum Density: String, Sendable, CaseIterable {
        /// Like the seed articles: most paragraphs hold several figures and claims.
        case dense
        /// Like ordinary news: one figure per several paragraphs.
        case sparse
    }

    /// How a corpus is written.
    public enum Format: String, Sendable, CaseIterable {
        /// A folder of `<id>.txt` files with `manifest.json` and `gold.json`.
        case text
        /// One JSON Lines file, `{"id", "text", "published"}` per line, with `<name>.gold.json`
        /// beside it.
        case jsonl
    }

    /// A claim the generator wrote, in the format of `seeds.gold.json`, plus its byte range.
    public struct GoldClaim: Sendable, Hashable {
        /// The shortest exact substring that holds the figure and what it counts.
        public var span: String
        /// The number as written (the low end of a vague amount, as the number tables define it).
        public var value: Double
        public var qualifier: Qualifier
        /// killed, injured, missing, captives_taken, captives_held, captives_released,
        /// prisoners_held, prisoners_released, displaced; or other (always optional).
        public var category: String
        public var population: String?
        /// The day, month or interval the figure is about (ISO 8601); `nil` when the text does
        /// not fix it.
        public var refersTo: String?
        public var attributedTo: String?
        public var unit: Claim.Unit
        public var modality: Claim.Modality
        /// Neither required nor counted as a false positive when scoring.
        public var optional: Bool
        /// For a part of a larger group ("71 women" of "240 Palestinians"): the whole's span.
        public var partOf: String?
        /// UTF-8 byte offsets of ``span`` in the article (end exclusive).
        public var start: Int
        public var end: Int
    }

    /// One generated article.
    public struct Article: Sendable {
        /// `<index>_<16 hex digits>`, like the seeds' ids.
        public let id: String
        public let text: String
        public let published: Day
        public let outlet: String
        /// The claims written into ``text``, in text order.
        public let claims: [GoldClaim]
        /// Paragraphs after the headline.
        public let paragraphs: Int
        /// Number and date expressions written (claims and non-claims alike).
        public let figures: Int
    }

    /// Totals of what was generated.
    public struct Summary: Sendable, Equatable {
        public var articles = 0
        /// UTF-8 bytes of article text (not counting JSON framing or other files).
        public var bytes = 0
        public var claims = 0
        public var paragraphs = 0
        public var figures = 0
        /// The files written, when the corpus was written out.
        public var files: [String] = []

        public init() {}

        mutating func add(_ article: Article) {
            articles += 1
            bytes += article.text.utf8.count
            claims += article.claims.count
            paragraphs += article.paragraphs
            figures += article.figures
        }
    }

    public let seed: UInt64
    public let density: Density

    public init(seed: UInt64, density: Density) {
        self.seed = seed
        self.density = density
    }

    /// Article number `index` (from 0). Deterministic in the seed, density and index.
    public func article(_ index: Int) -> Article {
        var generator = ArticleGenerator(seed: seed, index: index, density: density)
        return generator.generate()
    }

    /// The first articles whose text adds up to at least `size` UTF-8 bytes: the shortest prefix
    /// of the stream that reaches the size, so it overshoots by less than one article.
    public func articles(size: Int) -> Articles { Articles(corpus: self, size: size) }

    /// The articles of a corpus of a given size, generated lazily, one at a time.
    public struct Articles: Sequence, Sendable {
        let corpus: NewsCorpus
        let size: Int

        public func makeIterator() -> Iterator { Iterator(corpus: corpus, size: size) }

        public struct Iterator: IteratorProtocol {
            let corpus: NewsCorpus
            let size: Int
            var index = 0
            var bytes = 0

            public mutating func next() -> Article? {
                guard bytes < size else { return nil }
                let article = corpus.article(index)
                index += 1
                bytes += article.text.utf8.count
                return article
            }
        }
    }
}
