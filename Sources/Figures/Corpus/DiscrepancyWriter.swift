/// Writes the stories of a ``DiscrepancyCorpus`` into articles and claims, keeping byte offsets.
struct DiscrepancyWriter {
    /// A figure in a story being drafted; turns into a ``Claim`` once its article is written.
    struct Figure {
        var text: String
        var value: Double
        var qualifier: Qualifier
        var category: String
        var population: String?
        var refersTo: String?
        var attributedTo: String? = nil
        var unit: Claim.Unit = .people
        var modality: Claim.Modality = .reported
        var whole: Double? = nil
        /// Handles (indices into the story's figures) of the whole and of the list's first member.
        var partOf: Int? = nil
        var list: Int? = nil
    }

    /// A piece of a sentence: text, or a figure by its handle.
    enum Piece {
        case text(String)
        case figure(Int)
    }

    /// One article of a story: its day and its sentences.
    struct Draft {
        var published: Day
        var headline: String
        var sentences: [[Piece]] = []
    }

    /// A story being drafted: its figures, articles, and what it plants.
    struct Story {
        var kind: String
        var figures: [Figure] = []
        var drafts: [Draft] = []
        var planted: [(rule: String, reason: String, handles: [Int])] = []

        /// Adds a figure and returns its handle.
        mutating func add(_ figure: Figure) -> Int {
            figures.append(figure)
            return figures.count - 1
        }
    }

    var random: CorpusRandom
    let seed: UInt64
    let rules: RuleBook
    let lexer: Lexer.Session
    private(set) var articles: [Article] = []
    private(set) var claims: [Claim] = []
    private(set) var storyCounts: [String: Int] = [:]
    private var plantedIDs: [(rule: String, reason: String, ids: [String], category: String)] = []
    /// Stock groups and places already used by a story (`category|population`, place).
    var usedStocks = Set<String>()
    var usedPlaces = Set<String>()
    private var bounds: [String: (low: Double?, high: Double?)] = [:]

    init(seed: UInt64, rules: RuleBook) {
        self.random = CorpusRandom(seed: seed)
        self.seed = seed
        self.rules = rules
        self.lexer = Lexer(rules: rules).session()
    }

    /// Writes stories until `count` articles are written.
    mutating func write(count: Int) {
        var index = 0
        while articles.count < count {
            let remaining = count - articles.count
            let base = Day(year: 1965, month: 1, day: 1)!.adding(days: 40 * index)
            let kind = chooseKind(index: index, remaining: remaining)
            var story = draft(kind, base: base)
            if story.drafts.count > remaining { story.drafts.removeLast(story.drafts.count - remaining) }
            commit(story)
            index += 1
        }
    }

    /// The first stories cycle through every kind; then a planted story one time in three.
    private mutating func chooseKind(index: Int, remaining: Int) -> StoryKind {
        let all = StoryKind.allCases
        func fits(_ kind: StoryKind) -> Bool { kind.articles <= remaining && available(kind) }
        if index < all.count, fits(all[index]) { return all[index] }
        let planted = all.filter { $0.isPlanted && fits($0) }
        let clean = all.filter { !$0.isPlanted && fits($0) }
        if !planted.isEmpty, clean.isEmpty || random.chance(1.0 / 3) { return random.pick(planted) }
        return clean.isEmpty ? .noFigures : random.pick(clean)
    }

    // MARK: - Figures

