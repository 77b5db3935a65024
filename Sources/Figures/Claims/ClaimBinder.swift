import PCRE2

/// Binds the figures of an article's sentences to claims, with per-thread matchers. One binder
/// per thread; reused across articles.
final class ClaimBinder {
    let book: RuleBook
    /// The book's claim rules and quantity reader, read once: the book compiles them on first
    /// use, and hands out copies.
    let rules: ClaimRules
    private let quantities: QuantityInterpreter

    private final class RuleMatchers {
        let before: Matcher?
        let after: Matcher?
        let anchor: Matcher?
        /// Index into `ClaimRules.requirements` (rules with the same requirement share it).
        let requires: Int?
        /// The same for `unless`: a pattern that must not occur in the sentence.
        let unless: Int?

        init(_ rule: ClaimRule, requirements: [String: Int]) {
            before = rule.before.map(Matcher.init)
            after = rule.after.map(Matcher.init)
            anchor = rule.anchor.map(Matcher.init)
            requires = rule.requires.map { requirements[$0.source]! }
            unless = rule.unless.map { requirements[$0.source]! }
        }
    }

    /// One matcher per distinct `requires` pattern, and whether it occurs in the current
    /// sentence (-1: not looked for yet).
    private let requirementMatchers: [Matcher]
    @exclusivity(unchecked) private var requirementFound: [Int8]
    /// The requirements that may occur in the current sentence (``WordStartFilter``).
    @exclusivity(unchecked) private var requirementMask: UInt64 = 0

    /// The places in the current sentence where a filtered requirement may start.
    @exclusivity(unchecked) private var requirementStarts: [WordStartFilter.Start]? = []
    private let anchoredRequirementMatchers: [Matcher]

    /// Whether a rule may be tried in the sentence `m`: its `requires` occurs there and its
    /// `unless` does not.
    private func allowed(_ matchers: RuleMatchers, in m: UnsafeBufferPointer<UInt8>) throws -> Bool {
        guard try required(matchers.requires, in: m) else { return false }
        guard let unless = matchers.unless else { return true }
        return try !required(unless, in: m)
    }

    /// Whether requirement `index` occurs in the sentence `m`, looked for once per sentence.
    private func required(_ index: Int?, in m: UnsafeBufferPointer<UInt8>) throws -> Bool {
        guard let index else { return true }
        if requirementFound[index] < 0 {
            requirementFound[index] = try occurs(index, in: m) ? 1 : 0
        }
        return requirementFound[index] == 1
    }

    /// Whether requirement `index` matches somewhere in the current sentence `m`: where the
    /// filter lists places it may start, tried there only (anchored), else searched for.
    private func occurs(_ index: Int, in m: UnsafeBufferPointer<UInt8>) throws -> Bool {
        guard WordStartFilter.mayMatch(index, requirementMask) else { return false }
        guard rules.requirementFilter.filters(index), let starts = requirementStarts else {
            return try requirementMatchers[index].matches(m, from: 0)
        }
        let bit: UInt64 = 1 << UInt64(index)
        let anchored = anchoredRequirementMatchers[index]
        for start in starts where start.mask & bit != 0 {
            if try anchored.matches(m, from: start.position) { return true }
        }
        return false
    }

    private let categoryMatchers: [RuleMatchers]
    /// The category rules for counts and for shares, in order, read without copying the rules.
    private let countRules: [CategoryRule]
    private let shareRules: [CategoryRule]
    /// What decides whether each of those rules is tried, in the same order.
    private struct Rank {
        let priority: Int
        let hasBefore: Bool
        let requires: Int?
        let unless: Int?
    }
    private let countRanks: [Rank]
    private let shareRanks: [Rank]
    /// The modality each modality rule sets.
    private let modalities: [Claim.Modality?]
    private let modalityMatchers: [RuleMatchers]
    private let attributionMatchers: [RuleMatchers]
    /// For each attribution rule, the first rule with the same anchor; and the occurrences of
    /// each anchor in the current sentence, once looked for.
    private let anchorGroup: [Int]
    @exclusivity(unchecked) private var anchorCues: [[Range<Int>]?]
    private let nounPhrase, ofThem, listContinuation, partIntroduction, partOfThem, pronounPartLead, pronounPartRest, runningTotal, eventClause, sinceCue, exchangeLink, previousValue, impliedUndone, locative, sinceComparison: Matcher
    private let breakdownLead, breakdownRest, rate, datelineLead, datelineRest: Matcher
    private let gappedLead, gappedRest, restatedLead, pronounSourceLead, anaphoricPartLead, anaphoricPartRest, reportingDateLead, wholeIntroduction, wholeLead, partLead, startLead, sinceToday: Matcher
    /// The places the current article names (byte offset, name), and the one it names most.
    @exclusivity(unchecked) private var placeMentions: [(offset: Int, place: String)] = []
    private let anchoredLocative: Matcher
    @exclusivity(unchecked) private var locativeStarts: [WordStartFilter.Start]? = []
    @exclusivity(unchecked) private var theater: String?


    init(book: RuleBook) {
        self.book = book
        let rules = book.claimRules
        self.rules = rules
        quantities = book.scanner.quantities
        categoryMatchers = rules.categoryRules.map { RuleMatchers($0, requirements: rules.requirementIndex) }
        modalityMatchers = rules.modalityRules.map { RuleMatchers($0, requirements: rules.requirementIndex) }
        attributionMatchers = rules.attributionRules.map { RuleMatchers($0, requirements: rules.requirementIndex) }
        let anchors = rules.attributionRules.map { $0.anchor?.source }
        anchorGroup = anchors.indices.map { i in anchors.firstIndex { $0 == anchors[i] }! }
        anchorCues = [[Range<Int>]?](repeating: nil, count: anchors.count)
        var countRules: [CategoryRule] = [], shareRules: [CategoryRule] = []
        for (index, rule) in rules.categoryRules.enumerated() {
            guard case .category(let category) = rule.binding else { continue }
            let compact = CategoryRule(index: index, rule: rule, category: category, matchers: categoryMatchers[index])
            switch rule.figure {
            case .count: countRules.append(compact)
            case .share: shareRules.append(compact)
            }
        }
        // Tried by priority, then with a `before` first: a rule that would lose to the best so far
        // whatever it matched is not run (see `bestRule`), so the likely winners go first. Within
        // a priority and kind the tables' order stays, which breaks ties as before.
        func byRank(_ a: CategoryRule, _ b: CategoryRule) -> Bool {
            (a.priority, a.hasBefore ? 1 : 0, -a.index) > (b.priority, b.hasBefore ? 1 : 0, -b.index)
        }
        self.countRules = countRules.sorted(by: byRank)
        self.shareRules = shareRules.sorted(by: byRank)
        func rank(_ rule: CategoryRule) -> Rank {
            Rank(priority: rule.priority, hasBefore: rule.hasBefore, requires: rule.matchers.requires, unless: rule.matchers.unless)
        }
        countRanks = self.countRules.map(rank)
        shareRanks = self.shareRules.map(rank)
        modalities = rules.modalityRules.map { if case .modality(let m) = $0.binding { return m } else { return nil } }
        requirementMatchers = rules.requirements.map(Matcher.init)
        anchoredRequirementMatchers = rules.anchoredRequirements.map(Matcher.init)
        requirementFound = [Int8](repeating: -1, count: rules.requirements.count)
        nounPhrase = Matcher(rules.nounPhrase)
        ofThem = Matcher(rules.ofThem)
        listContinuation = Matcher(rules.listContinuation)
        partIntroduction = Matcher(rules.partIntroduction)
        partOfThem = Matcher(rules.partOfThem)
        pronounPartLead = Matcher(rules.pronounPartLead)
        pronounPartRest = Matcher(rules.pronounPartRest)
        runningTotal = Matcher(rules.runningTotal)
        eventClause = Matcher(rules.eventClause)
        sinceCue = Matcher(rules.sinceCue)
        exchangeLink = Matcher(rules.exchangeLink)
        previousValue = Matcher(rules.previousValue)
        impliedUndone = Matcher(rules.impliedUndone)
        locative = Matcher(rules.locative)
        anchoredLocative = Matcher(rules.anchoredLocative)
        sinceComparison = Matcher(rules.sinceComparison)
        gappedLead = Matcher(rules.gappedLead)
        gappedRest = Matcher(rules.gappedRest)
        restatedLead = Matcher(rules.restatedLead)
        pronounSourceLead = Matcher(rules.pronounSourceLead)
        breakdownLead = Matcher(rules.breakdownLead)
        breakdownRest = Matcher(rules.breakdownRest)
        rate = Matcher(rules.rate)
        datelineLead = Matcher(rules.datelineLead)
        datelineRest = Matcher(rules.datelineRest)
        anaphoricPartLead = Matcher(rules.anaphoricPartLead)
        wholeIntroduction = Matcher(rules.wholeIntroduction)
        wholeLead = Matcher(rules.wholeLead)
        partLead = Matcher(rules.partLead)
        startLead = Matcher(rules.startLead)
        sinceToday = Matcher(rules.sinceToday)
        anaphoricPartRest = Matcher(rules.anaphoricPartRest)
        reportingDateLead = Matcher(rules.reportingDateLead)
    }

