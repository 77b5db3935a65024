extension Lexer.Session {
    /// How far into an article a header or dateline may stand.
    static let publicationWindow = 400

    /// The publication date an article gives itself: a date found near its start by a rule with
    /// `role: publication` (a `date YYYY-MM-DD` header, a dateline with a year).
    public func publicationDate(of bytes: UnsafeBufferPointer<UInt8>) throws -> (day: Day, rule: String)? {
        let window = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, Lexer.Session.publicationWindow)])
        var mentions: [Mention] = []
        try publicationScanner.scan(window, published: nil, scratch: publicationScratch, into: &mentions)
        for mention in mentions {
            guard let rule = publicationScanner.rules.first(where: { $0.rule.name == mention.rule })?.rule, rule.isPublication,
                  case .point(let period)? = mention.time, period.granularity == .day else { continue }
            return (period.start, rule.name)
        }
        return nil
    }

    /// Fills in `article.published` from its header or dateline when no manifest or input gave
    /// one.
    public func resolvePublication(of article: inout Article) throws {
        guard article.published == nil else { return }
        let found = try article.bytes.withUnsafeBufferPointer { try publicationDate(of: $0) }
        guard let found else { return }
        article.published = found.day
        article.publishedBasis = found.rule.contains("header") ? .header : .dateline
    }
}
