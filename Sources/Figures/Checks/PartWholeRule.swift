extension CheckRule {
    /// A single part named with its whole (`part_of`) is no larger than the whole.
    public static let partOfWhole = CheckRule(
        name: "part_whole.part_of", kind: .partExceedsWhole,
        summary: "A part named with its whole (\"240 Palestinians, including 71 women\") is no larger than the whole.")
    /// "1.9 million of Gaza's 2.4 million residents": the part is no larger than the whole it is
    /// given with.
    public static let ofWhole = CheckRule(
        name: "part_whole.of_whole", kind: .partExceedsWhole,
        summary: "A figure given as a part of a whole (\"1.9 million of 2.4 million\") is no larger than the whole.")
    /// A percentage of a group is at most 100%.
    public static let share = CheckRule(
        name: "part_whole.share", kind: .partExceedsWhole,
        summary: "A share of a group is at most 100%.")
    /// A named group's figure is no larger than another article's figure for everyone, for the
    /// same category and period.
    public static let subgroup = CheckRule(
        name: "part_whole.subgroup", kind: .partExceedsWhole,
        summary: "A named group's figure is no larger than another article's figure for everyone, same category and period.")
}

extension CheckContext {
    /// **part exceeds whole** (error), four rules:
    ///
    /// - `part_whole.part_of` (reason `part_over_whole`): a part that is the only one linked to
    ///   its whole by `part_of` must have `low ≤ whole.high` (two or more parts are summed by
    ///   the sum rules instead).
    /// - `part_whole.of_whole` (reason `part_over_whole`): a claim with a `whole` ("1.9 million
    ///   of Gaza's 2.4 million residents") must have `low ≤ whole`; the report shows the share.
    /// - `part_whole.share` (reason `share_over_100`): a percentage must have `low ≤ 100`.
    /// - `part_whole.subgroup` (reason `part_over_whole`): claims of a named group and claims
    ///   about everyone with the same category, unit and period, from different articles: each
    ///   named figure's `low` must not exceed the figure for everyone's `high`. One check runs
    ///   per group of claims about everyone, over every named group of its category and period
    ///   (so that the claims about everyone are listed once, not once per named group); a named
    ///   figure is over when the lowest high for everyone from other articles is below its low.
    func partWholeChecks(into checks: inout [Check]) {
        for parts in partSets(minimum: 1) where parts.members.count == 1 {
            guard let whole = parts.whole else { continue }
            let part = parts.members[0]
            let failed = claims[part].interval.low > claims[whole].interval.high
            let message = failed
                ? "The part \(cite(part)) is larger than its whole, \(cite(whole))."
                : "The part \(cite(part)) is within its whole, \(cite(whole))."
            checks.append(check(.partOfWhole, failed: failed, reason: "part_over_whole", indices: [part, whole],
                                category: category(of: part), population: population(whole),
                                refersTo: period(whole) ?? period(part), message: message))
        }
        for i in claims.indices {
            // A percentage's whole is the group it is a share of, not a count to compare with.
            if let whole = records[i].whole, whole > 0, claims[i].unit == .people {
                let failed = claims[i].interval.low > whole
                let share = FigureInterval.format((records[i].value / whole * 1000).rounded() / 10)
                let message = failed
                    ? "\(cite(i)) is given as a part of \(FigureInterval.format(whole)), but is larger (\(share)%)."
                    : "\(cite(i)) is \(share)% of the whole it is given with, \(FigureInterval.format(whole))."
                checks.append(check(.ofWhole, failed: failed, reason: "part_over_whole", indices: [i],
                                    category: category(of: i), population: population(i), refersTo: period(i), message: message))
            }
            if claims[i].unit == .percent {
                let failed = claims[i].interval.low > 100
                let message = failed ? "\(cite(i)) is a share over 100%." : "\(cite(i)) is a share of at most 100%."
                checks.append(check(.share, failed: failed, reason: "share_over_100", indices: [i],
                                    category: category(of: i), population: population(i), refersTo: period(i), message: message))
            }
        }
        // Named groups by the group of everyone's claims of the same category and period, found
        // from the groups' keys, as (whole, named) group numbers in the order of the wholes' keys
        // (the groups are numbered in the order of their keys).
        var namedByWhole: [UInt64] = []
        for g in groupKeys.indices where groupKeys[g].population >= 0 {
            var whole = groupKeys[g]
            whole.population = -1
            if let w = groupNumber(of: whole) { namedByWhole.append(UInt64(w) << 32 | UInt64(g)) }
        }
        namedByWhole.sort()
        var next = 0
        while next < namedByWhole.count {
            let w = Int(namedByWhole[next] >> 32)
            var end = next + 1
            while end < namedByWhole.count, namedByWhole[end] >> 32 == w { end += 1 }
            let namedGroups = namedByWhole[next..<end].map { self.groups[Int($0 & 0xFFFF_FFFF)] }
            next = end
            let everyone = self.groups[w]
            var lowestHigh = TopByArticle()
            for e in everyone { lowestHigh.add(-claims[e].interval.high, article: claims[e].article, index: e) }
            // A named group is compared when one of its claims is in another article than a
            // claim about everyone.
            let compared = namedGroups.filter { group in group.contains { lowestHigh.excluding(claims[$0].article) != nil } }
            guard !compared.isEmpty else { continue }
            let named = compared.flatMap { $0 }
            var highestLow = TopByArticle()
            for g in named { highestLow.add(claims[g].interval.low, article: claims[g].article, index: g) }
            let over = named.filter { g in lowestHigh.excluding(claims[g].article).map { -$0.value < claims[g].interval.low } ?? false }
            let under = everyone.filter { e in highestLow.excluding(claims[e].article).map { $0.value > claims[e].interval.high } ?? false }
            var pairs: [(Int, Int)] = []
            search: for g in over {
                for e in everyone where claims[g].article != claims[e].article && claims[g].interval.low > claims[e].interval.high {
                    pairs.append((g, e))
                    if pairs.count == 3 { break search }
                }
            }
            let first = named[0]
            let single = compared.count == 1 ? population(first) : nil
            let groups = groupsPhrase(compared.map { population($0[0])! })
            let what = "\(words(of: first)) · \(groups ?? phrase(single)) · \(period(first)!)"
            let message = over.isEmpty
                ? "The figures for \(what) are within those for everyone: \(cite(named)) against \(cite(everyone))."
                : "The figures for \(what) exceed those for everyone: \(citePairs(pairs, "against"))."
            checks.append(check(.subgroup, failed: !over.isEmpty, reason: "part_over_whole", indices: named + everyone,
                                evidence: over + under, category: category(of: first),
                                population: single, groups: groups, refersTo: period(first), message: message))
        }
    }
}