    /// Finds the places the article names and the one it names most (ties: the first named).
    private func findPlaces(in bytes: UnsafeBufferPointer<UInt8>) throws {
        placeMentions.removeAll(keepingCapacity: true)
        if rules.locativeFilter.filters(0) {
            // Tried anchored where the filter says a match may start: the first success at or
            // after `position` is the match a search from `position` finds.
            _ = rules.locativeFilter.candidates(in: bytes, starts: &locativeStarts)
            var position = 0
            for start in locativeStarts! where start.position >= position {
                guard try anchoredLocative.matches(bytes, from: start.position) else { continue }
                if let r = anchoredLocative.range(of: "place"), let name = rules.places.lookup(bytes, r) {
                    placeMentions.append((r.lowerBound, name))
                }
                position = max(anchoredLocative.range.upperBound, position + 1)
            }
        } else {
            var position = 0
            while position < bytes.count, try locative.matches(bytes, from: position) {
                if let r = locative.range(of: "place"), let name = rules.places.lookup(bytes, r) {
                    placeMentions.append((r.lowerBound, name))
                }
                position = max(locative.range.upperBound, position + 1)
            }
        }
        var counts: [String: (count: Int, first: Int)] = [:]
        for (offset, place) in placeMentions {
            counts[place] = ((counts[place]?.count ?? 0) + 1, min(counts[place]?.first ?? offset, offset))
        }
        theater = counts.max { a, b in (a.value.count, -a.value.first) < (b.value.count, -b.value.first) }?.key
    }

    /// The place of a figure at `offset` in the sentence `sentence`: the place named nearest to it
    /// in the sentence, else the article's.
    private func place(at offset: Int, in sentence: Range<Int>) -> String? {
        let inSentence = placeMentions.filter { sentence.contains($0.offset) }
        return inSentence.min { abs($0.offset - offset) < abs($1.offset - offset) }?.place ?? theater
    }

    /// What ``bestRule(for:in:_:)`` reads of a category rule.
    private final class CategoryRule {
        let index: Int
        let category: String
        let name: String
        let priority: Int
        let hasBefore: Bool
        let roles: Set<String>?
        let byRole: [String: String]
        let matchers: RuleMatchers

        init(index: Int, rule: ClaimRule, category: String, matchers: RuleMatchers) {
            self.index = index
            self.category = category
            name = rule.name
            priority = rule.priority
            hasBefore = rule.before != nil
            roles = rule.roles
            byRole = rule.byRole
            self.matchers = matchers
        }
    }

    /// The qualifier implied by the `bound` capture of the last ``match(_:at:_:)``.
    @exclusivity(unchecked) private var lastBound: Qualifier?

    /// How far before a figure (in bytes of the marked sentence) a `before` pattern may start.
    static let beforeWindow = 240

    /// Whether a superlative ("the deadliest … since") stands before the "since" that ends
    /// right before `offset`.
    private func isComparison(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The mention may begin with its "since" ("since 1995"), or follow one ("since the 1995 …").
        let window = UnsafeBufferPointer(rebasing: bytes[max(0, offset - 100)..<min(bytes.count, offset + 6)])
        guard let sinceAt = lastSince(in: window) else { return false }
        let head = UnsafeBufferPointer(rebasing: window[0..<sinceAt])
        return (try? sinceComparison.matches(head, from: 0)) == true
    }

