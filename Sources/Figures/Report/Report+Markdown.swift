import Foundation

extension Report {
    /// The report as Markdown: a summary line, the findings by severity (each with a table of
    /// the claims it rests on: article, published, outlet, value as written, qualifier, bounds,
    /// period, attributed to, sentence), the checks that passed, the series over time, the
    /// claims not checked, and every article read.
    public func markdown() -> String {
        var out: [String] = []
        out.append("# Figures report")
        out.append("")
        out.append("**\(summary)**")
        out.append("")
        out.append("## Findings")
        out.append("")
        if findings.isEmpty {
            out.append("No check failed.")
            out.append("")
        }
        for severity in Severity.allCases.reversed() {
            let list = findings(severity)
            guard !list.isEmpty else { continue }
            out.append("### \(Report.heading(severity)) (\(list.count))")
            out.append("")
            for finding in list {
                out.append("#### \(findingID(of: finding)!) · \(Check.words(finding.kind.rawValue)) · \(Report.subject(finding))")
                out.append("")
                out.append(finding.message)
                out.append("")
                out.append("Rule `\(finding.rule.name)`, reason `\(finding.reason!)`, check \(id(of: finding)).")
                out.append("")
                out.append(contentsOf: Report.claimTable(finding.evidence))
                out.append("")
            }
        }
        let passed = checks.filter { $0.outcome == .pass }
        out.append("## Checks that passed (\(passed.count))")
        out.append("")
        if passed.isEmpty {
            out.append("None.")
        } else {
            out.append("| check | rule | category | population | period | result |")
            out.append("|---|---|---|---|---|---|")
            for check in passed {
                out.append("| \(id(of: check)) | `\(check.rule.name)` | \(check.category) | \(Report.cell(Report.populationLabel(check))) | \(check.refersTo ?? "—") | \(Report.cell(check.message)) |")
            }
        }
        out.append("")
        if !series.isEmpty {
            out.append("## Series over time")
            out.append("")
            for s in series {
                out.append("### \(Check.words(s.category)) · \(s.population ?? "everyone") · \(s.title)")
                out.append("")
                out.append("| as of | as written | bounds | population | article | published |")
                out.append("|---|---|---|---|---|---|")
                for point in s.points {
                    let mark = s.flagged.contains(point.claim.id) ? " ⚠" : ""
                    out.append("| \(point.asOf.iso) | \(Report.cell(point.claim.text))\(mark) | \(point.interval) | \(Report.cell(point.claim.population ?? "everyone")) | \(point.claim.article) | \(point.claim.published?.iso ?? "—") |")
                }
                out.append("")
            }
        }
        out.append("## Not checked (\(skipped.count))")
        out.append("")
        if skipped.isEmpty {
            out.append("Every claim was checked.")
        } else {
            out.append("| article | as written | category | why | sentence |")
            out.append("|---|---|---|---|---|")
            for s in skipped {
                out.append("| \(s.claim.article) | \(Report.cell(s.claim.text)) | \(s.claim.category) | \(Report.cell(s.why)) | \(Report.cell(Report.marked(s.claim, open: "**", close: "**"))) |")
            }
        }
        out.append("")
        out.append("## Articles (\(articles.count))")
        out.append("")
        out.append("| article | published | outlet | claims |")
        out.append("|---|---|---|---|")
        for a in articles {
            let status = a.entry.error.map { "error: " + $0 } ?? (a.claims == 0 ? "none" : String(a.claims))
            out.append("| \(a.entry.id) | \(a.entry.published?.iso ?? "—") | \(Report.cell(a.entry.outlet ?? "—")) | \(Report.cell(status)) |")
        }
        out.append("")
        out.append("## How to read this report")
        out.append("")
        out.append("Claims count the same thing when place, category, population (a missing one is everyone) and period agree. "
                   + "Each figure is compared as the interval its wording allows: \"nearly 20,000\" is [18,000, 20,000], "
                   + "\"more than 34,300\" is ≥ 34,300, \"1.9 million\" as written is [1.85M, 1.95M]. "
                   + "Planned or agreed figures are not checked as facts. A figure is stale when it is more than "
                   + "\(options.staleAfterDays) days older than another article's figure of its series published the same day. The rules:")
        out.append("")
        for rule in CheckRule.all {
            out.append("- `\(rule.name)` (\(rule.kind.rawValue)): \(rule.summary)")
        }
        out.append("")
        return out.joined(separator: "\n")
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

    /// A check's population for readers: `everyone`, or `all groups` for an undated check over
    /// several groups.
    static func populationLabel(_ check: Check) -> String {
        check.population ?? (check.kind == .undated ? "all groups" : "everyone")
    }

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
