/// Groups claims that count the same thing and runs every consistency rule over them.
///
/// ```swift
/// let result = Checker(rules: try .standard()).run(claims)
/// for finding in result.checks where finding.outcome == .fail {
///     print(finding.kind, finding.reason!, finding.evidence.map(\.text))
/// }
/// ```
///
/// **Grouping.** Claims count the same thing when their place (``Claim/place``: figures about
/// Gaza are not compared with figures about Haiti), category, unit, population (see
/// ``Claim/population``; a `nil` population is everyone, and every named group is a part of
/// everyone) and period agree:
/// - a day, month or year (`refers_to` is a point) is one event, one count or one level;
/// - a running total (`refers_to` is an interval) belongs to the **series** of its category
///   whose start agrees with its own (a month agrees with the days in it: `2023-10` and
///   `2023-10-07` start the same series), and to the group of totals given as of the same day.
///   Series whose starts are at most a month apart form a family ("since 7 October" and
///   "since late October", read as 21 October), checked together for reversals.
/// A subgroup belongs to its whole through `part_of` (71 women of 240 Palestinians) or by being
/// listed with other groups (`list`: 81 Israelis and 24 foreigners, whose whole is everyone
/// released).
///
/// **What is not checked.** Figures whose modality is not `reported` (planned, agreed, expected,
/// proposed) are not facts and are never compared; claims whose category the rule tables do not
/// declare are skipped. Both are listed in ``Result/skipped``.
///
/// Within one article, differing figures for one group are usually a breakdown the claim model
/// cannot see (by place, by source), so conflicts and subgroup checks compare claims of
/// different articles; sums and parts linked by `part_of` or `list` are checked within an
/// article too.
public struct Checker: Sendable {
    /// Thresholds of the checks.
    public struct Options: Sendable, Hashable {
        /// A figure is stale when its as-of day is more than this many days older than another
        /// figure of its series published the same day.
        public var staleAfterDays: Int

        public init(staleAfterDays: Int = 30) {
            self.staleAfterDays = staleAfterDays
        }
    }

    /// A claim that no check looked at, and why.
    public struct Skipped: Sendable, Hashable {
        public let claim: Claim
        /// `not reported as fact (agreed)`, `category not declared in the rule tables`.
        public let why: String
    }

    /// The checks that ran, and the claims left out.
    public struct Result: Sendable {
        /// Every check that ran, passed or failed, in a stable order.
        public let checks: [Check]
        /// Claims not checked at all.
        public let skipped: [Skipped]
        /// For each claim id, the key of the group it counts in (`category|population|period`).
        public let groupKeys: [String: String]
    }

    public let rules: RuleBook
    public let options: Options

    public init(rules: RuleBook, options: Options = Options()) {
        self.rules = rules
        self.options = options
    }

    /// Checks `claims` against each other. The result does not depend on the claims' order.
    public func run(_ claims: [Claim]) -> Result {
        let context = CheckContext(claims: claims, rules: rules, options: options)
        var checks: [Check] = []
        checks += context.conflictChecks()
        checks += context.reversalChecks()
        checks += context.sumChecks()
        checks += context.partWholeChecks()
        checks += context.staleChecks()
        checks += context.undatedChecks()
        checks.sort(by: CheckContext.order)
        return Result(checks: checks, skipped: context.skipped, groupKeys: context.groupKeys)
    }
}

/// A claim prepared for the checks: its interval, time and population key.
struct Prepared: Sendable {
    let claim: Claim
    let interval: FigureInterval
    let time: ClaimTime?
    /// `nil` is everyone.
    let population: String?
    let kind: Category.Kind
    /// The period key of its group: the point's ISO form, or `<series start>/<as of>`.
    var period: String?
    /// For a running total: the series it belongs to (starts that agree) and the family of
    /// series (starts within a month of each other).
    var series: Int?
    var family: Int?
}

/// Everything the rules share: prepared claims, their groups and series, and how to phrase a
/// check.
final class CheckContext {
    let rules: RuleBook
    let options: Options
    typealias Options = Checker.Options
    private(set) var claims: [Prepared] = []
    private(set) var skipped: [Checker.Skipped] = []
    /// Period labels of the running-total series, by series number.
    private(set) var seriesLabels: [Int: String] = [:]
    /// Start labels of the families of series, by family number.
    private(set) var familyLabels: [Int: String] = [:]
    /// Display names of population keys: the most frequent written form.
    private var names: [String: String] = [:]
    private(set) var groupKeys: [String: String] = [:]