    /// Where the last "since" of `window` starts, if any.
    private func lastSince(in window: UnsafeBufferPointer<UInt8>) -> Int? {
        guard window.count >= 5 else { return nil }
        for i in stride(from: window.count - 5, through: 0, by: -1) where window[i] | 0x20 == UInt8(ascii: "s") {
            if (window[i + 1] | 0x20, window[i + 2] | 0x20, window[i + 3] | 0x20, window[i + 4] | 0x20) == (UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "c"), UInt8(ascii: "e")),
               i == 0 || !ByteClass.isLetter(window[i - 1]) {
                return i
            }
        }
        return nil
    }

    /// Whether "since" (or "since the", "since an") stands right before `offset`.
    private func sinceBefore(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let window = UnsafeBufferPointer(rebasing: bytes[max(0, offset - 64)..<offset])
        guard WordStartFilter.mayMatch(0, rules.cueFilter.candidates(in: window)) else { return false }
        return (try? sinceCue.matches(window, from: 0)) == true
    }

    /// A figure bound to a category within a sentence (offsets are in the marked sentence).
    private struct Bound {
        var marker: Int
        var category: String
        var rule: String
        var ruleIndex: Int
        var population: Range<Int>?
        var whole: Int?
        /// Where the figure and its noun phrase end: lists and parts continue from here.
        var extentEnd: Int
        var partOf: Int?
        var list: Int?
        var modality: Claim.Modality?
        /// The qualifier a verb before the figure implies ("surpassed 40,000").
        var bound: Qualifier? = nil
        /// Whether this figure is a part of the last claim of the sentence before ("Of those, 1.8
        /// million …"). (A flag, not the claim: a `Bound` is copied for every rule tried.)
        var ofAntecedent = false
    }

    // MARK: - Articles

    func claims(in article: Article, bytes: UnsafeBufferPointer<UInt8>, mentions: [Mention]) throws -> [Claim] {
        var claims: [Claim] = []
        let sentences = rules.splitter.split(bytes, protecting: mentions)
        try findPlaces(in: bytes)
        namedSources.removeAll(keepingCapacity: true)
        // Running starts: "since …" intervals, and days right after "since (the|an)".
        // ("the deadliest since 1995" compares; it starts nothing.)
        let sinceStarts: [(offset: Int, day: Day)] = mentions.compactMap { m in
            let start: Day?
            if case .openInterval(let p)? = m.time { start = p.start }
            else if let day = m.time?.firstDay, m.time?.kind != "duration", sinceBefore(m.range.lowerBound, in: bytes) { start = day }
            else { start = nil }
            guard let start, !isComparison(before: m.range.lowerBound, in: bytes) else { return nil }
            return (m.range.lowerBound, start)
        }
        // Days of the news: day dates in the week before publication, which an event figure
        // with no date of its own is about ("killing 18 people", after "on Wednesday night").
        let recentDays: [(offset: Int, day: Day)] = article.published.map { published in
            mentions.compactMap { m in
                guard case .point(let p)? = m.time, p.granularity == .day, p.start <= published,
                      p.start.ordinal >= published.ordinal - 7 else { return nil }
                // Not the day a source spoke ("Police Commissioner Mike Bush said this afternoon").
                let lead = UnsafeBufferPointer(rebasing: bytes[0..<m.range.lowerBound])
                if (try? reportingDateLead.matches(lead, from: max(0, m.range.lowerBound - 40))) == true { return nil }
                return (m.range.lowerBound, p.start)
            }
        } ?? []
        var cursor = 0
        // The last claim of the sentence before, which "of them" and "of those" may refer to.
        var antecedent: (claim: Claim, sentence: Int)? = nil
        for (index, sentence) in sentences.enumerated() {
            while cursor < mentions.count, mentions[cursor].range.lowerBound < sentence.lowerBound { cursor += 1 }
            var end = cursor
            while end < mentions.count, mentions[end].range.upperBound <= sentence.upperBound { end += 1 }
            let inSentence = mentions[cursor..<end]
            cursor = end
            // (A plain loop: the closure form crashes the Swift 6.3.1 optimizer in release builds.)
            var hasFigure = false
            for mention in inSentence {
                if let q = mention.quantity, q.kind != .money { hasFigure = true; break }
            }
            guard hasFigure else { continue }
            let marked = MarkedSentence(article: bytes, range: sentence, mentions: inSentence)
            let before = claims.count
            try bind(marked, article: article, bytes: bytes, sinceStarts: sinceStarts, recentDays: recentDays,
                     antecedent: antecedent.flatMap { $0.sentence == index - 1 ? $0.claim : nil }, into: &claims)
            if claims.count > before { antecedent = (claims[claims.count - 1], index) }
        }
        return claims
    }

    // MARK: - Sentences

    private func bind(_ marked: MarkedSentence, article: Article, bytes: UnsafeBufferPointer<UInt8>,
                      sinceStarts: [(offset: Int, day: Day)], recentDays: [(offset: Int, day: Day)], antecedent: Claim?,
                      into claims: inout [Claim]) throws {
        try marked.bytes.withUnsafeBufferPointer { m in
            var bound: [Int: Bound] = [:]
            // In order (ascending), without rates ("30 prisoners for each hostage" is no count).
            let figures = try marked.markers.indices.filter {
                try Self.figureKind(marked.markers[$0].letter) != nil && !rate.matches(m, from: marked.markers[$0].marked.upperBound)
            }
            for i in requirementFound.indices { requirementFound[i] = -1 }
            requirementMask = rules.requirementFilter.candidates(in: m, starts: &requirementStarts)
            currentSentenceRoles = nil
            // A sentence that opens with "Of those," is read with the sentence before: the rules
            // that need a word in their sentence ("hostages" for "were rescued") find it there too.
            var anaphoric: Int? = nil
            if let antecedent, let first = figures.first {
                let lead = UnsafeBufferPointer(rebasing: m[0..<marked.markers[first].marked.lowerBound])
                if try anaphoricPartLead.matches(lead, from: 0) {
                    anaphoric = first
                    var context = antecedent.sentence
                    try context.withUTF8 { previous in
                        let previousMask = rules.requirementFilter.candidates(in: previous)
                        for i in requirementFound.indices {
                            requirementFound[i] = try occurs(i, in: m)
                                || (WordStartFilter.mayMatch(i, previousMask) && requirementMatchers[i].matches(previous, from: 0)) ? 1 : 0
                        }
                    }
                }
            }

            // 1. Rules that bind a figure directly.
            for k in figures {
                if let b = try bestRule(for: k, in: marked, m) { bound[k] = b }
            }
            // A figure after the whole the sentence opens with ("Of the 253 hostages, 105 were
            // released") is a part of it, and counts its people.
            // (The part is the figure right after the whole.)
            if figures.count >= 2, let k = figures.dropFirst().first, var b = bound[k], b.whole == nil, b.partOf == nil,
               Self.figureKind(marked.markers[k].letter) == .count, marked.markers[k].marked.lowerBound < 200,
               try wholeLead.matches(UnsafeBufferPointer(rebasing: m[0..<marked.markers[k].marked.lowerBound]), from: 0),
               let whole = wholeLead.range(of: "whole").flatMap({ marked.marker(at: $0.lowerBound) }), whole == figures[0] {
                b.whole = whole
                if b.population == nil { b.population = wholeLead.range(of: "population") }
                bound[k] = b
            }
            // A figure that is the whole of another ("1.9 million of 2.4 million residents") is not
            // a claim of its own, unless a participle says what happened to it ("two-thirds of
            // the 1,100 people killed", "two of four kidnapped Americans").
            for (k, b) in bound {
                guard let whole = b.whole else { continue }
                bound[whole] = try wholeWithParticiple(whole, in: marked, m)
                if bound[whole] != nil, bound[k]?.partOf == nil { bound[k]?.partOf = whole }
            }
            // A figure bound by a verb of its own and followed by "of whom" or "of them" counts the
            // people of the count before it, and is a part of it when that is bound too ("around
            // 130 hostages, about 30 of whom are believed to be dead"; "500 migrants were on
            // board, 80 of them are still missing").
            for k in figures where Self.figureKind(marked.markers[k].letter) == .count {
                guard let b = bound[k], b.partOf == nil, b.whole == nil,
                      try pronounPartRest.matches(m, from: marked.markers[k].marked.upperBound),
                      let h = figures.last(where: { $0 < k && Self.figureKind(marked.markers[$0].letter) == .count }) else { continue }
                var population = bound[h]?.population
                var end = bound[h]?.extentEnd ?? marked.markers[h].marked.upperBound
                if bound[h] == nil, try nounPhrase.matches(m, from: end), let p = nounPhrase.range(of: "population") {
                    population = p
                    end = p.upperBound
                }
                guard try pronounPartLead.matches(m, from: end), marked.marker(at: pronounPartLead.range.upperBound) == k else { continue }
                if bound[h] != nil { bound[k]?.partOf = h }
                if b.population == nil { bound[k]?.population = population }
            }
            // 2. Figures listed before one bound by what follows it ("132 Tunisians and 56
            // Brazilians were taken hostage"), figures listed after a bound one, and parts of it.
            for k in figures.reversed() {
                guard let b = bound[k], b.ruleIndex >= 0, rules.categoryRules[b.ruleIndex].before == nil else { continue }
                try extendListBackwards(from: b, in: marked, m, figures: figures, bound: &bound)
            }
            for k in figures {
                guard let head = bound[k] else { continue }
                try continueList(from: head, in: marked, m, bound: &bound)
            }
            // An earlier value of a bound figure ("rose to 400, up from 377") counts the same thing
            // as the nearest figure before it.
            for k in figures.reversed() {
                guard let head = bound[k], try previousValue.matches(m, from: head.extentEnd),
                      let next = marked.marker(at: previousValue.range.upperBound), bound[next] == nil,
                      Self.figureKind(marked.markers[next].letter) == Self.figureKind(marked.markers[k].letter) else { continue }
                let end = marked.markers[next].marked.upperBound
                bound[next] = Bound(marker: next, category: head.category, rule: head.rule, ruleIndex: head.ruleIndex,
                                    population: head.population, whole: nil, extentEnd: end)
            }
            // A figure whose verb is left out counts what the figure bound before it in the
            // sentence counts ("1,262 were killed in the south, and 1,900 in the north-west").
            for k in figures where bound[k] == nil && Self.figureKind(marked.markers[k].letter) == .count {
                guard let h = figures.filter({ $0 < k && bound[$0] != nil && Self.figureKind(marked.markers[$0].letter) == .count }).max(),
                      let head = bound[h] else { continue }
                let figure = marked.markers[k].marked
                let lead = UnsafeBufferPointer(rebasing: m[0..<figure.lowerBound])
                // Another estimate of the same count ("…, while residents put the figure at more
                // than 20"): the same people, no member of a list (it is not added to the first).
                if Self.endsWithAtOrAs(lead), try restatedLead.matches(lead, from: max(0, figure.lowerBound - 64)) {
                    bound[k] = Bound(marker: k, category: head.category, rule: "put the figure at <figure> (what the figure before counts)",
                                     ruleIndex: -1, population: head.population, whole: nil, extentEnd: figure.upperBound, partOf: head.partOf)
                    continue
                }
                guard try gappedLead.matches(lead, from: max(0, figure.lowerBound - 48)),
                      try gappedRest.matches(m, from: figure.upperBound) else { continue }
                bound[k] = Bound(marker: k, category: head.category, rule: head.rule, ruleIndex: head.ruleIndex, population: nil,
                                 whole: nil, extentEnd: figure.upperBound, partOf: head.partOf, list: head.list ?? h)
                if head.list == nil { bound[h]!.list = h }
            }
            // A breakdown in parentheses after a bound figure ("382 are still in hospitals in
            // Balasore (105), Bhadrak (56) …"): two or more are parts of the nearest count bound
            // before them, when they do not add up to more than it (ages in parentheses do:
            // "the 12 killed included John Smith (45) and Mary Jones (32)").
            var items: [Int] = []
            for k in figures where bound[k] == nil && Self.figureKind(marked.markers[k].letter) == .count {
                let figure = marked.markers[k].marked
                // (The closing parenthesis first: anchored, it rules most figures out at once.)
                guard try breakdownRest.matches(m, from: figure.upperBound) else { continue }
                let lead = UnsafeBufferPointer(rebasing: m[0..<figure.lowerBound])
                guard try breakdownLead.matches(lead, from: max(0, figure.lowerBound - 80)) else { continue }
                items.append(k)
            }
            if items.count >= 2 {
                var byHead: [Int: [Int]] = [:]
                for k in items {
                    guard let h = figures.filter({ $0 < k && bound[$0] != nil && !items.contains($0)
                            && Self.figureKind(marked.markers[$0].letter) == .count }).max() else { continue }
                    byHead[h, default: []].append(k)
                }
                for (h, parts) in byHead where parts.count >= 2 {
                    guard let head = bound[h], let whole = marked.markers[h].mention.quantity else { continue }
                    let sum = parts.reduce(0.0) { $0 + (marked.markers[$1].mention.quantity?.value ?? .infinity) }
                    guard sum <= (whole.high ?? whole.value) else { continue }
                    for k in parts {
                        bound[k] = Bound(marker: k, category: head.category, rule: "<name> (<figure>), a breakdown", ruleIndex: -1,
                                         population: nil, whole: nil, extentEnd: marked.markers[k].marked.upperBound, partOf: h)
                    }
                }
            }
            // A figure that is part of the last figure of the sentence before ("Of those, 1.8
            // million have crossed into Chad"; "700,000 of them are in Sagaing").
            if let antecedent {
                for k in figures where bound[k] == nil && Self.figureKind(marked.markers[k].letter) == .count {
                    let figure = marked.markers[k].marked
                    let led = anaphoric == k
                    let opens = !m[0..<figure.lowerBound].contains { !ByteClass.isSpace($0) }
                    guard try led || (opens && anaphoricPartRest.matches(m, from: figure.upperBound)) else { continue }
                    var population: Range<Int>? = nil
                    if led, try nounPhrase.matches(m, from: figure.upperBound) { population = nounPhrase.range(of: "population") }
                    var b = Bound(marker: k, category: antecedent.category, rule: antecedent.rule, ruleIndex: -1, population: population,
                                  whole: nil, extentEnd: population?.upperBound ?? figure.upperBound)
                    b.ofAntecedent = true
                    b.modality = antecedent.modality
                    bound[k] = b
                    // A breakdown goes on after it ("The crew — 17 Filipinos, three Ukrainians
                    // and …"): every member is a part of the figure before.
                    if led {
                        try continueList(from: b, in: marked, m, bound: &bound)
                        for j in figures where j != k && bound[j]?.list == k { bound[j]!.ofAntecedent = true }
                    }
                    break
                }
                // Bound by a rule of its own, it is still a part of the figure before.
                if let k = anaphoric, var b = bound[k], !b.ofAntecedent, b.partOf == nil, b.category == antecedent.category {
                    b.ofAntecedent = true
                    bound[k] = b
                    // (And so is every member of a list it heads: "The hostages — 76 females and
                    // 61 males — were rescued".)
                    for j in figures where j != k && bound[j]?.list == k && bound[j]?.partOf == nil && bound[j]?.category == b.category {
                        bound[j]!.ofAntecedent = true
                    }
                }
            }
            // 3. Claims (none when no figure is bound: then the sources and the running total need
            // no looking for).
            guard !bound.isEmpty else { return }
            let attributions = try findAttributions(in: marked, m)
            // A sentence that names no source goes on with the source of the sentence before
            // ("…, Chief Secretary P K Jena said. Of the 1,175 injured, 793 have been
            // discharged …, he told reporters"), unless it has a cue of its own whose source was
            // not found ("saying", "according to"; a pronoun's is the one before) or it looks
            // back to an earlier year ("The 2020 war killed …"): background, not the statement
            // going on.
            let carriesSource = try antecedent != nil && anchorCues.allSatisfy { cues in
                    try (cues ?? []).allSatisfy { cue in
                        try pronounSourceLead.matches(UnsafeBufferPointer(rebasing: m[0..<cue.lowerBound]), from: max(0, cue.lowerBound - 24))
                    }
                }
                && !marked.markers.contains { marker in
                    guard marker.letter == UInt8(ascii: "D") || marker.letter == UInt8(ascii: "S"),
                          let day = marker.mention.time?.firstDay, let published = article.published else { return false }
                    return day.year < published.year
                }
            let runningTotal = try WordStartFilter.mayMatch(1, rules.cueFilter.candidates(in: m)) && runningTotal.matches(m, from: 0)
            let sentenceText = String(decoding: UnsafeBufferPointer(rebasing: bytes[marked.range]), as: UTF8.self)
            var made: [Int: Claim] = [:]
            var previous: Bound? = nil
            for k in figures {
                guard var b = bound[k] else { continue }
                if b.modality == nil { b.modality = try modality(for: k, in: marked, m) }
                if b.modality == nil, let head = b.partOf ?? b.list, head != k { b.modality = bound[head]?.modality }
                // The other side of an exchange shares its modality.
                if b.modality == nil, let p = previous, let modality = p.modality,
                   try exchangeLink.matches(m, from: p.extentEnd), exchangeLink.range.upperBound == marked.markers[k].marked.lowerBound {
                    b.modality = modality
                }
                bound[k] = b
                previous = b
                var claim = makeClaim(b, bound: bound, marked: marked, m, article: article, bytes: bytes, sentenceText: sentenceText, attributions: attributions,
                                      runningTotal: runningTotal, sinceStarts: sinceStarts, recentDays: recentDays)
                // Parts and later members of a list are about what their head is about.
                if let head = b.partOf ?? b.list, head != k, let headClaim = made[head] { claim.refersTo = headClaim.refersTo }
                if b.ofAntecedent, let whole = antecedent {
                    claim.partOf = whole.id
                    claim.refersTo = whole.refersTo
                    if claim.attributedTo == nil { claim.attributedTo = whole.attributedTo }
                }
                if claim.attributedTo == nil, attributions.isEmpty, let antecedent, carriesSource { claim.attributedTo = antecedent.attributedTo }
                made[k] = claim
                claims.append(claim)
            }
        }
    }

    /// Whether `lead` ends with "at" or "as" (any case) between white space: what
    /// `restated_lead` ends with, so that it is run only there.
    private static func endsWithAtOrAs(_ lead: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var n = lead.count
        while n > 0, isSpace(lead[n - 1]) { n -= 1 }
        guard n >= 3, n < lead.count, isSpace(lead[n - 3]), lead[n - 2] | 0x20 == UInt8(ascii: "a") else { return false }
        let last = lead[n - 1] | 0x20
        return last == UInt8(ascii: "t") || last == UInt8(ascii: "s")
    }

    private static func figureKind(_ letter: UInt8) -> ClaimRule.FigureKind? {
        switch letter {
        case UInt8(ascii: "N"), UInt8(ascii: "V"), UInt8(ascii: "R"): return .count
        case UInt8(ascii: "P"), UInt8(ascii: "F"): return .share
        default: return nil
        }
    }

    private func bestRule(for k: Int, in marked: MarkedSentence, _ m: UnsafeBufferPointer<UInt8>) throws -> Bound? {
        let marker = marked.markers[k]
        let kind = Self.figureKind(marker.letter)
        // Order: priority, then a verb governing the figure from before it ("freed 137 hostages
        // kidnapped this month": freed, not kidnapped), then the longer match.
        // The best so far: its rank in scalars (read for every rule tried, so no `Bound` is
        // copied to read them) and the bound itself.
        var best: Bound? = nil
        var found = false, bestScore = 0, bestPriority = Int.min, bestBefore = false
        let (rules, ranks) = kind == .share ? (shareRules, shareRanks) : (countRules, countRanks)
        for i in ranks.indices {
            // (What decides whether a rule is tried is read from a flat array, so that a rule
            // that is not tried costs no reference counting.)
            let rank = ranks[i]
            let hasBefore = rank.hasBefore
            // A rule that would lose to the best so far whatever it matched is not run.
            if found, rank.priority < bestPriority || (rank.priority == bestPriority && !hasBefore && bestBefore) { continue }
            guard try required(rank.requires, in: m), try rank.unless.map({ try !required($0, in: m) }) ?? true else { continue }
            let rule = rules[i]
            let matchers = rule.matchers
            guard let (score, population, whole, end) = try match(matchers, at: marker.marked, m) else { continue }
            let role = self.role(population, at: marker.marked.lowerBound, in: m)
            if let roles = rule.roles, !(role.map(roles.contains) ?? false) { continue }
            let mapped = role.flatMap { rule.byRole[$0] } ?? rule.category
            var candidate = Bound(marker: k, category: mapped, rule: rule.name, ruleIndex: rule.index, population: population,
                                  whole: whole.flatMap { marked.marker(at: $0) }, extentEnd: end)
            candidate.bound = lastBound
            if found {
                if rank.priority != bestPriority { if rank.priority < bestPriority { continue } }
                else if hasBefore != bestBefore { if !hasBefore { continue } }
                else if score <= bestScore { continue }
            }
            best = candidate
            (found, bestScore, bestPriority, bestBefore) = (true, score, rank.priority, hasBefore)
        }
        if let best { return best }
        // No rule: a noun that implies a category ("98 hostages still in Gaza").
        guard kind == .count, try nounPhrase.matches(m, from: marker.marked.upperBound), let population = nounPhrase.range(of: "population"),
              let implied = head(of: population, in: m)?.word.implies,
              !(try impliedUndone.matches(m, from: population.upperBound)) else { return nil }
        return Bound(marker: k, category: implied, rule: "<figure> <noun that implies \(implied)>", ruleIndex: -1, population: population,
                     whole: nil, extentEnd: population.upperBound)
    }

    /// Runs a rule's before/after patterns around the figure at `figure` (marked offsets).
    /// Returns the matched length, the population and whole captures, and where the after part ends.
    private func match(_ matchers: RuleMatchers, at figure: Range<Int>, _ m: UnsafeBufferPointer<UInt8>) throws -> (Int, Range<Int>?, Int?, Int)? {
        lastBound = nil
        var score = figure.count
        var population: Range<Int>? = nil
        var whole: Int? = nil
        var end = figure.upperBound
        if let before = matchers.before {
            // The cue must end right before the figure, and stands within a few words of it.
            let head = UnsafeBufferPointer(rebasing: m[0..<figure.lowerBound])
            guard try before.matches(head, from: max(0, figure.lowerBound - ClaimBinder.beforeWindow)) else { return nil }
            score += before.range.count
            population = before.range(of: "population")
            whole = before.range(of: "whole")?.lowerBound
            if let verb = before.range(of: "bound") { lastBound = rules.boundVerbs.lookup(m, verb) }
        }
        if let after = matchers.after {
            guard try after.matches(m, from: figure.upperBound) else { return nil }
            score += after.range.count
            if let p = after.range(of: "population") { population = p }
            if let w = after.range(of: "whole") { whole = w.lowerBound }
            end = population?.upperBound ?? figure.upperBound
        }
        return (score, population, whole, end)
    }

    /// Binds the unbound figures listed right before `last` to its category: each one's noun
    /// phrase must be followed by a list separator that reaches the next member.
    private func extendListBackwards(from last: Bound, in marked: MarkedSentence, _ m: UnsafeBufferPointer<UInt8>, figures: [Int], bound: inout [Int: Bound]) throws {
        let rule = rules.categoryRules[last.ruleIndex]
        guard case .category(let base) = rule.binding else { return }
        var next = last
        var members: [Int] = []
        for j in figures.reversed() where j < next.marker {
            guard bound[j] == nil, Self.figureKind(marked.markers[j].letter) == .count else { break }
            // "Of the 300 passengers, 40 are missing": the whole, not a member of a list.
            let figureStart = marked.markers[j].marked.lowerBound
            let lead = UnsafeBufferPointer(rebasing: m[0..<figureStart])
            if try wholeIntroduction.matches(lead, from: max(0, figureStart - 32)) { break }
            // "11,520 deaths, including 600 children, and 23,640 injured": a part of the figure
            // before, not of the list after.
            if try partLead.matches(lead, from: max(0, figureStart - 32)) { break }
            let figureEnd = marked.markers[j].marked.upperBound
            var population: Range<Int>? = nil
            if try nounPhrase.matches(m, from: figureEnd) { population = nounPhrase.range(of: "population") }
            let end = population?.upperBound ?? figureEnd
            guard try listContinuation.matches(m, from: end), listContinuation.range.upperBound == marked.markers[next.marker].marked.lowerBound else { break }
            let role = population.flatMap { _ in self.role(population, at: figureStart, in: m) }
            let member = Bound(marker: j, category: role.flatMap { rule.byRole[$0] } ?? base, rule: last.rule, ruleIndex: last.ruleIndex,
                               population: population, whole: nil, extentEnd: end)
            bound[j] = member
            members.append(j)
            next = member
        }
        guard let first = members.last else { return }
        for k in members + [last.marker] { bound[k]?.list = first }
    }

    private func continueList(from head: Bound, in marked: MarkedSentence, _ m: UnsafeBufferPointer<UInt8>, bound: inout [Int: Bound]) throws {
        let byRole = head.ruleIndex >= 0 ? rules.categoryRules[head.ruleIndex].byRole : [:]
        let base = head.category
        var previous = head
        var partOf: Int? = nil
        var list: Int? = nil
        while true {
            let position = previous.extentEnd
            var next: Int? = nil
            if try partIntroduction.matches(m, from: position) || partOfThem.matches(m, from: position) {
                let matcher = try partIntroduction.matches(m, from: position) ? partIntroduction : partOfThem
                next = marked.marker(at: matcher.range.upperBound)
                partOf = head.marker
                list = nil
            } else if try listContinuation.matches(m, from: position) {
                next = marked.marker(at: listContinuation.range.upperBound)
                // "about 60 hostages, 35 of whom are believed to be alive": a part, not a member.
                if let k = next, try pronounPartRest.matches(m, from: marked.markers[k].marked.upperBound) {
                    partOf = head.marker
                    list = nil
                } else if list == nil {
                    list = previous.marker
                }
            }
            guard let k = next, Self.figureKind(marked.markers[k].letter) == .count else { return }
            // A part bound by a verb of its own is still a part ("40 people, including 12
            // children who died in the school"; "136 hostages, of whom at least 25 are believed to
            // be dead": those 25 are hostages). The walk ends there.
            if let own = bound[k], own.rule != head.rule {
                if partOf != nil, own.partOf == nil, own.whole == nil, own.marker != head.marker {
                    bound[k]!.partOf = head.marker
                    if own.population == nil { bound[k]!.population = head.population }
                }
                return
            }
            if bound[k] != nil, partOf == nil { return } // bound by its own rule: not a continuation
            var population: Range<Int>? = nil
            let figureEnd = marked.markers[k].marked.upperBound
            if try ofThem.matches(m, from: figureEnd) {
                population = ofThem.range(of: "population")
            } else if try nounPhrase.matches(m, from: figureEnd) {
                population = nounPhrase.range(of: "population")
            }
            // A part named by a pronoun ("35 of whom") counts the whole's people.
            if population == nil, partOf != nil, try pronounPartRest.matches(m, from: figureEnd) { population = head.population }
            let role = population.flatMap { _ in self.role(population, at: figureEnd, in: m) }
            let category = partOf != nil ? head.category : (role.flatMap { byRole[$0] } ?? base)
            var member = Bound(marker: k, category: category, rule: head.rule, ruleIndex: head.ruleIndex, population: population,
                               whole: nil, extentEnd: max(population?.upperBound ?? figureEnd, figureEnd), partOf: partOf, list: list)
            if partOf != nil, list == nil { list = k }
            member.list = partOf != nil ? list : list
            bound[k] = member
            if partOf == nil, var first = bound[list!], first.list == nil { first.list = list; bound[list!] = first }
            // (Each member ends after the one before, so the walk ends.)
            guard member.extentEnd > position else { return }
            previous = member
        }
    }

    // MARK: - Attributes

    private func modality(for k: Int, in marked: MarkedSentence, _ m: UnsafeBufferPointer<UInt8>) throws -> Claim.Modality? {
        var best: (Int, Claim.Modality)? = nil
        for index in modalityMatchers.indices {
            guard let modality = modalities[index], try allowed(modalityMatchers[index], in: m),
                  let (score, _, _, _) = try match(modalityMatchers[index], at: marked.markers[k].marked, m) else { continue }
            if best == nil || score > best!.0 { best = (score, modality) }
        }
        return best?.1
    }

    /// A source the sentence names (marked offsets), and where the figures it speaks of may start.
    private struct Attribution {
        /// What names the source in the claim: its name, or its acronym when given.
        var source: Range<Int>
        /// The name as written (the `source` group).
        var name: Range<Int>
        var scopeStart: Int
    }

    /// The sources the article has named so far, by the last word of their name ("council" for
    /// "the National Disaster Risk Reduction and Management Council (NDRRMC)"), so that a later
    /// "the council said" names it again.
    @exclusivity(unchecked) private var namedSources: [(head: String, text: String)] = []

    /// `text` (a source as the claim names it, written as `name`), or the source named earlier
    /// in the article that a bare common noun stands for ("the council" after "the … Council
    /// (NDRRMC)"); remembers a proper name for later.
    private func resolvedSource(_ text: String, name: String) -> String {
        // (On the UTF-8 bytes: Character properties cost about 1% of extraction here.)
        let bytes = text.utf8
        if !bytes.isEmpty, bytes.count <= 24, bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
            return namedSources.last { $0.head == text }?.text ?? text
        }
        if namedSources.last?.text == text { return text } // (named just before: remembered)
        let nameBytes = name.utf8
        let space = nameBytes.lastIndex(of: UInt8(ascii: " "))
        let lastStart = space.map { nameBytes.index(after: $0) } ?? nameBytes.startIndex
        guard space != nil || text != name, lastStart < nameBytes.endIndex,
              case UInt8(ascii: "A")...UInt8(ascii: "Z") = nameBytes[lastStart] else { return text }
        namedSources.append((String(name[lastStart...]).lowercased(), text))
        return text
    }

    /// The sources the sentence names: for each attribution rule, every occurrence of its anchor
    /// ("said"), with the source before or after it.
    private func findAttributions(in marked: MarkedSentence, _ m: UnsafeBufferPointer<UInt8>) throws -> [Attribution] {
        var sources: [Attribution] = []
        for i in anchorCues.indices { anchorCues[i] = nil }
        for (index, matchers) in attributionMatchers.enumerated() {
            guard let anchor = matchers.anchor, try allowed(matchers, in: m) else { continue }
            // Rules with the same anchor share its occurrences.
            let group = anchorGroup[index]
            if anchorCues[group] == nil {
                var cues: [Range<Int>] = []
                var position = 0
                while position < m.count, try anchor.matches(m, from: position) {
                    cues.append(anchor.range)
                    position = max(anchor.range.upperBound, position + 1)
                }
                anchorCues[group] = cues
            }
            let onlyAfterAnchor = rules.attributionRules[index].onlyAfterAnchor
            for cue in anchorCues[group]! {
                let scopeStart = onlyAfterAnchor ? cue.upperBound : 0
                if let before = matchers.before {
                    let head = UnsafeBufferPointer(rebasing: m[0..<cue.lowerBound])
                    // (A source's acronym, when given, names it: `source_aside`.)
                    if try before.matches(head, from: max(0, cue.lowerBound - ClaimBinder.beforeWindow)),
                       let name = before.range(of: "source") ?? before.range(of: "owner") {
                        sources.append(Attribution(source: before.range(of: "acronym") ?? name, name: name, scopeStart: scopeStart))
                    }
                }
                if let after = matchers.after, try after.matches(m, from: cue.upperBound),
                   let name = after.range(of: "source") ?? after.range(of: "owner") {
                    sources.append(Attribution(source: after.range(of: "acronym") ?? name, name: name, scopeStart: scopeStart))
                }
            }
        }
        return sources
    }

    /// The role the sentence's people nouns agree on, when the figure's own noun has none: a
    /// sentence that speaks only of prisoners (or detainees, POWs) makes its freed people
    /// prisoners; one that speaks only of hostages or captives makes them captives. Across "in
    /// exchange for" (or "in return for") the sides are opposite: "the release of two passengers
    /// in exchange for 67 detainees" frees captives for prisoners.
    private func sentenceRole(at position: Int, _ m: UnsafeBufferPointer<UInt8>) -> String? {
        if currentSentenceRoles == nil { currentSentenceRoles = findSentenceRoles(m) }
        let roles = currentSentenceRoles!
        guard let link = roles.link, position > link else { return roles.before }
        return roles.after
    }

    /// ``sentenceRole(at:_:)``'s roles of the current sentence, once looked for: on the side
    /// before an exchange link (or of the whole sentence) and after it.
    @exclusivity(unchecked) private var currentSentenceRoles: (before: String?, after: String?, link: Int?)? = nil

    private func findSentenceRoles(_ m: UnsafeBufferPointer<UInt8>) -> (before: String?, after: String?, link: Int?) {
        func flip(_ role: String) -> String { role == "captive" ? "prisoner" : role == "prisoner" ? "captive" : role }
        // Strong roles decide; weak ones ("soldiers": prisoners of war) only when no strong one
        // is named, and are not flipped (soldiers for soldiers is a swap of prisoners).
        var before: String? = nil, after: String? = nil, weak: String? = nil
        var beforeAgrees = true, afterAgrees = true, weakAgrees = true
        var link: Int? = nil
        var previous: Range<Int>? = nil
        var i = 0
        while i < m.count {
            while i < m.count, !ByteClass.isLetter(m[i]) { i += 1 }
            var j = i
            while j < m.count, ByteClass.isLetter(m[j]) { j += 1 }
            guard j > i else { break }
            // "exchange for", "return for": the other side starts here.
            if link == nil, let p = previous, j - i == 3, m[i] | 0x20 == UInt8(ascii: "f"), m[i + 1] | 0x20 == UInt8(ascii: "o"), m[i + 2] | 0x20 == UInt8(ascii: "r"),
               Self.isWord(m, p, "exchange") || Self.isWord(m, p, "return") {
                link = j
            }
            let word = rules.populations.lookup(m, i..<j)
            if let role = word?.role, word!.weak {
                if let w = weak, w != role { weakAgrees = false } else { weak = role }
            } else if let role = word?.role {
                let mine = link == nil ? role : flip(role), theirs = link == nil ? flip(role) : role
                if let b = before, b != mine { beforeAgrees = false } else { before = mine }
                if let a = after, a != theirs { afterAgrees = false } else { after = theirs }
            }
            previous = i..<j
            i = j
        }
        if before == nil, after == nil, weakAgrees, let weak { (before, after) = (weak, weak) }
        guard link != nil else { return (beforeAgrees ? before : nil, nil, nil) }
        return (beforeAgrees ? before : nil, afterAgrees ? after : nil, link)
    }

    private static func isWord(_ m: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ word: StaticString) -> Bool {
        guard r.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<r.count where m[r.lowerBound + k] | 0x20 != w[k] { return false }
        return true
    }

    /// The role of the people a figure counts: its noun's role (a weak one yields to the
    /// sentence's), else the role the sentence's nouns agree on, on the figure's side of an
    /// exchange.
    private func role(_ population: Range<Int>?, at position: Int, in m: UnsafeBufferPointer<UInt8>) -> String? {
        guard let population, let word = head(of: population, in: m)?.word, let role = word.role else { return sentenceRole(at: position, m) }
        return word.weak ? (sentenceRole(at: position, m) ?? role) : role
    }

    /// The whole of a part as a claim of its own, when a participle right after its noun phrase or
    /// among its modifiers names a category (table `whole_participles`).
    private func wholeWithParticiple(_ k: Int, in marked: MarkedSentence, _ m: UnsafeBufferPointer<UInt8>) throws -> Bound? {
        guard Self.figureKind(marked.markers[k].letter) == .count else { return nil }
        let figureEnd = marked.markers[k].marked.upperBound
        func word(at start: Int) -> Range<Int>? {
            var i = start
            while i < m.count, ByteClass.isSpace(m[i]) { i += 1 }
            var j = i
            while j < m.count, ByteClass.isLetter(m[j]) { j += 1 }
            return j > i ? i..<j : nil
        }
        guard try nounPhrase.matches(m, from: figureEnd), let population = nounPhrase.range(of: "population") else {
            // The participle or adjective is the noun: "Among the 46 dead were 12 children".
            guard let w = word(at: figureEnd), let category = rules.wholeParticiples.lookup(m, w) else { return nil }
            return Bound(marker: k, category: category, rule: "the whole of a part, with its participle", ruleIndex: -1,
                         population: nil, whole: nil, extentEnd: w.upperBound)
        }
        var found: String? = nil
        if let after = word(at: population.upperBound) { found = rules.wholeParticiples.lookup(m, after) }
        var i = figureEnd
        while found == nil, let w = word(at: i), w.upperBound < population.upperBound {
            found = rules.wholeParticiples.lookup(m, w)
            i = w.upperBound
        }
        guard var category = found else { return nil }
        if role(population, at: figureEnd, in: m) == "prisoner" {
            category = category.replacingOccurrences(of: "captives_", with: "prisoners_")
        }
        return Bound(marker: k, category: category, rule: "the whole of a part, with its participle", ruleIndex: -1,
                     population: population, whole: nil, extentEnd: population.upperBound)
    }

    /// The role (captive, prisoner) of the head noun of a population phrase.
    private func role(of range: Range<Int>, in m: UnsafeBufferPointer<UInt8>) -> String? {
        head(of: range, in: m)?.word.role
    }

    /// The population noun that ends a phrase: its last one, two or three words.
    private func head(of range: Range<Int>, in m: UnsafeBufferPointer<UInt8>) -> (word: ClaimRules.PopulationWord, start: Int)? {
        var starts: [Int] = []
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, ByteClass.isSpace(m[i]) { i += 1 }
            if i < range.upperBound { starts.append(i) }
            while i < range.upperBound, !ByteClass.isSpace(m[i]) { i += 1 }
        }
        for count in stride(from: min(3, starts.count), through: 1, by: -1) {
            let start = starts[starts.count - count]
            if let word = rules.populations.lookup(m, start..<range.upperBound) { return (word, start) }
        }
        return nil
    }

    /// The population a phrase names, normalized: a demographic head noun ("women", "civilians")
    /// wins; a generic or role noun ("people", "captives", "nationals") gives way to a nationality
    /// word before it ("Israeli captives" → Israelis).
    private func population(of fullRange: Range<Int>, in m: UnsafeBufferPointer<UInt8>) -> String? {
        // "peacekeepers and foreign troops": the first group named.
        var range = fullRange
        if let and = firstConjunctEnd(in: fullRange, m) { range = fullRange.lowerBound..<and }
        guard let (word, headStart) = head(of: range, in: m) else {
            // A nationality as a noun ("one Canadian"): its people.
            var start = range.upperBound
            while start > range.lowerBound, !ByteClass.isSpace(m[start - 1]) { start -= 1 }
            if start < range.upperBound, let nationality = rules.nationalities.lookup(m, start..<range.upperBound) { return nationality }
            // A known people noun followed by words the phrase took for nouns: the phrase ends at
            // the last one ("12 migrants washed ashore").
            var i = range.lowerBound, known: Int? = nil
            while i < start {
                while i < start, ByteClass.isSpace(m[i]) { i += 1 }
                var j = i
                while j < start, !ByteClass.isSpace(m[j]) { j += 1 }
                if j > i, rules.populations.lookup(m, i..<j) != nil || rules.nationalities.lookup(m, i..<j) != nil { known = j }
                i = j
            }
            if let known { return population(of: range.lowerBound..<known, in: m) }
            // An unknown noun after a people-counting verb: the group as written ("seafarers").
            let text = String(decoding: UnsafeBufferPointer(rebasing: m[range]), as: UTF8.self)
            return text.split(separator: " ").last.map(String.init)
        }
        guard word.population == nil || word.population == "people" || word.role != nil else { return word.population }
        // A generic or role noun: a nationality before it, else a people noun before it
        // ("240 people hostage").
        var fallback: String? = nil
        var i = range.lowerBound
        while i < headStart {
            while i < headStart, !ByteClass.isLetter(m[i]) { i += 1 }
            var j = i
            while j < headStart, !ByteClass.isSpace(m[j]) { j += 1 }
            if j > i {
                if let nationality = rules.nationalities.lookup(m, i..<j) { return nationality }
                if fallback == nil, let other = rules.populations.lookup(m, i..<j)?.population { fallback = other }
            }
            i = j
        }
        return word.population ?? fallback
    }

    /// Where the first of two coordinated noun phrases ends (" and "), if the phrase has two.
    private func firstConjunctEnd(in range: Range<Int>, _ m: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = range.lowerBound
        while i + 5 <= range.upperBound {
            if m[i] == 0x20, m[i + 1] | 0x20 == UInt8(ascii: "a"), m[i + 2] | 0x20 == UInt8(ascii: "n"), m[i + 3] | 0x20 == UInt8(ascii: "d"), m[i + 4] == 0x20 {
                return i
            }
            i += 1
        }
        return nil
    }

    // MARK: - Claims

    private func makeClaim(_ b: Bound, bound: [Int: Bound], marked: MarkedSentence, _ m: UnsafeBufferPointer<UInt8>,
                           article: Article, bytes: UnsafeBufferPointer<UInt8>, sentenceText: String, attributions: [Attribution],
                           runningTotal: Bool, sinceStarts: [(offset: Int, day: Day)], recentDays: [(offset: Int, day: Day)]) -> Claim {
        let marker = marked.markers[b.marker]
        let mention = marker.mention
        var quantity = mention.quantity!
        if quantity.qualifier == .exact, let bound = b.bound {
            quantity = quantities.requalified(quantity, as: bound)
        }
        let isShare = Self.figureKind(marker.letter) == .share
        let scale: Double = quantity.kind == .fraction ? 100 : 1
        let start = mention.range.lowerBound
        var end = mention.range.upperBound
        if let p = b.population, p.lowerBound >= marker.marked.upperBound {
            end = max(end, marked.articleOffset(p.upperBound, isEnd: true))
        }
        let claimText = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let group = b.population.flatMap { self.population(of: $0, in: m) }
        // The source nearest the figure, of those that speak of it.
        let nearest = attributions.lazy.filter { $0.scopeStart <= marker.marked.lowerBound }
            .min { self.distance($0.source, marker.marked) < self.distance($1.source, marker.marked) }
        func cleaned(_ range: Range<Int>) -> String {
            let r = marked.articleRange(range)
            var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
            for prefix in ["the ", "The ", "a ", "A ", "an ", "An "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
            // A sentence's full stop is not part of the source ("U.N." keeps its own).
            if text.hasSuffix("."), text.dropLast().firstIndex(of: ".") == nil { text.removeLast() }
            return text
        }
        let source = nearest.map { a -> String in
            let text = cleaned(a.source)
            return resolvedSource(text, name: a.name == a.source ? text : cleaned(a.name))
        }
        let whole = b.whole.flatMap { marked.markers[$0].mention.quantity?.value }
        func id(_ k: Int?) -> String? { k.map { "\(article.id)@\(marked.markers[$0].mention.range.lowerBound)" } }
        return Claim(
            article: article.id, category: b.category,
            value: quantity.value * scale, qualifier: quantity.qualifier,
            low: quantity.low.map { $0 * scale }, high: quantity.high.map { $0 * scale },
            unit: isShare ? .percent : .people, population: group, modality: b.modality ?? .reported,
            refersTo: refersTo(b, marked: marked, m, category: b.category, published: article.published,
                               runningTotal: runningTotal, sinceStarts: sinceStarts, recentDays: recentDays),
            attributedTo: source, start: start, end: end, text: claimText, sentence: sentenceText, rule: b.rule,
            partOf: id(b.partOf), list: id(b.list), whole: whole, place: place(at: start, in: marked.range),
            published: article.published, outlet: article.outlet)
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound >= b.upperBound ? a.lowerBound - b.upperBound : 0
    }

    /// The day, month or interval a figure is about. See claims.yaml for the cues; in short:
    /// a figure in a clause about an event just dated ("since Oct. 7, in which 1,200 were
    /// killed") takes that date; a cumulative figure with "since …" in its sentence runs from
    /// that start to publication; otherwise the nearest date in the sentence; a running total
    /// ("has so far killed") without one runs from the article's "since …" start; else the
    /// publication date.
    private func refersTo(_ b: Bound, marked: MarkedSentence, _ m: UnsafeBufferPointer<UInt8>, category: String, published: Day?,
                          runningTotal: Bool, sinceStarts: [(offset: Int, day: Day)], recentDays: [(offset: Int, day: Day)]) -> String? {
        let figure = marked.markers[b.marker].marked
        let kind = book.category(named: category)?.kind ?? .event
        let dates = marked.markers.filter { ($0.letter == UInt8(ascii: "D") || $0.letter == UInt8(ascii: "S")) && !isDateline($0, m) }
        // An event clause after a date: that date's day.
        for date in dates.reversed() where date.marked.upperBound <= figure.lowerBound {
            let between = UnsafeBufferPointer(rebasing: m[date.marked.upperBound..<figure.lowerBound])
            if between.count < 80, (try? eventClause.matches(between, from: 0)) == true, let day = date.mention.time?.firstDay {
                if case .point(let p)? = date.mention.time { return p.iso }
                // "since 2014, when Boko Haram seized 276 girls": the start, as written.
                if case .openInterval(let p)? = date.mention.time { return p.iso }
                return day.iso
            }
        }
        func followsSince(_ marker: MarkedSentence.Marker) -> Bool {
            sinceStarts.contains { $0.offset == marker.mention.range.lowerBound }
        }
        // (An open interval that is a comparison, "the deadliest day since 2006", starts nothing:
        // `sinceStarts` leaves it out.)
        let since = dates.first { followsSince($0) }
        if kind == .cumulative || rules.datedFromSince.contains(category), let since, let start = since.mention.time?.firstDay {
            return interval(from: start, to: published)
        }
        var points = dates.filter { $0.letter == UInt8(ascii: "D") && !followsSince($0) }
        // When the source spoke, unless another date follows it.
        let spoken = points.filter { date in
            let lead = UnsafeBufferPointer(rebasing: m[0..<date.marked.lowerBound])
            return (try? reportingDateLead.matches(lead, from: max(0, date.marked.lowerBound - 40))) == true
        }
        // (A date after the statement's is the reported event's: "said on Monday that 50 were
        // killed on Sunday"; and so is any other when the statement follows the figure: "the
        // toll from Friday's attacks rose to 50, police said this afternoon".)
        for date in spoken where points.contains(where: { $0.marked.lowerBound > date.marked.upperBound })
            || (date.marked.lowerBound > figure.upperBound && points.count > 1) {
            points.removeAll { $0.marked == date.marked }
        }
        if let nearest = points.min(by: { distance($0.marked, figure) < distance($1.marked, figure) }), let time = nearest.mention.time {
            // "The death toll from Monday's earthquakes has risen to …": a running total from the day
            // named before the figure ("… rose to 2,345 on Monday" is as of that day).
            if kind != .event, runningTotal, nearest.marked.upperBound <= figure.lowerBound,
               case .point(let p) = time, let published, p.start < published {
                // A month only when something began in it ("the war, which erupted in April 2023,
                // has killed …").
                let lead = UnsafeBufferPointer(rebasing: m[0..<nearest.marked.lowerBound])
                if p.granularity == .day || (p.granularity == .month && (try? startLead.matches(lead, from: max(0, nearest.marked.lowerBound - 40))) == true) {
                    return interval(from: p.start, to: published)
                }
            }
            return time.iso
        }
        // No date in the sentence.
        // "since dawn", "overnight": the day of publication, whatever starts the article names.
        // (In the figure's clause: right after it, before a comma.)
        if let published, (try? sinceToday.matches(m, from: figure.upperBound)) == true,
           !m[figure.upperBound..<sinceToday.range.lowerBound].contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") }) {
            return published.iso
        }
        let offset = marked.range.lowerBound
        let start = sinceStarts.last { $0.offset < offset } ?? sinceStarts.first
        if kind == .cumulative, runningTotal, let start { return interval(from: start.day, to: published) }
        // (Before the first of them, as in a headline or the lead: the earliest, the event's day
        // more often than the day it is reported on: "searched Thursday for the gunman who
        // killed 18 on Wednesday".)
        if kind != .stock, let day = recentDays.last(where: { $0.offset < offset }) ?? recentDays.min(by: { $0.day < $1.day }) {
            // A running total after the day of the event runs from it to publication.
            if kind == .cumulative, runningTotal, let published, day.day < published { return interval(from: day.day, to: published) }
            return day.day.iso
        }
        if kind == .cumulative, let start { return interval(from: start.day, to: published) }
        return published?.iso
    }

    /// Whether a date is a sentence's dateline ("GOMA, Oct 4 — At least 78 people died …"): the
    /// day the story was filed, which its figures are not about.
    private func isDateline(_ date: MarkedSentence.Marker, _ m: UnsafeBufferPointer<UInt8>) -> Bool {
        guard date.marked.lowerBound < 80, (try? datelineRest.matches(m, from: date.marked.upperBound)) == true else { return false }
        return (try? datelineLead.matches(UnsafeBufferPointer(rebasing: m[0..<date.marked.lowerBound]), from: 0)) == true
    }

    private func interval(from start: Day, to end: Day?) -> String {
        guard let end else { return start.iso + "/.." }
        return start.iso + "/" + end.iso
    }
}
