extension CheckRule {
    /// Parts given together in an article must add up to their whole in the same article.
    public static let sumInArticle = CheckRule(
        name: "sum.in_article", kind: .sumMismatch,
        summary: "Parts given together must add up to their whole in the same article.")
    /// Parts given together in one article must add up to every other article's report of their
    /// whole.
    public static let sumAcrossArticles = CheckRule(
        name: "sum.across_articles", kind: .sumMismatch,
        summary: "Parts given together in one article must add up to other articles' reports of their whole.")
}

extension CheckContext {
    /// A set of parts of one whole, from one article.
    struct Parts {
        let members: [Int]
        /// The whole's claim in the same article, when the parts name it (`part_of`).
        let whole: Int?
        /// The key of the whole's group, when it is known and dated.
        let wholeGroup: String?
    }

    /// Sets of at least `minimum` counted parts: claims sharing a `part_of` (the whole named), or
    /// claims listed together (`list`) about different named groups with the same category and
    /// period (the whole is everyone). Percentages are not summed.
    func partSets(minimum: Int) -> [Parts] {
        var byWhole: [String: [Int]] = [:]
        var byList: [String: [Int]] = [:]
        for (i, p) in claims.enumerated() where p.claim.unit == .people {
            if let whole = p.claim.partOf {
                byWhole["\(p.claim.article)|\(whole)|\(p.claim.category)", default: []].append(i)
            } else if let list = p.claim.list, p.period != nil {
                byList["\(p.claim.article)|\(list)|\(p.claim.category)|\(p.period!)", default: []].append(i)
            }
        }
        var sets: [Parts] = []
        let ids = Dictionary(claims.indices.map { (claims[$0].claim.id + "|" + claims[$0].claim.category, $0) }, uniquingKeysWith: { a, _ in a })
        for key in byWhole.keys.sorted() {
            let members = byWhole[key]!
            guard members.count >= minimum else { continue }
            let part = claims[members[0]]
            let whole = ids[part.claim.partOf! + "|" + part.claim.category]
            let group = whole.flatMap { claims[$0].period == nil ? nil : self.key(claims[$0], population: claims[$0].population) }
            sets.append(Parts(members: members, whole: whole, wholeGroup: group))
        }
        for key in byList.keys.sorted() {
            let members = byList[key]!
            let populations = members.map { claims[$0].population }
            guard members.count >= max(2, minimum), !populations.contains(where: { $0 == nil }),
                  Set(populations).count == populations.count else { continue }
            sets.append(Parts(members: members, whole: nil, wholeGroup: self.key(claims[members[0]], population: nil)))
        }
        return sets
    }

    /// **sum mismatch**: for each set of at least two parts, the interval of their sum (the sum
    /// of the lows to the sum of the highs) must overlap the interval of each report of the
    /// whole: the whole named by `part_of` and any report of the whole's group in the same
    /// article (`sum.in_article`), and every report of the whole's group in other articles
    /// (`sum.across_articles`). A listed set's whole is the same category and period for
    /// everyone: 81 Israelis and 24 foreigners released against 105 captives released.
    ///
    /// Reasons: `parts_exceed_whole` (error) when the parts' lowest sum is above the whole's
    /// highest value; `parts_fall_short` (warning) when a list's highest sum is below the
    /// whole's lowest value, since a breakdown may leave a group out. Parts named as a selection
    /// of their whole ("240 Palestinians, including 71 women and 169 children") may fall short.
    /// Within one article only the whole the parts name and totals in their own sentence count.
    func sumChecks() -> [Check] {
        var checks: [Check] = []
        for parts in partSets(minimum: 2) {
            let sum = parts.members.reduce(FigureInterval.zero) { $0 + claims[$1].interval }
            let article = claims[parts.members[0]].claim.article
            var wholes = Set<Int>()
            if let whole = parts.whole { wholes.insert(whole) }
            if let group = parts.wholeGroup { wholes.formUnion(groupIndex[group] ?? []) }
            let sentence = claims[parts.members[0]].claim.sentence
            for whole in inTimeOrder(Array(wholes)) {
                let w = claims[whole]
                let within = w.claim.article == article
                // Within an article, a total in another sentence is usually another breakdown
                // (a province, a day): only the whole the parts name, or one in their sentence.
                if within, whole != parts.whole, w.claim.sentence != sentence { continue }
                let over = sum.low > w.interval.high
                // Parts named with "including" need not be all of the whole: falling short is fine.
                let agrees = sum.overlaps(w.interval) || (parts.whole != nil && !over)
                let partsText = inTimeOrder(parts.members).map { claims[$0].claim.text.isEmpty ? FigureInterval.format(claims[$0].claim.value) : claims[$0].claim.text }.joined(separator: " + ")
                let message = agrees
                    ? "The parts \(partsText) (\(article)) add up to \(sum), which agrees with \(cite(whole))."
                    : "The parts \(partsText) (\(article)) add up to \(sum), \(over ? "more" : "less") than \(cite(whole))."
                checks.append(check(within ? .sumInArticle : .sumAcrossArticles, failed: !agrees,
                                    reason: over ? "parts_exceed_whole" : "parts_fall_short", severity: over ? .error : .warning,
                                    indices: parts.members + [whole], category: w.claim.category, population: w.population,
                                    refersTo: w.period ?? claims[parts.members[0]].period, message: message))
            }
        }
        return checks
    }
}
