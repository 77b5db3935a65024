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
    ///   started before `a` does not say that anyone was taken in between. Reports of one capture
    ///   (one group of claims: the same group of people, day or running total as of one day)
    ///   count once, at their highest value; reports of one running total that give its start
    ///   with different precision ("since March", "since 3 March") start on the latest day they
    ///   give. Any such capture without an upper bound excuses every rise.
    ///
    /// Series are kept per place (``Claim/place``). One check runs per family of running totals,
    /// and one per stock of a place, when at least one pair is comparable: over each named group
    /// alone when no claim is about everyone, else over all groups together with everyone's
    /// claims (see ``linkedGroups(_:)``); a failure cites every claim of a falling (or rising)
    /// pair, and its message the first pairs in time order.
    ///
    /// Neither rule visits the pairs one by one. Sweeping the claims in time order, each later
    /// claim needs only the extreme value of the earlier claims it may be compared with (the
    /// highest low of a running total; the lowest high, less the captures up to its day, of a
    /// level), kept in a Fenwick tree over the start days (running totals) or looked up in a
    /// range-minimum tree (levels); sweeping backwards finds the earlier claim of each pair.
    func reversalChecks(into checks: inout [Check]) {
        // Running totals, by family of series.
        var byFamily: [Int: [Int]] = [:]
        for (i, p) in claims.enumerated() where p.family != nil { byFamily[p.family!, default: []].append(i) }
        for id in byFamily.keys.sorted() {
            for members in linkedGroups(byFamily[id]!) {
                if let check = runningTotalCheck(members, label: familyLabels[id]!) { checks.append(check) }
            }
        }
        // Stocks that rise only with another category.
        for category in rules.categories where category.kind == .stock {
            guard let source = category.risesOnlyWith else { continue }
            var byUnit: [GroupKey: [Int]] = [:]
            var captures: [Int32: [Int]] = [:]
            // The two categories by number (`-2`, which no claim has, when no claim has one).
            let stock = categoryID(named: category.name), captured = categoryID(named: source)
            for i in claims.indices where claims[i].isDated {
                if claims[i].series == nil && claims[i].categoryID == stock {
                    let p = claims[i]
                    byUnit[GroupKey(place: p.placeID, category: 0, unit: p.unit == .percent ? 1 : 0, population: 0, series: 0, first: 0, last: 0),
                           default: []].append(i)
                } else if claims[i].categoryID == captured {
                    captures[claims[i].placeID, default: []].append(i)
                }
            }
            for unit in byUnit.keys.sorted() {
                for members in linkedGroups(byUnit[unit]!) {
                    if let check = heldCheck(members, captures: captures[unit.place] ?? []) { checks.append(check) }
                }
            }
        }
    }

    /// The claims of a series that are compared together: named groups are compared only with
    /// themselves and with the claims about everyone, so without such claims each group is
    /// apart; with them, all groups are checked together, which lists each claim once (one check
    /// per group would list the claims about everyone once per group).
    func linkedGroups(_ members: [Int]) -> [[Int]] {
        if members.contains(where: { claims[$0].populationID < 0 }) { return [members] }
        var byGroup: [Int32: [Int]] = [:]
        for i in members { byGroup[claims[i].populationID, default: []].append(i) }
        return byGroup.values.sorted { $0[0] < $1[0] }
    }

    // MARK: Running totals

    /// The check of one family of running totals, if any pair of it is comparable.
    private func runningTotalCheck(_ members: [Int], label: String) -> Check? {
        let found = runningTotalFalls(members)
        guard found.comparable else { return nil }
        let ordered = inTimeOrder(members)
        let pairs = firstPairs(ordered, earlier: found.earlier, violates: totalFalls)
        return seriesCheck(ordered, rule: .runningTotalFalls, since: label, evidence: found.earlier.union(found.later), pairs: pairs)
    }

    /// Whether running total `b` counts what earlier total `a` counts (the same group or a whole
    /// of it, since no later a start) and is below it.
    func totalFalls(_ a: Int, _ b: Int) -> Bool {
        let pa = claims[a], pb = claims[b]
        return pa.endLast < pb.endFirst && CheckContext.contained(pa.populationID, in: pb.populationID)
            && pb.startFirst <= pa.startLast && pa.interval.low > pb.interval.high
    }

    /// In a family of running totals: whether any pair is comparable, and the earlier and the
    /// later claims of the falling pairs. (`b` covers `a` exactly when `b`'s start begins no
    /// later than `a`'s ends: see ``ClaimTime/covers(_:)``.)
    ///
    /// Forward: the totals are added in the order of their last as-of day to Fenwick trees over
    /// their start's last day (one for everyone's later totals, which compare with every group,
    /// and one per group); each total, in the order of its first as-of day, asks for the highest
    /// low among the earlier totals whose start ends no earlier than its own begins. Backward,
    /// the same with the lowest high among later totals.
    func runningTotalFalls(_ members: [Int]) -> (comparable: Bool, earlier: Set<Int>, later: Set<Int>) {
        var comparable = false
        var earlier = Set<Int>(), later = Set<Int>()
        let startLasts = Array(Set(members.map { claims[$0].startLast })).sorted()
        let startFirsts = Array(Set(members.map { claims[$0].startFirst })).sorted()

        // Forward: positions by start last day, latest first, so that "ends on or after day d"
        // is a prefix.
        let byEnd = members.sorted { claims[$0].endLast < claims[$1].endLast }
        var every = PrefixMax(count: startLasts.count)
        var byGroup: [Int32: PrefixMax] = [:]
        var next = 0
        for b in members.sorted(by: { claims[$0].endFirst < claims[$1].endFirst }) {
            while next < byEnd.count, claims[byEnd[next]].endLast < claims[b].endFirst {
                let a = claims[byEnd[next]]
                let position = startLasts.count - 1 - startLasts.countBelow(a.startLast)
                every.add(a.interval.low, at: position)
                if a.populationID >= 0 { byGroup[a.populationID, default: PrefixMax(count: startLasts.count)].add(a.interval.low, at: position) }
                next += 1
            }
            let pb = claims[b]
            let through = startLasts.count - startLasts.countBelow(pb.startFirst) - 1
            // A later total for everyone compares with every earlier total; one for a group,
            // with that group's.
            let highestLow = pb.populationID >= 0 ? byGroup[pb.populationID]?.max(through: through) ?? -.infinity : every.max(through: through)
            if highestLow > -.infinity { comparable = true }
            if highestLow > pb.interval.high { later.insert(b) }
        }

        // Backward: positions by start first day, so that "begins on or before day d" is a prefix.
        let byStart = members.sorted { claims[$0].endFirst > claims[$1].endFirst }
        var everyoneLater = PrefixMax(count: startFirsts.count)
        var groupLater: [Int32: PrefixMax] = [:]
        next = 0
        for a in members.sorted(by: { claims[$0].endLast > claims[$1].endLast }) {
            while next < byStart.count, claims[byStart[next]].endFirst > claims[a].endLast {
                let b = claims[byStart[next]]
                let position = startFirsts.countBelow(b.startFirst)
                if b.populationID >= 0 {
                    groupLater[b.populationID, default: PrefixMax(count: startFirsts.count)].add(-b.interval.high, at: position)
                } else {
                    everyoneLater.add(-b.interval.high, at: position)
                }
                next += 1
            }
            let pa = claims[a]
            let through = startFirsts.countAtMost(pa.startLast) - 1
            // An earlier total for a group compares with its group's later totals and
            // everyone's; one for everyone, with everyone's only.
            var lowestHigh = -everyoneLater.max(through: through)
            if pa.populationID >= 0, let tree = groupLater[pa.populationID] { lowestHigh = min(lowestHigh, -tree.max(through: through)) }
            if lowestHigh < pa.interval.low { earlier.insert(a) }
        }
        return (comparable, earlier, later)
    }

    // MARK: Levels that rise only with captures

    /// The check of one stock's levels (a place, a category, a unit), if any pair is comparable.
    private func heldCheck(_ members: [Int], captures: [Int]) -> Check? {
        let windows = CaptureWindows(captures: captures, context: self)
        let found = risesWithoutCapture(members, windows: windows)
        guard found.comparable else { return nil }
        let ordered = inTimeOrder(members)
        let pairs = firstPairs(ordered, earlier: found.earlier) { self.levelRises($0, $1, windows: windows) }
        return seriesCheck(ordered, rule: .heldWithoutCapture, since: nil, evidence: found.earlier.union(found.later), pairs: pairs)
    }

    /// Whether level `b`, later than `a`, of `a`'s group or a part of it, rises above `a` by
    /// more than the captures reported in between.
    func levelRises(_ a: Int, _ b: Int, windows: CaptureWindows) -> Bool {
        let pa = claims[a], pb = claims[b]
        guard pa.endLast < pb.endFirst, CheckContext.contained(pb.populationID, in: pa.populationID) else { return false }
        let captures = windows.target(pb.populationID)
        guard pa.endLast >= captures.unboundedReach(through: pb.endLast) else { return false }
        return windows.key(a, captures) < windows.threshold(b, captures)
    }

    /// In one stock's levels: whether any pair is comparable, and the earlier and the later
    /// claims of the rising pairs.
    ///
    /// For a later level `b` of group `T` (everyone, or a named group), the earlier levels it is
    /// compared with are those of `T` and, for a named group, everyone's; the captures counted
    /// are those of `T` (all, for everyone) and everyone's. With no unbounded capture in the
    /// window (every one that may count has ended by `a`'s day, `unboundedReach`), the captures
    /// in the window are those begun by `b`'s day less those ended by `a`'s, so that `b` rises
    /// above `a` exactly when `a.high - ended(a) < b.low - begun(b)`: per target group, the
    /// earlier levels sorted by day and the smallest left side over a range of them
    /// (`RangeMin`) decide each `b`; sweeping backwards with the largest right side decides
    /// each `a`.
    func risesWithoutCapture(_ members: [Int], windows: CaptureWindows) -> (comparable: Bool, earlier: Set<Int>, later: Set<Int>) {
        var comparable = false
        var earlier = Set<Int>(), later = Set<Int>()
        let everyone = members.filter { claims[$0].populationID < 0 }
        var byGroup: [Int32: [Int]] = [:]
        for i in members where claims[i].populationID >= 0 { byGroup[claims[i].populationID, default: []].append(i) }
        var targets: [(group: Int32, earlier: [Int], later: [Int])] = [(-1, everyone, everyone)]
        for group in byGroup.keys.sorted() { targets.append((group, byGroup[group]! + everyone, byGroup[group]!)) }

        for target in targets {
            let captures = windows.target(target.group)
            let candidates = target.earlier.sorted { claims[$0].endLast < claims[$1].endLast }
            let days = candidates.map { claims[$0].endLast }
            let keys = candidates.map { windows.key($0, captures) }
            let lowest = RangeMin(keys)
            // Forward: each later level against the earlier ones since the last unbounded capture.
            for b in target.later {
                let pb = claims[b]
                let before = days.countBelow(pb.endFirst)
                guard before > 0 else { continue }
                comparable = true
                let from = days.countBelow(captures.unboundedReach(through: pb.endLast))
                if lowest.min(from..<before) < windows.threshold(b, captures) { later.insert(b) }
            }
            // Backward: each earlier level against the later ones, keyed by how far back their
            // windows may reach without an unbounded capture.
            let reaches = target.later.map { captures.unboundedReach(through: claims[$0].endLast) }
            let reachDays = Array(Set(reaches)).sorted()
            let laterByDay = target.later.indices.sorted { claims[target.later[$0]].endFirst > claims[target.later[$1]].endFirst }
            var highest = PrefixMax(count: reachDays.count)
            var next = 0
            for a in candidates.reversed() {
                let pa = claims[a]
                while next < laterByDay.count, claims[target.later[laterByDay[next]]].endFirst > pa.endLast {
                    let k = laterByDay[next]
                    highest.add(windows.threshold(target.later[k], captures), at: reachDays.countBelow(reaches[k]))
                    next += 1
                }
                if highest.max(through: reachDays.countAtMost(pa.endLast) - 1) > windows.key(a, captures) { earlier.insert(a) }
            }
        }
        return (comparable, earlier, later)
    }

    // MARK: Shared

    /// The first three pairs of `ordered` (a claim, then each later claim) that `violates`:
    /// only the claims known to begin such a pair are scanned.
    func firstPairs(_ ordered: [Int], earlier: Set<Int>, violates: (Int, Int) -> Bool) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for x in ordered.indices where earlier.contains(ordered[x]) {
            for y in (x + 1)..<ordered.count where violates(ordered[x], ordered[y]) {
                pairs.append((ordered[x], ordered[y]))
                if pairs.count == 3 { return pairs }
            }
        }
        return pairs
    }

    /// One check over a family of running totals (`since` its label) or a stock's levels.
    private func seriesCheck(_ ordered: [Int], rule: CheckRule, since label: String?, evidence: Set<Int>, pairs: [(Int, Int)]) -> Check {
        let first = ordered[0]
        let firstDay = time(first)!.end.iso
        var last = ordered[0]
        for i in ordered where claims[i].endLast > claims[last].endLast { last = i }
        let refersTo = (label ?? firstDay) + "/" + time(last)!.end.iso
        let named = namedGroups(ordered)
        let population = named.single
        let groups = population == nil ? groupsPhrase(named.keys) : nil
        let what = "\(words(of: first)) · \(groups ?? phrase(population))"
        let failed = !evidence.isEmpty
        let message: String
        if rule == .runningTotalFalls {
            message = failed
                ? "The running total of \(what) since \(label ?? firstDay) falls: \(citePairs(pairs, "then"))."
                : "The running total of \(what) since \(label ?? firstDay) does not fall: \(cite(ordered))."
        } else {
            message = failed
                ? "The level of \(what) rises with no capture reported in between: \(citePairs(pairs, "then"))."
                : "The level of \(what) never rises beyond the captures reported in between: \(cite(ordered))."
        }
        return check(rule, failed: failed, reason: rule == .runningTotalFalls ? "running_total_falls" : "rises_without_capture",
                     indices: ordered, evidence: Array(evidence), category: category(of: first), population: population,
                     groups: groups, refersTo: refersTo, message: message)
    }
}

