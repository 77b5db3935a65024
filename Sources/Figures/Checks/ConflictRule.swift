extension CheckRule {
    /// Reports of one event (an exchange, a release), or counts of one day or month, from
    /// different articles must allow a common value.
    public static let sameEvent = CheckRule(
        name: "conflict.same_event", kind: .conflict,
        summary: "Reports of one event, or counts for one day or month, from different articles must allow a common value.")
    /// Levels of a stock (held, displaced, missing) on the same day, from different articles,
    /// must allow a common value.
    public static let sameLevel = CheckRule(
        name: "conflict.same_level", kind: .conflict,
        summary: "Levels of one stock on the same day, from different articles, must allow a common value.")
    /// Running totals of one series as of the same day, from different articles, must allow a
    /// common value.
    public static let sameTotal = CheckRule(
        name: "conflict.same_total", kind: .conflict,
        summary: "Running totals of one series as of the same day, from different articles, must allow a common value.")
}

extension CheckContext {
    /// **conflict** (reason `reports_disagree`, severity error): a group of claims from at least
    /// two articles (same category, unit, population and period) in which two claims of
    /// different articles have intervals that do not overlap: "81 Israelis were released in
    /// November" against "80 Israeli captives were freed" in the same truce. The finding rests
    /// on every claim of such a pair; claims that agree with all others are not cited.
    ///
    /// A claim disagrees with some claim of another article exactly when the highest low of the
    /// other articles is above its high, or their lowest high below its low; keeping the two
    /// best values from different articles answers that for every claim in one pass.
    func conflictChecks(into checks: inout [Check]) {
        for group in groups {
            guard group.contains(where: { claims[$0].article != claims[group[0]].article }) else { continue }
            let first = group[0]
            var highestLow = TopByArticle(), lowestHigh = TopByArticle()
            for i in group {
                highestLow.add(claims[i].interval.low, article: claims[i].article, index: i)
                lowestHigh.add(-claims[i].interval.high, article: claims[i].article, index: i)
            }
            let disagreeing = group.filter { disagrees($0, highestLow, lowestHigh) }
            let rule: CheckRule = claims[first].isRunningTotal ? .sameTotal : claims[first].kind == .stock ? .sameLevel : .sameEvent
            let what = "\(words(of: first)) · \(phrase(population(first))) · \(period(first)!)"
            // In time order once, for the message and the check.
            let ordered = inTimeOrder(group)
            let message: String
            if disagreeing.isEmpty {
                message = "\(group.count) reports of \(what) agree: \(cite(ordered))."
            } else {
                let pairs = firstConflictPairs(group)
                // More pairs than the message cites: count them.
                message = "Reports of \(what) disagree: \(citePairs(pairs, "against", total: pairs.count < 3 ? nil : conflictPairCount(group)))."
            }
            checks.append(check(rule, failed: !disagreeing.isEmpty, reason: "reports_disagree", indices: ordered,
                                evidence: disagreeing, category: category(of: first), population: population(first),
                                refersTo: period(first), message: message))
        }
    }

    /// Whether claim `i` disagrees with a claim of another article, given the highest lows and
    /// the lowest highs (negated) of the claims it may be compared with.
    private func disagrees(_ i: Int, _ highestLow: TopByArticle, _ lowestHigh: TopByArticle) -> Bool {
        if let low = highestLow.excluding(claims[i].article), low.value > claims[i].interval.high { return true }
        if let high = lowestHigh.excluding(claims[i].article), -high.value < claims[i].interval.low { return true }
        return false
    }

    /// The first three disagreeing pairs of a group in its order (a claim, then each later claim
    /// it disagrees with): only a claim that disagrees with a later one is scanned.
    private func firstConflictPairs(_ group: [Int]) -> [(Int, Int)] {
        var later: [(TopByArticle, TopByArticle)] = Array(repeating: (TopByArticle(), TopByArticle()), count: group.count + 1)
        for k in stride(from: group.count - 1, through: 0, by: -1) {
            let i = group[k]
            later[k] = later[k + 1]
            later[k].0.add(claims[i].interval.low, article: claims[i].article, index: i)
            later[k].1.add(-claims[i].interval.high, article: claims[i].article, index: i)
        }
        var pairs: [(Int, Int)] = []
        for x in group.indices where disagrees(group[x], later[x + 1].0, later[x + 1].1) {
            let a = claims[group[x]]
            for y in (x + 1)..<group.count {
                let b = claims[group[y]]
                guard a.article != b.article, !a.interval.overlaps(b.interval) else { continue }
                pairs.append((group[x], group[y]))
                if pairs.count == 3 { return pairs }
            }
        }
        return pairs
    }

    /// How many pairs of claims of different articles in `group` disagree: for each claim, the
    /// claims whose high is below its low, counted by binary search, less those of its own
    /// article.
    private func conflictPairCount(_ group: [Int]) -> Int {
        let highs = group.map { claims[$0].interval.high }.sorted()
        var byArticle: [Int: [Double]] = [:]
        for i in group { byArticle[claims[i].article, default: []].append(claims[i].interval.high) }
        for key in byArticle.keys { byArticle[key]!.sort() }
        var count = 0
        for i in group {
            let low = claims[i].interval.low
            count += highs.countBelow(low) - byArticle[claims[i].article]!.countBelow(low)
        }
        return count
    }
}
