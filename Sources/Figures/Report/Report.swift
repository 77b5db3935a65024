import Foundation
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
        /// The place the figures are about; `nil` when unknown.
        public let place: String?
        /// The group; `nil` is everyone, or several groups (see ``populationLabel``). A series
        /// holds the groups of a family of running totals, or of a stock, that are compared
        /// together, so that each claim is drawn once.
        public let population: String?
        /// The group for readers: the population, `everyone`, or the groups drawn
        /// (`Israelis and Thais`, `5 groups`).
        public let populationLabel: String
        /// `running total since 2023-10-07` or `level`.
        public let title: String
        /// Each point: the claim, its interval, and the day it is given as of.
        public var points: [(claim: Claim, interval: FigureInterval, asOf: Day)] {
            members.indices.map { (table.claims[members[$0]], intervals[$0], Day(ordinal: days[$0])) }
        }
        /// Ids of the claims cited by a failed reversal check of this series.
        public let flagged: Set<String>

        /// The points as positions in the claims of the report's checks, with their intervals
        /// and as-of days (ordinals): a claim is not copied into its series.
        let table: ClaimTable
        let members: [Int]
        let intervals: [FigureInterval]
        let days: [Int]
        /// For each point, whether its claim's id is in ``flagged``.
        let flags: [Bool]
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
    /// The options the checks ran with.
    public let options: Checker.Options

    /// Each check's position, by its serial (see ``Check/serial``).
    private let positions: [Int]
    /// How many findings there are of each severity.
    private let severityCounts: [Severity: Int]
    /// For each check (by position), its finding's position; for each finding, its check's.
    let findingOfCheck: [Int?]
    let checkOfFinding: [Int]
    /// The claims the checks refer to by position (all the checks of a report share them), and
    /// each one's group key.
    let table: ClaimTable
    let tableGroups: GroupNames
    /// For each claim of ``claims``, its position in ``table``; `-1` when it was not checked.
    let claimPositions: [Int32]

    /// Checks the input's claims against each other.
    public init(input: ReportInput, rules: RuleBook, options: Checker.Options = Checker.Options()) {
        var t = DispatchTime.now().uptimeNanoseconds
        func lap(_ what: String) { if ProcessInfo.processInfo.environment["FIGURES_TIMING"] != nil { let n = DispatchTime.now().uptimeNanoseconds; FileHandle.standardError.write("TIMING \(what) \(Double(n - t) / 1e9)\n".data(using: .utf8)!); t = n } }
        // Claims files are usually written in this order already: then the claims are shared, not
        // copied (the sort is stable, so an array in order stays as it is).
        func ordered(_ a: Claim, _ b: Claim) -> Bool { (a.article, a.start, a.end, a.category) < (b.article, b.start, b.end, b.category) }
        let given = input.claims
        let claims = given.indices.dropFirst().allSatisfy({ !ordered(given[$0], given[$0 - 1]) }) ? given : given.sorted(by: ordered)
        lap("report sort")
        // The articles and the timelines are made while the checks are sorted.
        var articles: [ArticleSummary] = [], series: [Series] = []
        let (result, context) = Checker(rules: rules, options: options).runKeepingContext(claims) { context, checks in
            // The claims are in the order of their articles: each article's claims are one run.
            var perArticle: [String: Int] = [:]
            var start = 0
            while start < claims.count {
                var end = start + 1
                while end < claims.count, claims[end].article == claims[start].article { end += 1 }
                perArticle[claims[start].article, default: 0] += end - start
                start = end
            }
            articles = input.articles.values.sorted { $0.id < $1.id }.map { ArticleSummary(entry: $0, claims: perArticle[$0.id] ?? 0) }
            series = context.timelines(flagged: checks)
        }
        lap("checker")
        defer { lap("report rest") }
        self.articles = articles
        self.claims = claims
        self.checks = result.checks
        let failed = result.checks.indices.filter { result.checks[$0].outcome == .fail }
        let order = failed.sorted { (result.checks[$0].severity!, -$0) > (result.checks[$1].severity!, -$1) }
        self.findings = order.map { result.checks[$0] }
        self.checkOfFinding = order
        var findingOfCheck = [Int?](repeating: nil, count: result.checks.count)
        for (f, k) in order.enumerated() { findingOfCheck[k] = f }
        self.findingOfCheck = findingOfCheck
        var severityCounts: [Severity: Int] = [:]
        for k in failed { severityCounts[result.checks[k].severity!, default: 0] += 1 }
        self.severityCounts = severityCounts
        self.skipped = result.skipped
        self.options = options
        self.positions = result.positions
        self.table = context.table
        self.tableGroups = result.groupNames
        self.claimPositions = result.inputPositions
        self.series = series
    }

    /// Checks claims that carry their own article metadata.
    public init(claims: [Claim], rules: RuleBook, options: Checker.Options = Checker.Options()) {
        self.init(input: ReportInput(claims: claims), rules: rules, options: options)
    }

    /// The bytes of the group keys of the claims at `range` of the checks' table, each with two
    /// quotes (or `null`).
    func groupNamesSize(_ range: Range<Int>) -> Int {
        let sizes = tableGroups.names.map { $0.utf8.count + 2 }
        return range.reduce(0) { $0 + (tableGroups.ids[$1] >= 0 ? sizes[Int(tableGroups.ids[$1])] : 4) }
    }

    /// `C1`, `C2`, …: a check's id in this report.
    public func id(of check: Check) -> String { position(of: check).map(checkID) ?? "" }

    /// `F1`, `F2`, …: a failed check's finding id in this report; `nil` for a passed check.
    public func findingID(of check: Check) -> String? { position(of: check).flatMap { findingID(ofCheck: $0) } }

    /// Where `check` is in ``checks``: found by its serial when the checker of this report made
    /// it, else by comparing.
    private func position(of check: Check) -> Int? {
        if check.table === table, positions.indices.contains(check.serial), checks[positions[check.serial]] == check {
            return positions[check.serial]
        }
        return checks.firstIndex(of: check)
    }

    /// The key of the group `claim` counts in (`place|category|population|period`); `nil`
    /// when it was not checked.
    public func group(of claim: Claim) -> String? { table.position(of: claim).map { tableGroups[$0] } }

    /// The id of the check at position `k` of ``checks``, and of its finding.
    func checkID(_ k: Int) -> String { "C\(k + 1)" }
    func findingID(ofCheck k: Int) -> String? { findingOfCheck[k].map { "F\($0 + 1)" } }

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

    /// How many findings are of `severity`.
    func count(_ severity: Severity) -> Int { severityCounts[severity] ?? 0 }

    /// The formats a report renders to.
    public enum Format: String, Sendable, CaseIterable {
        case md, json, csv, html
    }

    /// Writes the report in `format`, handing `emit` the bytes a chunk (about a megabyte) at a
    /// time, so that a report over a million claims is written to a file without being held
    /// whole in memory.
    public func write(_ format: Format, to emit: ([UInt8]) -> Void) {
        write(inPlace: format) { emit($0) }
    }

    /// Writes the report in `format` as ``write(_:to:)`` does, handing `take` each chunk in
    /// place (`inout`): it may take the bytes, leaving an empty array in their place, best one with the
    /// capacity of a chunk that it has done with (a writer that keeps a few arrays and reuses
    /// them saves the system giving the process fresh memory for every megabyte of the report).
    public func write(inPlace format: Format, to take: (inout [UInt8]) -> Void) {
        withoutActuallyEscaping(take) { emit in
            let sink = ReportSink(emit: emit)
            switch format {
            case .md: markdown(to: sink)
            case .json: json(to: sink)
            case .csv: csv(to: sink)
            case .html: html(to: sink)
            }
            sink.finish()
        }
    }

    /// The report in `format`, as text.
    public func rendered(_ format: Format) -> String {
        var bytes: [UInt8] = []
        write(format) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The report as Markdown (see ``write(_:to:)`` for large reports).
    public func markdown() -> String { rendered(.md) }

    /// The report as JSON (see ``write(_:to:)`` for large reports).
    public func json() -> String { rendered(.json) }

    /// The report as CSV (see ``write(_:to:)`` for large reports).
    public func csv() -> String { rendered(.csv) }

    /// The report as one HTML page (see ``write(_:to:)`` for large reports).
    public func html() -> String { rendered(.html) }

    /// One line: articles, claims, checks run, passed and failed.
    public var summary: String {
        let failed = findings.count
        let counts = Severity.allCases.reversed().map { s in "\(count(s)) \(s == .info ? "info" : s.rawValue + (count(s) == 1 ? "" : "s"))" }
        let errorText = errors.isEmpty ? "" : "; \(errors.count) unreadable input\(errors.count == 1 ? "" : "s")"
        return "\(articles.count) article\(articles.count == 1 ? "" : "s"), \(claims.count) claim\(claims.count == 1 ? "" : "s")\(errorText); "
            + "\(checks.count) checks: \(checks.count - failed) passed, \(failed) failed (\(counts.joined(separator: ", ")))."
    }
}