/// The captures of one place and category, as windows in time: how much was captured after
/// one day and up to another, in O(log n).
///
/// Each group of capture reports (claims of the same group of people, day or running total
/// as of one day: see ``GroupKey``) is one capture, of its highest
/// value, that happens from its `first` to its `last` day: its day or month, or, for a running
/// total, its start (the latest start its reports give). It counts in the window after day
/// `from` and up to day `to` when `last > from` and `first <= to`; since `from < to`, the
/// captures counted are those begun by `to` less those ended by `from`, two prefix sums.
struct CaptureWindows {
    /// The captures of one group of people, by day.
    struct Table {
        /// Days the bounded captures begin and end, sorted, with the sums of their values up to
        /// each (`sums[k]` is the sum of the first `k`).
        private var begins: [Int] = [], beginSums: [Double] = [0]
        private var ends: [Int] = [], endSums: [Double] = [0]
        /// Days the unbounded captures begin, sorted, and the latest day any of them up to
        /// each ends.
        private var unboundedBegins: [Int] = [], unboundedReach: [Int] = []

        init(_ events: [(first: Int, last: Int, value: Double)]) {
            // Ties in a stable order, so that the sums do not depend on the claims' order.
            for e in events.filter({ $0.value.isFinite }).sorted(by: { ($0.first, $0.value) < ($1.first, $1.value) }) {
                begins.append(e.first)
                beginSums.append(beginSums.last! + e.value)
            }
            for e in events.filter({ $0.value.isFinite }).sorted(by: { ($0.last, $0.value) < ($1.last, $1.value) }) {
                ends.append(e.last)
                endSums.append(endSums.last! + e.value)
            }
            for e in events.filter({ !$0.value.isFinite }).sorted(by: { $0.first < $1.first }) {
                unboundedBegins.append(e.first)
                unboundedReach.append(max(unboundedReach.last ?? .min, e.last))
            }
        }