    /// `34,300`, `1.9 million`.
    static func numeral(_ value: Int) -> String {
        if value >= 1_000_000, value % 100_000 == 0 {
            let tenths = value / 100_000
            return "\(tenths / 10)" + (tenths % 10 == 0 ? "" : ".\(tenths % 10)") + " million"
        }
        var digits = Array(String(value))
        var out = ""
        while digits.count > 3 {
            out = "," + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return String(digits) + out
    }

    static let phrases: [Qualifier: String] = [.exact: "", .nearly: "nearly ", .approximately: "about ", .moreThan: "more than ",
                                               .atLeast: "at least ", .lessThan: "less than "]

    /// A count as written with a qualifier: `nearly 20,000`.
    func amount(_ value: Int, _ qualifier: Qualifier = .exact, category: String, population: String?, refersTo: String?,
                attributedTo: String? = nil) -> Figure {
        Figure(text: DiscrepancyWriter.phrases[qualifier]! + DiscrepancyWriter.numeral(value), value: Double(value), qualifier: qualifier,
               category: category, population: population, refersTo: refersTo, attributedTo: attributedTo)
    }

    /// The bounds the lexical layer gives a figure's text (or, if it reads none, the qualifier's).
    private mutating func interval(of figure: Figure) -> (low: Double?, high: Double?) {
        if let known = bounds[figure.text] { return known }
        var result: (low: Double?, high: Double?)? = nil
        if let mentions = try? lexer.mentions(in: figure.text, published: nil) {
            for mention in mentions where mention.range == 0..<figure.text.utf8.count {
                if let q = mention.quantity { result = (q.low, q.high) }
            }
        }
        if result == nil {
            let factors = rules.scanner.quantities.lexicon.bounds[figure.qualifier]
            result = (factors?.low.map { figure.value * $0 } ?? figure.value, factors?.high.map { figure.value * $0 } ?? figure.value)
        }
        bounds[figure.text] = result!
        return result!
    }

    // MARK: - Articles

    /// Writes a story's articles and claims, and records what it plants.
    private mutating func commit(_ story: Story) {
        storyCounts[story.kind, default: 0] += 1
        var ids: [Int: String] = [:]
        var pending: [(claim: Claim, figure: Figure)] = []
        for draft in story.drafts {
            let id = "disc_" + DiscrepancyWriter.pad(articles.count + 1)
            let outlet = random.pick(CorpusVocabulary.outlets)
            let city = random.pick(DiscrepancyWriter.cities)
            var bytes = Array(draft.headline.utf8) + [0x0A, 0x0A]
            var paragraphs: [[Piece]] = []
            for (n, sentence) in draft.sentences.enumerated() {
                paragraphs.append(sentence)
                if n == 0 || random.chance(0.5) { paragraphs.append([.text(filler())]) }
            }
            for (n, paragraph) in paragraphs.enumerated() {
                let sentenceStart = bytes.count
                if n == 0 {
                    bytes += Array("\(city.uppercased()), \(DiscrepancyWriter.monthNames[draft.published.month - 1]) \(draft.published.day), \(draft.published.year) (\(outlet)) — ".utf8)
                }
                var local: [(handle: Int, start: Int, end: Int)] = []
                for piece in paragraph {
                    switch piece {
                    case .text(let text): bytes += Array(text.utf8)
                    case .figure(let handle):
                        let start = bytes.count
                        bytes += Array(story.figures[handle].text.utf8)
                        local.append((handle, start, bytes.count))
                    }
                }
                let sentence = String(decoding: bytes[sentenceStart...], as: UTF8.self)
                for (handle, start, end) in local {
                    let f = story.figures[handle]
                    let (low, high) = interval(of: f)
                    ids[handle] = "\(id)@\(start)"
                    let claim = Claim(article: id, category: f.category, value: f.value, qualifier: f.qualifier, low: low, high: high,
                                      unit: f.unit, population: f.population, modality: f.modality, refersTo: f.refersTo,
                                      attributedTo: f.attributedTo, start: start, end: end,
                                      text: String(decoding: bytes[start..<end], as: UTF8.self), sentence: sentence,
                                      rule: "discrepancy:\(story.kind)", whole: f.whole, published: draft.published, outlet: outlet)
                    pending.append((claim, f))
                }
                bytes += n == paragraphs.count - 1 ? [0x0A] : [0x0A, 0x0A]
            }
            articles.append(Article(id: id, bytes: bytes, published: draft.published, outlet: outlet))
        }
        for (var claim, figure) in pending {
            claim.partOf = figure.partOf.flatMap { ids[$0] }
            claim.list = figure.list.flatMap { ids[$0] }
            claims.append(claim)
        }
        for plant in story.planted {
            let claimIDs = plant.handles.compactMap { ids[$0] }
            guard claimIDs.count == plant.handles.count else { continue } // an article cut off at the end of the corpus
            plantedIDs.append((plant.rule, plant.reason, claimIDs, story.figures[plant.handles[0]].category))
        }
    }

    /// The planted discrepancies; the undated claims of one category make one finding.
    func planted() -> [DiscrepancyCorpus.Planted] {
        var result: [DiscrepancyCorpus.Planted] = []
        var undated: [String: [String]] = [:]
        for p in plantedIDs {
            if p.rule == CheckRule.undated.name {
                undated[p.category, default: []] += p.ids
            } else {
                result.append(.init(rule: p.rule, reason: p.reason, claims: p.ids))
            }
        }
        for (_, ids) in undated { result.append(.init(rule: CheckRule.undated.name, reason: "no_time", claims: ids)) }
        return result.sorted()
    }

    /// A sentence with no figure: a quote (curly quotes, accents, an em dash) or background.
    private mutating func filler() -> String {
        if random.chance(0.6) {
            return "“\(random.pick(CorpusVocabulary.quotes)),” \(random.pick(CorpusVocabulary.names)), \(random.pick(CorpusVocabulary.roles)), \(random.pick(CorpusVocabulary.saids))."
        }
        return random.pick(DiscrepancyWriter.backgrounds)
    }

    static func pad(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                             "November", "December"]

    /// `March 4, 1996`.
    static func long(_ day: Day) -> String { "\(monthNames[day.month - 1]) \(day.day), \(day.year)" }

    /// `March 1996`.
    static func month(_ day: Day) -> String { "\(monthNames[day.month - 1]) \(day.year)" }

    /// `1996-03`.
    static func monthISO(_ day: Day) -> String { String(day.iso.prefix(7)) }
}