extension CheckContext {
    /// The timelines: one per family of running totals and one per stock of a place, for the
    /// groups compared together (see ``linkedGroups(_:)``: each claim is drawn once), when they
    /// span at least two days.
    func timelines(flagged checks: [Check]) -> [Report.Series] {
        var flagged = Set<Int>()
        for k in checks.indices where checks[k].kind == .reversal && checks[k].outcome == .fail { flagged.formUnion(checks[k].evidenceIndices) }
        var result: [Report.Series] = []
        func add(_ members: [Int], title: String) {
            let ordered = inTimeOrder(members)
            guard ordered.contains(where: { claims[$0].endFirst != claims[ordered[0]].endFirst }) else { return }
            let first = records[ordered[0]]
            let named = namedGroups(ordered)
            let population = name(named.single)
            // A point is flagged when its claim's id (article and offset) is a flagged claim's.
            struct ID: Hashable { let article: Int, start: Int }
            let flaggedMembers = ordered.filter(flagged.contains)
            let flaggedIDs = Set(flaggedMembers.map { ID(article: claims[$0].article, start: records[$0].start) })
            let flags = flaggedIDs.isEmpty ? Array(repeating: false, count: ordered.count)
                : ordered.map { flaggedIDs.contains(ID(article: claims[$0].article, start: records[$0].start)) }
            result.append(Report.Series(category: first.category, place: first.place, population: population,
                                        populationLabel: population ?? groupsPhrase(named.keys) ?? "everyone", title: title,
                                        flagged: Set(flaggedMembers.map { records[$0].id }), table: table, members: ordered,
                                        intervals: ordered.map { claims[$0].interval }, days: ordered.map { claims[$0].endFirst },
                                        flags: flags))
        }
        var byFamily: [Int: [Int]] = [:]
        for i in claims.indices { if let family = claims[i].family { byFamily[family, default: []].append(i) } }
        for id in byFamily.keys.sorted() {
            for members in linkedGroups(byFamily[id]!) { add(members, title: "running total since \(familyLabels[id]!)") }
        }
        var stocks: [GroupKey: [Int]] = [:]
        for i in claims.indices where claims[i].kind == .stock && claims[i].series == nil && claims[i].isDated {
            let p = claims[i]
            stocks[GroupKey(place: p.placeID, category: p.categoryID, unit: p.unit == .percent ? 1 : 0, population: 0, series: 0, first: 0, last: 0),
                   default: []].append(i)
        }
        // In the order of category, place and unit.
        let order = stocks.values.sorted { a, b in
            let x = records[a[0]], y = records[b[0]]
            return (x.category, x.place ?? "", x.unit.rawValue) < (y.category, y.place ?? "", y.unit.rawValue)
        }
        for stock in order {
            for members in linkedGroups(stock) {
                add(members, title: claims[members[0]].unit == .percent ? "level, percent" : "level")
            }
        }
        return result
    }
}