    init(claims input: [Claim], rules: RuleBook, options: Options) {
        self.rules = rules
        self.options = options
        var seen = Set<String>()
        let sorted = input.sorted { ($0.article, $0.start, $0.end, $0.category, $0.value) < ($1.article, $1.start, $1.end, $1.category, $1.value) }
        var written: [String: [String: Int]] = [:]
        for claim in sorted {
            guard seen.insert("\(claim.id)|\(claim.end)|\(claim.category)|\(claim.value)").inserted else { continue }
            if claim.modality != .reported {
                skipped.append(.init(claim: claim, why: "not reported as fact (\(claim.modality.rawValue))"))
                continue
            }
            guard let category = rules.category(named: claim.category) else {
                skipped.append(.init(claim: claim, why: "category '\(claim.category)' not declared in the rule tables"))
                continue
            }
            let key = PopulationKey.key(claim.population)
            if let key, let population = claim.population { written[key, default: [:]][population, default: 0] += 1 }
            claims.append(Prepared(claim: claim, interval: FigureInterval(claim, rules: rules),
                                   time: ClaimTime(claim.refersTo, published: claim.published),
                                   population: key, kind: category.kind))
        }
        for (key, forms) in written {
            names[key] = forms.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
        }
        assignPeriods()
    }

    /// Starts at most this many days apart belong to one family of series ("since 7 October"
    /// and "since late October" in one war).
    static let familyGap = 31

    /// Puts running totals into series (per category and unit, by agreeing starts: a month and
    /// a day in it agree) and series into families (starts at most ``familyGap`` days apart),
    /// and gives every dated claim its period key.
    private func assignPeriods() {
        var byKind: [String: [Int]] = [:]
        for (i, p) in claims.enumerated() where p.time?.isRunningTotal == true {
            byKind["\(p.claim.place ?? "")|\(p.claim.category)|\(p.claim.unit.rawValue)", default: []].append(i)
        }
        var nextSeries = 0, nextFamily = 0
        for key in byKind.keys.sorted() {
            let members = byKind[key]!
            for family in CheckContext.clusters(members, linked: { a, b in
                let sa = self.claims[a].time!.start!, sb = self.claims[b].time!.start!
                return sa.overlaps(sb) || max(sa.first, sb.first).ordinal - min(sa.last, sb.last).ordinal <= CheckContext.familyGap
            }) {
                familyLabels[nextFamily] = label(family)
                for series in CheckContext.clusters(family, linked: { self.claims[$0].time!.start!.overlaps(self.claims[$1].time!.start!) }) {
                    let label = label(series)
                    seriesLabels[nextSeries] = label
                    for i in series {
                        claims[i].series = nextSeries
                        claims[i].family = nextFamily
                        claims[i].period = label + "/" + claims[i].time!.end.iso
                    }
                    nextSeries += 1
                }
                nextFamily += 1
            }
        }
        for i in claims.indices where claims[i].period == nil {
            claims[i].period = claims[i].time?.end.iso
        }
        for p in claims {
            groupKeys[p.claim.id] = [p.claim.place, p.claim.category, p.claim.unit == .percent ? "percent" : nil, name(p.population) ?? "everyone", p.period ?? "undated"]
                .compactMap { $0 }.joined(separator: "|")
        }
    }

    /// The label of a set of running totals: its most precise start, the most frequent among
    /// equals, then the earliest.
    private func label(_ members: [Int]) -> String {
        var counts: [String: (count: Int, span: ClaimTime.Span)] = [:]
        for i in members {
            let s = claims[i].time!.start!
            counts[s.iso] = ((counts[s.iso]?.count ?? 0) + 1, s)
        }
        return counts.values.sorted { a, b in
            let da = a.span.last.ordinal - a.span.first.ordinal, db = b.span.last.ordinal - b.span.first.ordinal
            return (da, -a.count, a.span.iso) < (db, -b.count, b.span.iso)
        }[0].span.iso
    }

