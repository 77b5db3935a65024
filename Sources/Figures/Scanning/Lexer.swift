/// The lexical layer's public face: every number and every date in a text, normalized, with its
/// UTF-8 byte range and the rule that found it.
///
/// ```swift
/// let lexer = try Lexer(rules: .standard())
/// for mention in try lexer.mentions(in: "More than 34,300 killed since Oct. 7",
///                                   published: Day(year: 2024, month: 4, day: 27)) {
///     print(mention.range, mention.kind, mention.rule)
/// }
/// ```
///
/// A `Lexer` is cheap to copy and `Sendable`; each call allocates its own matchers. For many
/// texts on one thread, use ``session()`` and reuse it.
public struct Lexer: Sendable {
    let rules: RuleBook

    public init(rules: RuleBook) { self.rules = rules }

    /// The numbers and dates in `text`.
    public func mentions(in text: String, published: Day?) throws -> [Mention] {
        try session().mentions(in: text, published: published)
    }

    /// A reusable scanning state for one thread.
    public func session() -> Session { Session(scanner: rules.scanner, publicationScanner: rules.publicationScanner) }

    /// Reusable scanning state (one matcher per rule); not `Sendable`, one per thread.
    public final class Session {
        let scanner: LexicalScanner
        let scratch: LexicalScanner.Scratch
        let publicationScanner: LexicalScanner
        let publicationScratch: LexicalScanner.Scratch

        init(scanner: LexicalScanner, publicationScanner: LexicalScanner) {
            self.scanner = scanner
            self.scratch = LexicalScanner.Scratch(scanner)
            self.publicationScanner = publicationScanner
            self.publicationScratch = LexicalScanner.Scratch(publicationScanner)
        }

        /// The numbers and dates in `text`.
        public func mentions(in text: String, published: Day?) throws -> [Mention] {
            var text = text
            return try text.withUTF8 { try mentions(in: $0, published: published) }
        }

        /// The numbers and dates in `bytes`.
        public func mentions(in bytes: UnsafeBufferPointer<UInt8>, published: Day?) throws -> [Mention] {
            var result: [Mention] = []
            try scanner.scan(bytes, published: published, scratch: scratch, into: &result)
            return result
        }

        /// The numbers and dates in `text` as the scanner for the start of an article reads them,
        /// with the publication rules (datelines) that run only there.
        func publicationMentions(in text: String, published: Day?) throws -> [Mention] {
            var text = text
            return try text.withUTF8 { bytes in
                var result: [Mention] = []
                try publicationScanner.scan(bytes, published: published, scratch: publicationScratch, into: &result)
                return result
            }
        }
    }
}
