/// Finds the claims in articles. Built once from the rule tables; `Sendable`, so one extractor
/// serves every thread.
///
/// ```swift
/// let extractor = try Extractor(rules: .standard())
/// let article = Article(id: "a1", text: "At least 19 people were killed on Saturday.",
///                       published: Day(year: 2024, month: 4, day: 27))
/// for claim in try extractor.claims(in: article) {
///     print(claim.category, claim.value, claim.refersTo ?? "?")   // killed 19.0 2024-04-27
/// }
/// ```
public struct Extractor: Sendable {
    /// The rule tables in use.
    public let rules: RuleBook

    public init(rules: RuleBook) {
        self.rules = rules
    }

    /// The claims of one article, in text order. Fills in the publication date from the
    /// article's header or dateline when it has none.
    public func claims(in article: Article) throws -> [Claim] {
        try session().claims(in: article)
    }

    /// Reusable per-thread state; create one per thread or task.
    public func session() -> Session { Session(extractor: self) }

    /// Per-thread extraction state (matchers and buffers); not `Sendable`.
    public final class Session {
        let extractor: Extractor
        let lexer: Lexer.Session
        let binder: ClaimBinder

        init(extractor: Extractor) {
            self.extractor = extractor
            self.lexer = Lexer(rules: extractor.rules).session()
            self.binder = ClaimBinder(book: extractor.rules)
        }

        /// The claims of one article, in text order.
        public func claims(in article: Article) throws -> [Claim] {
            var article = article
            try lexer.resolvePublication(of: &article)
            return try article.bytes.withUnsafeBufferPointer { bytes in
                let mentions = try lexer.mentions(in: bytes, published: article.published)
                return try binder.claims(in: article, bytes: bytes, mentions: mentions)
            }
        }

        /// The article with its publication date filled in from its header or dateline, and its
        /// claims.
        public func process(_ article: Article) throws -> (article: Article, claims: [Claim]) {
            var article = article
            try lexer.resolvePublication(of: &article)
            let claims = try article.bytes.withUnsafeBufferPointer { bytes in
                let mentions = try lexer.mentions(in: bytes, published: article.published)
                return try binder.claims(in: article, bytes: bytes, mentions: mentions)
            }
            return (article, claims)
        }
    }
}
