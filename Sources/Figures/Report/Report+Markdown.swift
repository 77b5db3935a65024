import Foundation

extension Report {
    /// The report as Markdown: a summary line, the findings by severity (each with a table of
    /// the claims it rests on: article, published, outlet, value as written, qualifier, bounds,
    /// period, attributed to, sentence), the checks that passed, the series over time, the
    /// claims not checked, and every article read.
    func markdown(to out: ReportSink) {
        out.line("# Figures report")
        out.line("")
        out.line("**\(summary)**")
        out.line("")
        out.line("## Findings")
        out.line("")
        if findings.isEmpty {
            out.line("No check failed.")
            out.line("")
        }
        for severity in Severity.allCases.reversed() {
            let list = findings.indices.filter { findings[$0].severity == severity }
            guard !list.isEmpty else { continue }
            out.line("### \(Report.heading(severity)) (\(list.count))")
            out.line("")
            for f in list {
                let finding = findings[f]
                out.line("#### F\(f + 1) · \(Check.words(finding.kind.rawValue)) · \(Report.subject(finding))")
                out.line("")
                out.line(finding.message)
                out.line("")
                out.line("Rule `\(finding.rule.name)`, reason `\(finding.reason!)`, check \(checkID(checkOfFinding[f])).")
                out.line("")
                for row in Report.claimTable(finding.evidence) { out.line(row) }
                out.line("")
            }
        }
        let passed = checks.indices.filter { checks[$0].outcome == .pass }
        out.line("## Checks that passed (\(passed.count))")
        out.line("")
        if passed.isEmpty {
            out.line("None.")
        } else {
            out.line("| check | rule | category | population | period | result |")
            out.line("|---|---|---|---|---|---|")
            for k in passed {
                let check = checks[k]
                out.line("| \(checkID(k)) | `\(check.rule.name)` | \(check.category) | \(Report.cell(Report.populationLabel(check))) | \(check.refersTo ?? "—") | \(Report.cell(check.message)) |")
            }
        }
        out.line("")
        if !series.isEmpty {
            out.line("## Series over time")
            out.line("")
            for s in series {
                out.line("### \([s.place, Check.words(s.category), s.populationLabel, s.title].compactMap { $0 }.joined(separator: " · "))")
                out.line("")
                out.line("| as of | as written | bounds | population | article | published |")
                out.line("|---|---|---|---|---|---|")
                for point in s.points {
                    let mark = s.flagged.contains(point.claim.id) ? " ⚠" : ""
                    out.line("| \(point.asOf.iso) | \(Report.cell(point.claim.text))\(mark) | \(point.interval) | \(Report.cell(point.claim.population ?? "everyone")) | \(point.claim.article) | \(point.claim.published?.iso ?? "—") |")
                }
                out.line("")
            }
        }
        out.line("## Not checked (\(skipped.count))")
        out.line("")
        if skipped.isEmpty {
            out.line("Every claim was checked.")
        } else {
            out.line("| article | as written | category | why | sentence |")
            out.line("|---|---|---|---|---|")
            for s in skipped {
                out.line("| \(s.claim.article) | \(Report.cell(s.claim.text)) | \(s.claim.category) | \(Report.cell(s.why)) | \(Report.cell(Report.marked(s.claim, open: "**", close: "**"))) |")
            }
        }
        out.line("")
        out.line("## Articles (\(articles.count))")
        out.line("")
        out.line("| article | published | outlet | claims |")
        out.line("|---|---|---|---|")
        for a in articles {
            let status = a.entry.error.map { "error: " + $0 } ?? (a.claims == 0 ? "none" : String(a.claims))
            out.line("| \(a.entry.id) | \(a.entry.published?.iso ?? "—") | \(Report.cell(a.entry.outlet ?? "—")) | \(Report.cell(status)) |")
        }
        out.line("")
        out.line("## How to read this report")
        out.line("")
        out.line("Claims count the same thing when place, category, population (a missing one is everyone) and period agree. "
                   + "Each figure is compared as the interval its wording allows: \"nearly 20,000\" is [18,000, 20,000], "
                   + "\"more than 34,300\" is ≥ 34,300, \"1.9 million\" as written is [1.85M, 1.95M]. "
                   + "Planned or agreed figures are not checked as facts. A figure is stale when it is more than "
                   + "\(options.staleAfterDays) days older than another article's figure of its series published the same day. The rules:")
        out.line("")
        for rule in CheckRule.all {
            out.line("- `\(rule.name)` (\(rule.kind.rawValue)): \(rule.summary)")
        }
    }

    static func heading(_ severity: Severity) -> String {
        switch severity {
        case .error: return "Errors"
        case .warning: return "Warnings"
        case .info: return "Info"
        }
    }

    /// `Gaza · captives released · Israelis · 2023-11`.
    static func subject(_ check: Check) -> String {
        [check.place, Check.words(check.category), populationLabel(check), check.refersTo].compactMap { $0 }.joined(separator: " · ")
    }

    /// A check's population for readers: see ``Check/populationLabel``.
    static func populationLabel(_ check: Check) -> String { check.populationLabel }

    static func claimTable(_ claims: [Claim]) -> [String] {
        var rows = ["| article | published | outlet | as written | qualifier | bounds | period | attributed to | sentence |",
                    "|---|---|---|---|---|---|---|---|---|"]
        for c in claims {
            let bounds = FigureInterval(low: max(0, c.low ?? 0), high: c.high ?? .infinity)
            rows.append("| \(c.article) | \(c.published?.iso ?? "—") | \(cell(c.outlet ?? "—")) | \(cell(c.text)) | \(c.qualifier.rawValue) | \(bounds) | \(c.refersTo ?? "—") | \(cell(c.attributedTo ?? "—")) | \(cell(marked(c, open: "**", close: "**"))) |")
        }
        return rows
    }

    /// A table cell: no line breaks, pipes escaped.
    static func cell(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
    }

    /// The claim's sentence with its figure wrapped in `open` … `close` (the first occurrence of
    /// the claim's text in it).
    static func marked(_ claim: Claim, open: String, close: String, escape: (String) -> String = { $0 }) -> String {
        let sentence = claim.sentence
        guard !claim.text.isEmpty, let range = sentence.range(of: claim.text) else { return escape(sentence) }
        return escape(String(sentence[..<range.lowerBound])) + open + escape(claim.text) + close + escape(String(sentence[range.upperBound...]))
    }
}
