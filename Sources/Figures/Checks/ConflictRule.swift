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
    func conflictChecks() -> [Check] {
        var checks: [Check] = []
        for group in groups {
            let articles = Set(group.map { claims[$0].claim.article })
            guard articles.count >= 2 else { continue }
            let first = claims[group[0]]
            var disagreeing = Set<Int>()
            var pairs: [(Int, Int)] = []
            for a in 0..<group.count {
                for b in (a + 1)..<group.count {
                    let pa = claims[group[a]], pb = claims[group[b]]
                    if pa.claim.article != pb.claim.article, !pa.interval.overlaps(pb.interval) {
                        disagreeing.formUnion([group[a], group[b]])
                        pairs.append((group[a], group[b]))
                    }
                }
            }
            let rule: CheckRule = first.time!.isRunningTotal ? .sameTotal : first.kind == .stock ? .sameLevel : .sameEvent
            let what = "\(words(first.claim.category)) · \(phrase(first.population)) · \(first.period!)"
            let message: String
            if disagreeing.isEmpty {
                message = "\(group.count) reports of \(what) agree: \(cite(group))."
            } else {
                let pairText = pairs.prefix(3).map { "\(cite($0.0)) against \(cite($0.1))" }.joined(separator: "; ")
                message = "Reports of \(what) disagree: \(pairText)\(pairs.count > 3 ? "; and \(pairs.count - 3) more pairs" : "")."
            }
            checks.append(check(rule, failed: !disagreeing.isEmpty, reason: "reports_disagree", indices: group,
                                evidence: Array(disagreeing), category: first.claim.category, population: first.population,
                                refersTo: first.period, message: message))
        }
        return checks
    }
}
