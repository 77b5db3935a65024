/// The figure-discrepancy report: every article read, every claim, every check that ran with its
/// outcome, and the findings (failed checks) by severity, each citing the claims it rests on.
///
/// ```swift
/// var input = ReportInput()
/// let session = Extractor(rules: rules).session()
/// for case .article(let article) in ArticleReader(paths: ["seeds"], manifest: manifest) {
///     input.add(article: article, claims: try session.claims(in: article))
/// }
/// let report = Report(input: input, rules: rules)
/// print(report.markdown())
/// exit(report.exitStatus(failOn: .warning))
/// ```
///
/// The report is a value: the same claims, in any order and from any number of claims files,
/// give the same report. Renderers: ``markdown()``, ``json()``, ``csv()``, ``html()``.
public struct Report: Sendable {
    /// One input article and what came of it.
    public struct ArticleSummary: Sendable, Hashable {
        public let entry: ReportInput.ArticleEntry
        /// Claims found in it (checked or not).
        public let claims: Int
    }

    /// A series of figures over time, drawn as a timeline: running totals of one group since a
    /// start, or levels of one stock.
    public struct Series: Sendable {
        public let category: String
        /// The group; `nil` is everyone. The claims about everyone are drawn in every series of
        /// their category.
        public let population: String?
        /// `running total since 2023-10-07` or `level`.
        public let title: String
        /// Each point: the claim, its interval, and the day it is given as of.
        public let points: [(claim: Claim, interval: FigureInterval, asOf: Day)]
        /// Ids of the claims cited by a failed reversal check of this series.
        public let flagged: Set<String>
    }

    /// Every article, sorted by id.
    public let articles: [ArticleSummary]
    /// Every claim, sorted by article and offset.
    public let claims: [Claim]
    /// Every check that ran, passed or failed, in a stable order; ids `C1`, `C2`, … follow it.
    public let checks: [Check]
    /// The failed checks, most severe first; ids `F1`, `F2`, … follow this order.
    public let findings: [Check]
    /// Claims no check looked at (planned or agreed figures, undeclared categories), and why.
    public let skipped: [Checker.Skipped]
    /// Timelines of the running totals and stocks with at least two points in time.
    public let series: [Series]
    /// For each claim id, the key of the group it counts in.
    public let groupKeys: [String: String]
    /// The options the checks ran with.
    public let options: Checker.Options

    private let checkIDs: [Check: String]
    private let findingIDs: [Check: String]

    /// Checks the input's claims against each other.
    public init(input: ReportInput, rules: RuleBook, options: Checker.Options = Checker.Options()) {
        let claims = input.claims.sorted { ($0.article, $0.start, $0.end, $0.category) < ($1.article, $1.start, $1.end, $1.category) }
        let result = Checker(rules: rules, options: options).run(claims)
        var perArticle: [String: Int] = [:]
        for claim in claims { perArticle[claim.article, default: 0] += 1 }
        self.articles = input.articles.values.sorted { $0.id < $1.id }.map { ArticleSummary(entry: $0, claims: perArticle[$0.id] ?? 0) }
        self.claims = claims
        self.checks = result.checks
        let failed = result.checks.enumerated().filter { $0.element.outcome == .fail }
        self.findings = failed.sorted { ($0.element.severity!, -$0.offset) > ($1.element.severity!, -$1.offset) }.map(\.element)
        self.skipped = result.skipped
        self.groupKeys = result.groupKeys
        self.options = options
        self.checkIDs = Dictionary(result.checks.enumerated().map { ($0.element, "C\($0.offset + 1)") }, uniquingKeysWith: { a, _ in a })
        self.findingIDs = Dictionary(findings.enumerated().map { ($0.element, "F\($0.offset + 1)") }, uniquingKeysWith: { a, _ in a })
        self.series = CheckContext(claims: claims, rules: rules, options: options).timelines(flagged: result.checks)
    }

    /// Checks claims that carry their own article metadata.
    public init(claims: [Claim], rules: RuleBook, options: Checker.Options = Checker.Options()) {
        self.init(input: ReportInput(claims: claims), rules: rules, options: options)
    }

    /// `C1`, `C2`, …: a check's id in this report.
    public func id(of check: Check) -> String { checkIDs[check] ?? "" }

    /// `F1`, `F2`, …: a failed check's finding id in this report; `nil` for a passed check.
    public func findingID(of check: Check) -> String? { findingIDs[check] }

    /// Articles that could not be read or processed.
    public var errors: [ArticleSummary] { articles.filter { $0.entry.error != nil } }

    /// The exit status for a newsroom's CI: 2 when an input could not be read, 1 when a finding
    /// of severity `failOn` or above exists, 0 otherwise.
    public func exitStatus(failOn: Severity) -> Int32 {
        if !errors.isEmpty { return 2 }
        return findings.contains { $0.severity! >= failOn } ? 1 : 0
    }

    /// Findings of one severity.
    public func findings(_ severity: Severity) -> [Check] { findings.filter { $0.severity == severity } }

    /// One line: articles, claims, checks run, passed and failed.
    public var summary: String {
        let failed = findings.count
        let counts = Severity.allCases.reversed().map { s in "\(findings(s).count) \(s == .info ? "info" : s.rawValue + (findings(s).count == 1 ? "" : "s"))" }
        let errorText = errors.isEmpty ? "" : "; \(errors.count) unreadable input\(errors.count == 1 ? "" : "s")"
        return "\(articles.count) article\(articles.count == 1 ? "" : "s"), \(claims.count) claim\(claims.count == 1 ? "" : "s")\(errorText); "
            + "\(checks.count) checks: \(checks.count - failed) passed, \(failed) failed (\(counts.joined(separator: ", ")))."
    }
}

extension CheckContext {
    /// The timelines: per running-total series and per stock, for each group (with the claims
    /// about everyone), when they span at least two days.
    func timelines(flagged checks: [Check]) -> [Report.Series] {
        let reversals = checks.filter { $0.kind == .reversal && $0.outcome == .fail }
        var result: [Report.Series] = []
        func add(_ members: [Int], population: String?, title: String) {
            let ordered = inTimeOrder(members)
            guard Set(ordered.map { claims[$0].time!.end.first }).count >= 2 else { return }
            let first = claims[ordered[0]].claim
            let flagged = Set(reversals.filter { $0.category == first.category && $0.population == name(population) }
                .flatMap { $0.evidence.map(\.id) })
            result.append(Report.Series(category: first.category, population: name(population), title: title,
                                        points: ordered.map { (claims[$0].claim, claims[$0].interval, claims[$0].time!.end.first) },
                                        flagged: flagged))
        }
        var byFamily: [Int: [Int]] = [:]
        for (i, p) in claims.enumerated() where p.family != nil { byFamily[p.family!, default: []].append(i) }
        for id in byFamily.keys.sorted() {
            for (population, members) in populationSeries(byFamily[id]!) {
                add(members, population: population, title: "running total since \(familyLabels[id]!)")
            }
        }
        var stocks: [String: [Int]] = [:]
        for (i, p) in claims.enumerated() where p.kind == .stock && p.series == nil && p.time != nil {
            stocks["\(p.claim.category)|\(p.claim.unit.rawValue)", default: []].append(i)
        }
        for key in stocks.keys.sorted() {
            for (population, members) in populationSeries(stocks[key]!) {
                add(members, population: population, title: claims[members[0]].claim.unit == .percent ? "level, percent" : "level")
            }
        }
        return result
    }
}
