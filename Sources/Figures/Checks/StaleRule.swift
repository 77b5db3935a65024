extension CheckRule {
    /// A figure is not much older than the figures of its series that other articles published
    /// the same day.
    public static let staleSameDay = CheckRule(
        name: "stale.same_day", kind: .stale,
        summary: "A figure is not much older than other articles' figures of its series published the same day.")
}

extension CheckContext {
    /// **stale** (reason `older_than_same_day`, warning): within a series of one group (running
    /// totals with the same start; or levels of one stock), the claims published on the same day
    /// by at least two articles are compared by the day they are given as of. A claim whose as-of
    /// day is more than ``Checker/Options/staleAfterDays`` days before the newest as-of day among
    /// the other articles' claims that day is stale: an outlet repeating a toll from months ago
    /// while others give today's. One check runs per series and publication day.
    func staleChecks() -> [Check] {
        var series: [String: [Int]] = [:]
        for (i, p) in claims.enumerated() where p.time != nil && p.claim.published != nil {
            if let s = p.series {
                series["t|\(s)|\(p.population ?? "")", default: []].append(i)
            } else if p.kind == .stock {
                series["s|\(p.claim.place ?? "")|\(p.claim.category)|\(p.claim.unit.rawValue)|\(p.population ?? "")", default: []].append(i)
            }
        }
        var checks: [Check] = []
        for key in series.keys.sorted() {
            var byDay: [Day: [Int]] = [:]
            for i in series[key]! { byDay[claims[i].claim.published!, default: []].append(i) }
            for day in byDay.keys.sorted() {
                let members = inTimeOrder(byDay[day]!)
                guard Set(members.map { claims[$0].claim.article }).count >= 2 else { continue }
                var stale: [Int] = []
                var newer = Set<Int>()
                for c in members {
                    let others = members.filter { claims[$0].claim.article != claims[c].claim.article }
                    guard let newest = others.max(by: { claims[$0].time!.end.first < claims[$1].time!.end.first }) else { continue }
                    let gap = claims[newest].time!.end.first.ordinal - claims[c].time!.end.last.ordinal
                    if gap > options.staleAfterDays {
                        stale.append(c)
                        newer.insert(newest)
                    }
                }
                let first = claims[members[0]]
                let newest = members.max { claims[$0].time!.end.first < claims[$1].time!.end.first }!
                let what = "\(words(first.claim.category)) · \(phrase(first.population))"
                let message = stale.isEmpty
                    ? "The figures of \(what) published on \(day.iso) are of about the same date: \(cite(members))."
                    : "Published on \(day.iso), \(cite(stale)) \(stale.count == 1 ? "is" : "are") more than \(options.staleAfterDays) days older than \(cite(Array(newer)))."
                checks.append(check(.staleSameDay, failed: !stale.isEmpty, reason: "older_than_same_day", severity: .warning,
                                    indices: members, evidence: stale + Array(newer), category: first.claim.category,
                                    population: first.population, refersTo: claims[newest].period, message: message))
            }
        }
        return checks
    }
}
