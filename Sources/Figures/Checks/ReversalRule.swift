extension CheckRule {
    /// A running total (killed since 7 October) must not fall: a later total is at least every
    /// earlier total of the same group or of a part of it.
    public static let runningTotalFalls = CheckRule(
        name: "reversal.running_total", kind: .reversal,
        summary: "A running total must not fall: a later total is at least every earlier total of the same group or of a part of it.")
    /// A stock that grows only through another category (captives held grow only by captives
    /// taken) must not rise by more than the captures reported in between.
    public static let heldWithoutCapture = CheckRule(
        name: "reversal.held_without_capture", kind: .reversal,
        summary: "Captives held cannot rise by more than the captures reported in between.")
}

extension CheckContext {
    /// **reversal**, two rules over series of claims in time order (by the day each figure is
    /// given as of):
    ///
    /// - `reversal.running_total` (reason `running_total_falls`, error): in a family of series of
    ///   running totals, an earlier total `a` and a later one `b` with `a.low > b.high`, where `a`
    ///   counts the same group as `b` or a part of it (a named group's total may not exceed a
    ///   later total for everyone), and `b` counts since no later a start than `a` (the same
    ///   start, or an earlier one: a total since 21 October may be below an earlier total since
    ///   7 October, and is not compared with it).
    /// - `reversal.held_without_capture` (reason `rises_without_capture`, error): for a stock
    ///   whose category declares `rises_only_with` (captives held), an earlier level `a` and a
    ///   later one `b` of the same group or a part of it with `b.low > a.high + captures`, where
    ///   `captures` is the sum of the highest values of the captures (claims of the
    ///   `rises_only_with` category, of a compatible group) reported as happening after `a` and
    ///   no later than `b`: a capture on a day or in a month that overlaps that window, or a
    ///   running total of captures that starts in it ("since 3 March"); a running total that
    ///   started before `a` does not say that anyone was taken in between. Any such capture
    ///   without an upper bound excuses every rise.
    ///
    /// Series are kept per place (``Claim/place``). A series is kept per named group, with the claims about everyone in it; the claims about
    /// everyone also form a series of their own. One check runs per series that has at least
    /// one pair in time order; a failure cites every claim of a falling (or rising) pair.
    func reversalChecks() -> [Check] {
        var checks: [Check] = []
        // Running totals, by family of series.
        var byFamily: [Int: [Int]] = [:]
        for (i, p) in claims.enumerated() where p.family != nil { byFamily[p.family!, default: []].append(i) }
        for id in byFamily.keys.sorted() {
            let members = byFamily[id]!
            let label = familyLabels[id]!
            for (population, series) in populationSeries(members) {
                checks += seriesCheck(series, population: population, rule: .runningTotalFalls, label: label) { a, b in
                    // a earlier than b; b must count a's group since no later a start.
                    guard CheckContext.contained(self.claims[a].population, in: self.claims[b].population),
                          self.claims[b].time!.covers(self.claims[a].time!) else { return nil }
                    return self.claims[a].interval.low > self.claims[b].interval.high
                }
            }
        }
        // Stocks that rise only with another category.
        for category in rules.categories where category.kind == .stock {
            guard let source = category.risesOnlyWith else { continue }
            var byUnit: [String: [Int]] = [:]
            for (i, p) in claims.enumerated() where p.claim.category == category.name && p.time != nil && p.series == nil {
                byUnit["\(p.claim.place ?? "")|\(p.claim.unit.rawValue)", default: []].append(i)
            }
            for unit in byUnit.keys.sorted() {
                let place = claims[byUnit[unit]![0]].claim.place
                let captures = claims.indices.filter { claims[$0].claim.category == source && claims[$0].time != nil && claims[$0].claim.place == place }
                for (population, series) in populationSeries(byUnit[unit]!) {
                    checks += seriesCheck(series, population: population, rule: .heldWithoutCapture, label: nil) { a, b in
                        guard CheckContext.contained(self.claims[b].population, in: self.claims[a].population) else { return nil }
                        let allowance = self.captures(captures, after: a, upTo: b)
                        return self.claims[b].interval.low > self.claims[a].interval.high + allowance
                    }
                }
            }
        }
        return checks
    }

