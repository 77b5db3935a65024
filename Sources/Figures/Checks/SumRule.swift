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
        let wholeGroup: GroupKey?
    }

    /// Sets of at least `minimum` counted parts: claims sharing a `part_of` (the whole named), or
    /// claims listed together (`list`) about different named groups with the same category and
    /// period (the whole is everyone). Percentages are not summed.
    func partSets(minimum: Int) -> [Parts] {
        var byWhole: [String: [Int]] = [:]
        var byList: [String: [Int]] = [:]
        for i in claims.indices where claims[i].unit == .people && claims[i].isPart {
            let c = records[i]
            if let whole = c.partOf {
                byWhole["\(c.article)|\(whole)|\(c.category)", default: []].append(i)
            } else if let list = c.list, let period = period(i) {
                byList["\(c.article)|\(list)|\(c.category)|\(period)", default: []].append(i)
            }
        }
        var sets: [Parts] = []
        let ids = byWhole.isEmpty ? [:] : Dictionary(records.indices.map { (records[$0].id + "|" + records[$0].category, $0) }, uniquingKeysWith: { a, _ in a })
        for key in byWhole.keys.sorted() {
            let members = byWhole[key]!
            guard members.count >= minimum else { continue }
            let part = records[members[0]]
            let whole = ids[part.partOf! + "|" + part.category]
            let group = whole.flatMap { claims[$0].key() }
            sets.append(Parts(members: members, whole: whole, wholeGroup: group))
        }
        for key in byList.keys.sorted() {
            let members = byList[key]!
            let populations = members.map { claims[$0].populationID }
            guard members.count >= max(2, minimum), !populations.contains(where: { $0 < 0 }),
                  Set(populations).count == populations.count else { continue }
            sets.append(Parts(members: members, whole: nil, wholeGroup: claims[members[0]].key(everyone: true)))
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
    ///
    /// Within an article one check runs per set of parts and whole. Across articles one check
    /// runs per whole (its group of reports), over every set of parts of it in other articles,
    /// so that a whole reported by many articles and broken down by many others is listed once,
    /// not once per pair; it fails with `parts_exceed_whole` when any parts exceed any report,
    /// else with `parts_fall_short`, and cites the claims of every pair that disagrees.
    func sumChecks(into checks: inout [Check]) {
        // Across articles: by the whole's group, or by the named whole alone when it is undated.
        var across: [GroupKey: [(parts: Parts, sum: FigureInterval)]] = [:]
        var acrossWhole: [Int: [(parts: Parts, sum: FigureInterval)]] = [:]
        var byArticle: [GroupKey: [Int: [Int]]] = [:]
        for parts in partSets(minimum: 2) {
            let sum = parts.members.reduce(FigureInterval.zero) { $0 + claims[$1].interval }
            let first = parts.members[0]
            var within = Set<Int>()
            if let whole = parts.whole, claims[whole].article == claims[first].article { within.insert(whole) }
            if let group = parts.wholeGroup, let wholes = self.group(group) {
                if byArticle[group] == nil { byArticle[group] = Dictionary(grouping: wholes) { claims[$0].article } }
                // Within an article, a total in another sentence is usually another breakdown
                // (a province, a day): only the whole the parts name, or one in their sentence.
                for w in byArticle[group]![claims[first].article] ?? [] where records[w].sentence == records[first].sentence { within.insert(w) }
            }
            for whole in inTimeOrder(Array(within)) {
                let over = sum.low > claims[whole].interval.high
                let agrees = sum.overlaps(claims[whole].interval) || (parts.whole != nil && !over)
                let message = agrees
                    ? "The parts \(partsText(parts)) add up to \(sum), which agrees with \(cite(whole))."
                    : "The parts \(partsText(parts)) add up to \(sum), \(over ? "more" : "less") than \(cite(whole))."
                checks.append(check(.sumInArticle, failed: !agrees, reason: over ? "parts_exceed_whole" : "parts_fall_short",
                                    severity: over ? .error : .warning, indices: parts.members + [whole], category: records[whole].category,
                                    population: population(whole), refersTo: period(whole) ?? period(first), message: message))
            }
            if let group = parts.wholeGroup, self.group(group) != nil {
                across[group, default: []].append((parts, sum))
            } else if let whole = parts.whole, claims[whole].article != claims[first].article {
                acrossWhole[whole, default: []].append((parts, sum))
            }
        }
        for key in across.keys.sorted() {
            if let check = acrossCheck(across[key]!, wholes: inTimeOrder(self.group(key)!)) { checks.append(check) }
        }
        for whole in acrossWhole.keys.sorted() {
            if let check = acrossCheck(acrossWhole[whole]!, wholes: [whole]) { checks.append(check) }
        }
    }

    /// `81 + 24 (000_4a6e…)`: a set of parts as written, and their article.
    private func partsText(_ parts: Parts) -> String {
        inTimeOrder(parts.members).map { records[$0].text.isEmpty ? FigureInterval.format(records[$0].value) : records[$0].text }
            .joined(separator: " + ") + " (\(records[parts.members[0]].article))"
    }

    /// The check of every set of parts of one whole against the reports of the whole in other
    /// articles, if any pair is compared. Each set's sum and each report are decided by the
    /// extreme values of the other side from other articles (``TopByArticle``).
    private func acrossCheck(_ sets: [(parts: Parts, sum: FigureInterval)], wholes: [Int]) -> Check? {
        let articleOf = sets.map { claims[$0.parts.members[0]].article }
        // Whole reports: the lowest high and the highest low, from different articles.
        var lowestHigh = TopByArticle(), highestLow = TopByArticle()
        for w in wholes {
            lowestHigh.add(-claims[w].interval.high, article: claims[w].article, index: w)
            highestLow.add(claims[w].interval.low, article: claims[w].article, index: w)
        }
        // Sums: the highest low, and the lowest high of the lists (which may not fall short).
        var sumLow = TopByArticle(), listHigh = TopByArticle()
        for (k, set) in sets.enumerated() {
            sumLow.add(set.sum.low, article: articleOf[k], index: k)
            if set.parts.whole == nil { listHigh.add(-set.sum.high, article: articleOf[k], index: k) }
        }
        // A set is compared when some report is in another article, and a report when some set is.
        let comparedSets = sets.indices.filter { lowestHigh.excluding(articleOf[$0]) != nil }
        guard !comparedSets.isEmpty else { return nil }
        let comparedWholes = wholes.filter { sumLow.excluding(claims[$0].article) != nil }
        func over(_ k: Int) -> Bool { lowestHigh.excluding(articleOf[k]).map { -$0.value < sets[k].sum.low } ?? false }
        func short(_ k: Int) -> Bool {
            sets[k].parts.whole == nil && (highestLow.excluding(articleOf[k]).map { $0.value > sets[k].sum.high } ?? false)
        }
        let failingSets = comparedSets.filter { over($0) || short($0) }
        let failingWholes = comparedWholes.filter { w in
            let p = claims[w]
            let exceeded = sumLow.excluding(p.article).map { $0.value > p.interval.high } ?? false
            let shortOf = listHigh.excluding(p.article).map { -$0.value < p.interval.low } ?? false
            return exceeded || shortOf
        }
        let anyOver = failingSets.contains(where: over)
        let whole = wholes[0]
        let message: String
        if failingSets.isEmpty {
            let sums = comparedSets.prefix(3).map { "\(partsText(sets[$0].parts)) add up to \(sets[$0].sum)" }
            let more = comparedSets.count > 3 ? ", and \(CheckContext.count(comparedSets.count - 3)) more sets of parts" : ""
            message = comparedSets.count == 1
                ? "The parts \(sums[0]), which agrees with \(cite(comparedWholes))."
                : "The parts \(sums.joined(separator: "; "))\(more): each agrees with \(cite(comparedWholes))."
        } else {
            var pairs: [String] = []
            search: for k in failingSets {
                for w in wholes where claims[w].article != articleOf[k] {
                    let interval = claims[w].interval
                    let exceeds = sets[k].sum.low > interval.high
                    guard exceeds || (sets[k].parts.whole == nil && sets[k].sum.high < interval.low) else { continue }
                    pairs.append("The parts \(partsText(sets[k].parts)) add up to \(sets[k].sum), \(exceeds ? "more" : "less") than \(cite(w))")
                    if pairs.count == 3 { break search }
                }
            }
            let total = disagreeingSumPairs(sets, comparedSets: failingSets, wholes: wholes)
            message = pairs.joined(separator: "; ") + (total > 3 ? "; and \(CheckContext.count(total - 3)) more pairs." : ".")
        }
        let partsOfSets = comparedSets.flatMap { sets[$0].parts.members }
        let evidence = failingSets.flatMap { sets[$0].parts.members } + failingWholes
        return check(.sumAcrossArticles, failed: !failingSets.isEmpty, reason: anyOver ? "parts_exceed_whole" : "parts_fall_short",
                     severity: anyOver ? .error : .warning, indices: partsOfSets + comparedWholes, evidence: evidence,
                     category: records[whole].category, population: population(whole),
                     refersTo: period(whole) ?? period(sets[0].parts.members[0]), message: message)
    }

    /// How many pairs of a set of parts and a report of its whole in another article disagree,
    /// counted by binary search over the reports' bounds (overall, less the set's own article).
    private func disagreeingSumPairs(_ sets: [(parts: Parts, sum: FigureInterval)], comparedSets: [Int], wholes: [Int]) -> Int {
        let highs = wholes.map { claims[$0].interval.high }.sorted(), lows = wholes.map { claims[$0].interval.low }.sorted()
        var byArticle: [Int: (highs: [Double], lows: [Double])] = [:]
        for w in wholes {
            byArticle[claims[w].article, default: ([], [])].highs.append(claims[w].interval.high)
            byArticle[claims[w].article]!.lows.append(claims[w].interval.low)
        }
        for key in byArticle.keys { byArticle[key]!.highs.sort(); byArticle[key]!.lows.sort() }
        var count = 0
        for k in comparedSets {
            let sum = sets[k].sum
            let own = byArticle[claims[sets[k].parts.members[0]].article] ?? ([], [])
            count += highs.countBelow(sum.low) - own.highs.countBelow(sum.low)
            if sets[k].parts.whole == nil {
                count += (lows.count - lows.countAtMost(sum.high)) - (own.lows.count - own.lows.countAtMost(sum.high))
            }
        }
        return count
    }
}