    /// Splits `members` into the connected sets of `linked` (sorted, in a stable order).
    static func clusters(_ members: [Int], linked: (Int, Int) -> Bool) -> [[Int]] {
        var parent = Array(0..<members.count)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for a in 0..<members.count {
            for b in (a + 1)..<members.count where linked(members[a], members[b]) { parent[find(a)] = find(b) }
        }
        var clusters: [Int: [Int]] = [:]
        for a in 0..<members.count { clusters[find(a), default: []].append(members[a]) }
        return clusters.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// The display form of a population key.
    func name(_ key: String?) -> String? {
        guard let key else { return nil }
        return names[key] ?? key
    }

    /// The claims with a time, grouped by category, unit, population and period.
    lazy var groups: [[Int]] = {
        var map: [String: [Int]] = [:]
        for (i, p) in claims.enumerated() where p.period != nil {
            map[key(p, population: p.population), default: []].append(i)
        }
        return map.keys.sorted().map { map[$0]! }
    }()

    /// The key of the group of `p` with `population` in place of its own.
    func key(_ p: Prepared, population: String?) -> String {
        "\(p.claim.place ?? "")|\(p.claim.category)|\(p.claim.unit.rawValue)|\(population ?? "")|\(p.period ?? "")"
    }

    lazy var groupIndex: [String: [Int]] = {
        var map: [String: [Int]] = [:]
        for g in groups { map[key(claims[g[0]], population: claims[g[0]].population)] = g }
        return map
    }()

    /// Claims in time order (as-of day, then publication, article and offset).
    func inTimeOrder(_ indices: [Int]) -> [Int] {
        indices.sorted { a, b in
            let pa = claims[a], pb = claims[b]
            let ta = pa.time.map { $0.end.first.ordinal } ?? Int.max, tb = pb.time.map { $0.end.first.ordinal } ?? Int.max
            let ua = pa.claim.published?.ordinal ?? Int.max, ub = pb.claim.published?.ordinal ?? Int.max
            return (ta, ua, pa.claim.article, pa.claim.start) < (tb, ub, pb.claim.article, pb.claim.start)
        }
    }

    /// Builds a check over the claims at `indices`; `evidence` are the claims a failure rests on.
    func check(_ rule: CheckRule, failed: Bool, reason: String, severity: Severity = .error, indices: [Int], evidence: [Int] = [],
               category: String, population: String?, refersTo: String?, message: String) -> Check {
        let all = inTimeOrder(Array(Set(indices)))
        let rest = inTimeOrder(Array(Set(evidence.isEmpty ? indices : evidence)))
        return Check(rule: rule, outcome: failed ? .fail : .pass, reason: failed ? reason : nil, severity: failed ? severity : nil,
                     category: category, place: all.first.flatMap { claims[$0].claim.place }, population: name(population), refersTo: refersTo,
                     claims: all.map { claims[$0].claim }, evidence: failed ? rest.map { claims[$0].claim } : [], message: message)
    }

    /// How a claim reads in a message: `81 (000_4a6e…, 2024-04-27)`.
    func cite(_ i: Int) -> String {
        let c = claims[i].claim
        let text = c.text.isEmpty ? FigureInterval.format(c.value) : c.text
        return "\(text) (\(c.article)\(c.published.map { ", " + $0.iso } ?? ""))"
    }

    func cite(_ indices: [Int]) -> String {
        let list = inTimeOrder(indices).map(cite)
        guard list.count > 1 else { return list.first ?? "" }
        return list.dropLast().joined(separator: ", ") + " and " + list.last!
    }

    /// A category for readers: `captives_released` → `captives released`.
    func words(_ category: String) -> String { Check.words(category) }

    /// The phrase for a population in messages.
    func phrase(_ key: String?) -> String { name(key) ?? "everyone" }

    /// Whether group `part` is contained in group `whole` (equal, or `whole` is everyone).
    static func contained(_ part: String?, in whole: String?) -> Bool { whole == nil || part == whole }

    /// The order of checks in a report: kind, category, population, period, first claim.
    static func order(_ a: Check, _ b: Check) -> Bool {
        let ka = Check.Kind.allCases.firstIndex(of: a.kind)!, kb = Check.Kind.allCases.firstIndex(of: b.kind)!
        if ka != kb { return ka < kb }
        let ra = CheckRule.all.firstIndex(of: a.rule) ?? 0, rb = CheckRule.all.firstIndex(of: b.rule) ?? 0
        let ca = a.claims.first?.id ?? "", cb = b.claims.first?.id ?? ""
        return (a.category, a.population ?? "", a.refersTo ?? "", ra, ca, a.claims.count)
            < (b.category, b.population ?? "", b.refersTo ?? "", rb, cb, b.claims.count)
    }
}