    /// The series of a set of claims: one per named group (its claims with those about
    /// everyone), and one of the claims about everyone. In a named series only pairs with at
    /// least one claim of that group are compared.
    func populationSeries(_ members: [Int]) -> [(population: String?, claims: [Int])] {
        let named = Set(members.compactMap { claims[$0].population })
        let everyone = members.filter { claims[$0].population == nil }
        var result: [(String?, [Int])] = named.sorted().map { p in (p, members.filter { claims[$0].population == p } + everyone) }
        if everyone.count >= 2 { result.append((nil, everyone)) }
        return result
    }

    /// One check over a series; `violates(a, b)` for `a` before `b` says whether the pair
    /// breaks the rule, or `nil` when the pair is not comparable.
    private func seriesCheck(_ series: [Int], population: String?, rule: CheckRule, label: String?,
                             violates: (Int, Int) -> Bool?) -> [Check] {
        let ordered = inTimeOrder(series)
        var comparable = 0
        var pairs: [(Int, Int)] = []
        for x in 0..<ordered.count {
            for y in (x + 1)..<ordered.count {
                let a = ordered[x], b = ordered[y]
                guard claims[a].time!.isBefore(claims[b].time!) else { continue }
                if population != nil, claims[a].population == nil, claims[b].population == nil { continue }
                guard let broken = violates(a, b) else { continue }
                comparable += 1
                if broken { pairs.append((a, b)) }
            }
        }
        guard comparable > 0 else { return [] }
        let first = claims[ordered[0]]
        let firstDay = first.time!.end.iso
        let lastDay = ordered.map { claims[$0].time!.end }.max { $0.last < $1.last }!.iso
        let refersTo = (label ?? firstDay) + "/" + lastDay
        let what = "\(words(first.claim.category)) · \(phrase(population))"
        let failed = !pairs.isEmpty
        let message: String
        if rule == .runningTotalFalls {
            message = failed
                ? "The running total of \(what) since \(label ?? firstDay) falls: " + pairs.prefix(3).map { "\(cite($0.0)) then \(cite($0.1))" }.joined(separator: "; ") + "."
                : "The running total of \(what) since \(label ?? firstDay) does not fall: \(cite(ordered))."
        } else {
            message = failed
                ? "The level of \(what) rises with no capture reported in between: " + pairs.prefix(3).map { "\(cite($0.0)) then \(cite($0.1))" }.joined(separator: "; ") + "."
                : "The level of \(what) never rises beyond the captures reported in between: \(cite(ordered))."
        }
        let evidence = pairs.flatMap { [$0.0, $0.1] }
        return [check(rule, failed: failed, reason: rule == .runningTotalFalls ? "running_total_falls" : "rises_without_capture",
                      indices: ordered, evidence: evidence, category: first.claim.category, population: population,
                      refersTo: refersTo, message: message)]
    }

    /// The most the captures in `captureIndices` after claim `a` and up to claim `b` can add to
    /// `b`'s group: per group of capture reports, its highest value; unbounded → infinity.
    private func captures(_ captureIndices: [Int], after a: Int, upTo b: Int) -> Double {
        let from = claims[a].time!.end.last, to = claims[b].time!.end.last
        var highest: [String: Double] = [:]
        for i in captureIndices {
            let c = claims[i], time = c.time!
            if let start = time.start {
                guard start.first > from, start.first <= to else { continue }
            } else {
                guard time.end.last > from, time.end.first <= to else { continue }
            }
            let target = claims[b].population
            guard c.population == nil || target == nil || c.population == target else { continue }
            let key = key(c, population: c.population)
            highest[key] = max(highest[key] ?? 0, c.interval.high)
        }
        return highest.values.reduce(0, +)
    }
}
