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
    ///   named figure's `low` must not exceed the figure for everyone's `high`.
    func partWholeChecks() -> [Check] {
        var checks: [Check] = []
        for parts in partSets(minimum: 1) where parts.members.count == 1 {
            guard let whole = parts.whole else { continue }
            let part = parts.members[0]
            let failed = claims[part].interval.low > claims[whole].interval.high
            let message = failed
                ? "The part \(cite(part)) is larger than its whole, \(cite(whole))."
                : "The part \(cite(part)) is within its whole, \(cite(whole))."
            checks.append(check(.partOfWhole, failed: failed, reason: "part_over_whole", indices: [part, whole],
                                category: claims[part].claim.category, population: claims[whole].population,
                                refersTo: claims[whole].period ?? claims[part].period, message: message))
        }
        for (i, p) in claims.enumerated() {
            // A percentage's whole is the group it is a share of, not a count to compare with.
            if let whole = p.claim.whole, whole > 0, p.claim.unit == .people {
                let failed = p.interval.low > whole
                let share = FigureInterval.format((p.claim.value / whole * 1000).rounded() / 10)
                let message = failed
                    ? "\(cite(i)) is given as a part of \(FigureInterval.format(whole)), but is larger (\(share)%)."
                    : "\(cite(i)) is \(share)% of the whole it is given with, \(FigureInterval.format(whole))."
                checks.append(check(.ofWhole, failed: failed, reason: "part_over_whole", indices: [i],
                                    category: p.claim.category, population: p.population, refersTo: p.period, message: message))
            }
            if p.claim.unit == .percent {
                let failed = p.interval.low > 100
                let message = failed ? "\(cite(i)) is a share over 100%." : "\(cite(i)) is a share of at most 100%."
                checks.append(check(.share, failed: failed, reason: "share_over_100", indices: [i],
                                    category: p.claim.category, population: p.population, refersTo: p.period, message: message))
            }
        }
        for group in groups {
            let first = claims[group[0]]
            guard first.population != nil, let everyone = groupIndex[key(first, population: nil)] else { continue }
            var compared = 0
            var pairs: [(Int, Int)] = []
            for g in group {
                for e in everyone where claims[g].claim.article != claims[e].claim.article {
                    compared += 1
                    if claims[g].interval.low > claims[e].interval.high { pairs.append((g, e)) }
                }
            }
            guard compared > 0 else { continue }
            let what = "\(words(first.claim.category)) · \(phrase(first.population)) · \(first.period!)"
            let message = pairs.isEmpty
                ? "The figures for \(what) are within those for everyone: \(cite(group)) against \(cite(everyone))."
                : "The figures for \(what) exceed those for everyone: " + pairs.prefix(3).map { "\(cite($0.0)) against \(cite($0.1))" }.joined(separator: "; ") + "."
            checks.append(check(.subgroup, failed: !pairs.isEmpty, reason: "part_over_whole", indices: group + everyone,
                                evidence: pairs.flatMap { [$0.0, $0.1] }, category: first.claim.category,
                                population: first.population, refersTo: first.period, message: message))
        }
        return checks
    }
}