        /// The sum of the bounded captures begun by `day`.
        func begun(through day: Int) -> Double { beginSums[begins.countAtMost(day)] }

        /// The sum of the bounded captures ended by `day`.
        func ended(through day: Int) -> Double { endSums[ends.countAtMost(day)] }

        /// The latest day an unbounded capture begun by `day` ends; `Int.min` when none.
        func unboundedReach(through day: Int) -> Int {
            let k = unboundedBegins.countAtMost(day)
            return k == 0 ? .min : unboundedReach[k - 1]
        }
    }

    /// The captures a level of one group may rise by: everyone's, and the group's own (all of
    /// them for a level of everyone).
    struct Target {
        let tables: [Table]

        func begun(through day: Int) -> Double { tables.reduce(0) { $0 + $1.begun(through: day) } }
        func ended(through day: Int) -> Double { tables.reduce(0) { $0 + $1.ended(through: day) } }
        func unboundedReach(through day: Int) -> Int { tables.map { $0.unboundedReach(through: day) }.max() ?? .min }
    }

    private let all: Table
    private let everyone: Table
    private let byGroup: [Int32: Table]
    private unowned let context: CheckContext

    init(captures: [Int], context: CheckContext) {
        self.context = context
        var events: [GroupKey: (first: Int, last: Int, value: Double, population: Int32)] = [:]
        for c in captures {
            let p = context.claims[c]
            let day = p.isRunningTotal ? (p.startFirst, p.startFirst) : (p.endFirst, p.endLast)
            let key = p.key()!
            let value = max(0, p.interval.high)
            if let e = events[key] {
                let begins = p.isRunningTotal ? max(e.first, day.0) : e.first
                events[key] = (begins, p.isRunningTotal ? begins : e.last, max(e.value, value), e.population)
            } else {
                events[key] = (day.0, day.1, value, p.populationID)
            }
        }
        let list = events.values
        all = Table(list.map { ($0.first, $0.last, $0.value) })
        everyone = Table(list.filter { $0.population < 0 }.map { ($0.first, $0.last, $0.value) })
        var groups: [Int32: [(first: Int, last: Int, value: Double)]] = [:]
        for e in list where e.population >= 0 { groups[e.population, default: []].append((e.first, e.last, e.value)) }
        byGroup = groups.mapValues(Table.init)
    }

    /// The captures that count for a level of `group` (`-1`: everyone).
    func target(_ group: Int32) -> Target {
        guard group >= 0 else { return Target(tables: [all]) }
        return Target(tables: [everyone] + (byGroup[group].map { [$0] } ?? []))
    }

    /// The left side for an earlier level: its high less the captures ended by its day.
    func key(_ a: Int, _ captures: Target) -> Double {
        let p = context.claims[a]
        return p.interval.high - captures.ended(through: p.endLast)
    }

    /// The right side for a later level: its low less the captures begun by its day.
    func threshold(_ b: Int, _ captures: Target) -> Double {
        let p = context.claims[b]
        return p.interval.low - captures.begun(through: p.endLast)
    }
}