/// Bytes on their way out of a renderer: kept until a chunk is full, then handed on.
final class ReportSink {
    /// What has not been handed on yet.
    var bytes: [UInt8] = []
    private let emit: (inout [UInt8]) -> Void
    static let chunk = 1 << 20

    init(emit: @escaping (inout [UInt8]) -> Void) {
        self.emit = emit
        bytes.reserveCapacity(ReportSink.chunk + (1 << 16))
    }

    /// Lets `body` append to the bytes not handed on yet (one access for a whole row).
    @inline(__always)
    func append(_ body: (inout [UInt8]) -> Void) {
        body(&bytes)
        if bytes.count >= ReportSink.chunk { flush() }
    }

    /// Writes `text`.
    func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= ReportSink.chunk { flush() }
    }

    /// Writes `text` and a line break.
    func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
        if bytes.count >= ReportSink.chunk { flush() }
    }

    /// Writes items `0..<count`, each written by `render` to the sink it is given, in order: a
    /// block of `block` items at a time on each of two threads at once, whose bytes are then
    /// handed on in the order of the items (on one core, each straight to this sink). `render`
    /// must only read what it shares.
    func items(_ count: Int, block: Int, _ render: (Int, ReportSink) -> Void) {
        guard count > block, mayUseSeveralCores else {
            for k in 0..<count { render(k, self) }
            return
        }
        var start = 0
        while start < count {
            let middle = min(count, start + block), end = min(count, middle + block)
            var first: [[UInt8]] = [], second: [[UInt8]] = []
            concurrently({ first = ReportSink.chunks(start..<middle, render) }, { second = ReportSink.chunks(middle..<end, render) })
            flush()
            for var chunk in first { emit(&chunk) }
            for var chunk in second { emit(&chunk) }
            start = end
        }
    }

    /// The bytes of items `range`, in chunks.
    private static func chunks(_ range: Range<Int>, _ render: (Int, ReportSink) -> Void) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        let sink = ReportSink { chunks.append($0) }
        for k in range { render(k, sink) }
        sink.finish()
        return chunks
    }

    /// Lets `body` append to the bytes not handed on yet, and hand them on itself with
    /// ``take(_:)-(inout [UInt8])`` when they fill a chunk (a JSON check that lists many claims).
    func appendHandingOn(_ body: (inout [UInt8]) -> Void) {
        var b: [UInt8] = []
        swap(&b, &bytes)
        body(&b)
        swap(&b, &bytes)
        if bytes.count >= ReportSink.chunk { flush() }
    }

    /// Hands on everything so far, from this sink and from `json`, whatever its size.
    func drain(_ json: inout JSONWriter) {
        flush()
        guard !json.bytes.isEmpty else { return }
        hand(&json.bytes)
    }

    /// Hands on what a JSON writer holds, once it fills a chunk.
    func take(_ json: inout JSONWriter) { take(&json.bytes) }

    /// Hands on `bytes`, written after this sink's, once they fill a chunk.
    func take(_ bytes: inout [UInt8]) {
        guard bytes.count >= ReportSink.chunk else { return }
        flush()
        hand(&bytes)
    }

    /// Hands on everything left, from this sink and from `json`.
    func finish(_ json: inout JSONWriter) {
        flush()
        if !json.bytes.isEmpty { emit(&json.bytes) }
        json.bytes.removeAll()
    }

    func finish() { flush() }

    private func flush() {
        guard !bytes.isEmpty else { return }
        hand(&bytes)
    }

    /// Hands on `bytes` and leaves them empty, keeping their capacity (or the capacity of the
    /// array the taker left in their place).
    @inline(__always)
    private func hand(_ bytes: inout [UInt8]) {
        emit(&bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
