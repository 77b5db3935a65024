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
    /// while others give today's. One check runs per series and publication day. The newest
    /// claim of another article than a claim's is the newest of the day, or the newest of the
    /// other articles when the claim is of its article: two values decide every claim.
    func staleChecks(into checks: inout [Check]) {
        // The claims that may be stale, by series (a running total's, or a stock's levels), group
        // and publication day: sorted, each run of equal keys is one check. Each candidate is its
        // series' key in packed words (``GroupKey/packed``; its days are zero), its publication
        // day with the sign bit flipped (in place of those days), and its claim's rank in time
        // order (the claim is `byRank[rank]`): the sort compares words and reads nothing else.
        var candidates: [(UInt64, UInt64, UInt64, rank: Int)] = []
        for i in claims.indices where claims[i].isDated && claims[i].published != .max {
            let p = claims[i]
            guard p.series != nil || p.kind == .stock else { continue }
            let series = GroupKey(place: p.placeID, category: p.categoryID, unit: p.unit == .percent ? 1 : 0, population: p.populationID,
                                  series: Int32(p.series ?? -1), first: 0, last: 0).packed
            candidates.append((series.0, series.1, UInt64(bitPattern: Int64(p.published)) ^ (1 << 63), rank[i]))
        }
        candidates.sort { a, b in a.0 != b.0 ? a.0 < b.0 : a.1 != b.1 ? a.1 < b.1 : a.2 != b.2 ? a.2 < b.2 : a.rank < b.rank }
        let byRank = self.byRank
        var start = 0
        while start < candidates.count {
            var end = start + 1
            while end < candidates.count, candidates[end].0 == candidates[start].0, candidates[end].1 == candidates[start].1,
                  candidates[end].2 == candidates[start].2 { end += 1 }
            let members = candidates[start..<end].map { byRank[$0.rank] }
            start = end
            guard members.contains(where: { claims[$0].article != claims[members[0]].article }) else { continue }
            // The newest claim of another article than each claim's: the newest of all, or
            // the newest of the articles other than its (the first in time order among
            // equals).
            var newestOf = TopByArticle()
            for c in members { newestOf.add(Double(claims[c].endFirst), article: claims[c].article, index: c) }
            var stale: [Int] = []
            var newer = Set<Int>()
            for c in members {
                guard let newest = newestOf.excluding(claims[c].article)?.index else { continue }
                if claims[newest].endFirst - claims[c].endLast > options.staleAfterDays {
                    stale.append(c)
                    newer.insert(newest)
                }
            }
            let first = members[0]
            let newest = newestOf.best!.index
            let day = iso(claims[first].published)
            let what = "\(words(of: first)) · \(phrase(population(first)))"
            let message = stale.isEmpty
                ? "The figures of \(what) published on \(day) are of about the same date: \(cite(members))."
                : "Published on \(day), \(cite(stale)) \(stale.count == 1 ? "is" : "are") more than \(options.staleAfterDays) days older than \(cite(Array(newer)))."
            checks.append(check(.staleSameDay, failed: !stale.isEmpty, reason: "older_than_same_day", severity: .warning,
                                indices: members, evidence: stale + Array(newer), category: category(of: first),
                                population: population(first), refersTo: period(newest), message: message))
        }
    }
}
