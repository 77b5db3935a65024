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
            out.items(list.count, block: 1 << 12) { n, out in
                let f = list[n]
                let finding = findings[f]
                out.append { b in
                    ReportBytes.append("#### F", to: &b); ReportBytes.append(int: f + 1, to: &b)
                    ReportBytes.append(" · \(Check.words(finding.kind.rawValue)) · \(Report.subject(finding))\n\n", to: &b)
                    ReportBytes.append(finding.message, to: &b)
                    ReportBytes.append("\n\nRule `\(finding.rule.name)`, reason `\(finding.reason!)`, check ", to: &b)
                    b.append(UInt8(ascii: "C")); ReportBytes.append(int: checkOfFinding[f] + 1, to: &b)
                    ReportBytes.append(".\n\n", to: &b)
                }
                Report.claimTable(finding.table.claims, finding.evidenceIndices, to: out)
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
            out.items(passed.count, block: 1 << 13) { n, out in
                let k = passed[n]
                let check = checks[k]
                out.append { b in
                    ReportBytes.append("| C", to: &b); ReportBytes.append(int: k + 1, to: &b)
                    ReportBytes.append(" | `", to: &b); ReportBytes.append(check.rule.name, to: &b)
                    ReportBytes.append("` | ", to: &b); ReportBytes.append(check.category, to: &b)
                    ReportBytes.append(" | ", to: &b); ReportBytes.append(cell: Report.populationLabel(check), to: &b)
                    ReportBytes.append(" | ", to: &b); ReportBytes.append(check.refersTo ?? "—", to: &b)
                    ReportBytes.append(" | ", to: &b); ReportBytes.append(cell: check.message, to: &b)
                    ReportBytes.append(" |\n", to: &b)
                }
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
                let claims = s.table.claims
                for k in s.members.indices {
                    let claim = claims[s.members[k]]
                    out.append { b in
                        ReportBytes.append("| ", to: &b); ReportBytes.append(day: Day(ordinal: s.days[k]), to: &b)
                        ReportBytes.append(" | ", to: &b); ReportBytes.append(cell: claim.text, to: &b)
                        if s.flags[k] { ReportBytes.append(" ⚠", to: &b) }
                        ReportBytes.append(" | ", to: &b); ReportBytes.append(interval: s.intervals[k], to: &b)
                        ReportBytes.append(" | ", to: &b); ReportBytes.append(cell: claim.population ?? "everyone", to: &b)
                        ReportBytes.append(" | ", to: &b); ReportBytes.append(claim.article, to: &b)
                        ReportBytes.append(" | ", to: &b)
                        if let day = claim.published { ReportBytes.append(day: day, to: &b) } else { b.append(contentsOf: ReportBytes.dash) }
                        ReportBytes.append(" |\n", to: &b)
                    }
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
                out.append { b in
                    ReportBytes.append("| ", to: &b); ReportBytes.append(s.claim.article, to: &b)
                    ReportBytes.append(" | ", to: &b); ReportBytes.append(cell: s.claim.text, to: &b)
                    ReportBytes.append(" | ", to: &b); ReportBytes.append(s.claim.category, to: &b)
                    ReportBytes.append(" | ", to: &b); ReportBytes.append(cell: s.why, to: &b)
                    ReportBytes.append(" | ", to: &b); ReportBytes.append(marked: s.claim, open: "**", close: "**", .cell, to: &b)
                    ReportBytes.append(" |\n", to: &b)
                }
            }
        }
        out.line("")
        out.line("## Articles (\(articles.count))")
        out.line("")
        out.line("| article | published | outlet | claims |")
        out.line("|---|---|---|---|")
        for a in articles {
            out.append { b in
                ReportBytes.append("| ", to: &b); ReportBytes.append(a.entry.id, to: &b)
                ReportBytes.append(" | ", to: &b)
                if let day = a.entry.published { ReportBytes.append(day: day, to: &b) } else { b.append(contentsOf: ReportBytes.dash) }
                ReportBytes.append(" | ", to: &b); ReportBytes.append(cell: a.entry.outlet ?? "—", to: &b)
                ReportBytes.append(" | ", to: &b)
                if let error = a.entry.error {
                    ReportBytes.append(cell: "error: " + error, to: &b)
                } else if a.claims == 0 {
                    ReportBytes.append("none", to: &b)
                } else {
                    ReportBytes.append(int: a.claims, to: &b)
                }
                ReportBytes.append(" |\n", to: &b)
            }
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

    /// ``claimTable(_:)`` of the claims at `indices` of `claims`, written as bytes.
    static func claimTable(_ claims: [Claim], _ indices: [Int], to out: ReportSink) {
        out.write("| article | published | outlet | as written | qualifier | bounds | period | attributed to | sentence |\n|---|---|---|---|---|---|---|---|---|\n")
        for i in indices {
            out.append { b in claimRow(claims[i], to: &b) }
        }
    }

    /// A row of ``claimTable(_:_:to:)``; the claim is read in place (copying it would count a
    /// reference for each of its strings, for every claim a finding cites).
    private static func claimRow(_ c: borrowing Claim, to b: inout [UInt8]) {
        ReportBytes.append("| ", to: &b); ReportBytes.append(c.article, to: &b)
        ReportBytes.append(" | ", to: &b)
        if let day = c.published { ReportBytes.append(day: day, to: &b) } else { b.append(contentsOf: ReportBytes.dash) }
        ReportBytes.append(" | ", to: &b); ReportBytes.append(cell: c.outlet ?? "—", to: &b)
        ReportBytes.append(" | ", to: &b); ReportBytes.append(cell: c.text, to: &b)
        ReportBytes.append(" | ", to: &b); ReportBytes.append(c.qualifier.rawValue, to: &b)
        ReportBytes.append(" | ", to: &b); ReportBytes.append(interval: FigureInterval(low: max(0, c.low ?? 0), high: c.high ?? .infinity), to: &b)
        ReportBytes.append(" | ", to: &b); ReportBytes.append(c.refersTo ?? "—", to: &b)
        ReportBytes.append(" | ", to: &b); ReportBytes.append(cell: c.attributedTo ?? "—", to: &b)
        ReportBytes.append(" | ", to: &b); ReportBytes.append(marked: c, open: "**", close: "**", .cell, to: &b)
        ReportBytes.append(" |\n", to: &b)
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
