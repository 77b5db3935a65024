import Foundation

extension Report {
    /// The report as one self-contained HTML page: no scripts, no network (a Content Security
    /// Policy forbids every fetch), styles inline. Findings by severity with their claims, a
    /// timeline chart (inline SVG) for each series over time with every article's figure drawn as
    /// a point with its bounds, then the checks that passed, the claims not checked and the
    /// articles read.
    func html(to out: ReportSink) {
        out.write("""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Figures report</title>
        <style>\(Report.css)</style>
        </head>
        <body>
        <header><h1>Figures report</h1><p class="summary">\(Report.escape(summary))</p>
        <nav><a href="#findings">Findings</a> · <a href="#series">Series</a> · <a href="#passed">Passed checks</a> · <a href="#not-checked">Not checked</a> · <a href="#articles">Articles</a> · <a href="#rules">How to read</a></nav></header>
        <main>
        <section id="findings"><h2>Findings</h2>

        """)
        if findings.isEmpty { out.write("<p>No check failed.</p>\n") }
        for severity in Severity.allCases.reversed() {
            let list = findings.indices.filter { findings[$0].severity == severity }
            guard !list.isEmpty else { continue }
            out.write("<h3>\(Report.heading(severity)) (\(list.count))</h3>\n")
            out.items(list.count, block: 1 << 12) { n, out in
                let f = list[n]
                let finding = findings[f]
                out.append { b in
                    ReportBytes.append("<article class=\"finding \(severity.rawValue)\" id=\"F", to: &b); ReportBytes.append(int: f + 1, to: &b)
                    ReportBytes.append("\">\n<h4><span class=\"badge \(severity.rawValue)\">\(severity.rawValue)</span> F", to: &b)
                    ReportBytes.append(int: f + 1, to: &b)
                    ReportBytes.append(" · ", to: &b); ReportBytes.append(html: Check.words(finding.kind.rawValue), to: &b)
                    ReportBytes.append(" · ", to: &b); ReportBytes.append(html: Report.subject(finding), to: &b)
                    ReportBytes.append("</h4>\n<p class=\"message\">", to: &b); ReportBytes.append(html: finding.message, to: &b)
                    ReportBytes.append("</p>\n<p class=\"meta\">Rule <code>", to: &b); ReportBytes.append(finding.rule.name, to: &b)
                    ReportBytes.append("</code>, reason <code>", to: &b); ReportBytes.append(html: finding.reason!, to: &b)
                    ReportBytes.append("</code>, check C", to: &b); ReportBytes.append(int: checkOfFinding[f] + 1, to: &b)
                    ReportBytes.append(".</p>\n", to: &b)
                }
                Report.htmlClaimTable(finding.table.claims, finding.evidenceIndices, to: out)
                out.write("</article>\n")
            }
        }
        out.write("</section>\n<section id=\"series\"><h2>Series over time</h2>\n")
        if series.isEmpty { out.write("<p>No series spans two days or more.</p>\n") }
        for s in series {
            out.appendHandingOn { b in
                ReportBytes.append("<figure class=\"timeline\">\n", to: &b)
                Timeline(series: s).svg(to: &b, handOn: { out.take(&$0) })
                b.append(0x0A)
            }
            out.write("<figcaption>\(Report.escape([s.place, Check.words(s.category), s.populationLabel, s.title].compactMap { $0 }.joined(separator: " · "))). ")
            out.write("Each point is one article's figure as of the day it gives; the bar spans the values its wording allows (an arrow: no upper bound). ")
            out.write("Hollow points count everyone\(s.flagged.isEmpty ? "" : "; red points are cited by a reversal finding").</figcaption>\n</figure>\n")
        }
        let passed = checks.indices.filter { checks[$0].outcome == .pass }
        out.write("</section>\n<section id=\"passed\"><h2>Checks that passed (\(passed.count))</h2>\n")
        out.write("<table><thead><tr><th>check</th><th>rule</th><th>category</th><th>population</th><th>period</th><th>result</th></tr></thead><tbody>\n")
        out.items(passed.count, block: 1 << 13) { n, out in
            let k = passed[n]
            let check = checks[k]
            out.append { b in
                ReportBytes.append("<tr id=\"C", to: &b); ReportBytes.append(int: k + 1, to: &b)
                ReportBytes.append("\"><td>C", to: &b); ReportBytes.append(int: k + 1, to: &b)
                ReportBytes.append("</td><td><code>", to: &b); ReportBytes.append(check.rule.name, to: &b)
                ReportBytes.append("</code></td><td>", to: &b); ReportBytes.append(html: check.category, to: &b)
                ReportBytes.append("</td><td>", to: &b); ReportBytes.append(html: Report.populationLabel(check), to: &b)
                ReportBytes.append("</td><td>", to: &b); ReportBytes.append(html: check.refersTo ?? "—", to: &b)
                ReportBytes.append("</td><td>", to: &b); ReportBytes.append(html: check.message, to: &b)
                ReportBytes.append("</td></tr>\n", to: &b)
            }
        }
        out.write("</tbody></table>\n</section>\n<section id=\"not-checked\"><h2>Not checked (\(skipped.count))</h2>\n")
        if skipped.isEmpty {
            out.write("<p>Every claim was checked.</p>\n")
        } else {
            out.write("<table><thead><tr><th>article</th><th>as written</th><th>category</th><th>why</th><th>sentence</th></tr></thead><tbody>\n")
            for s in skipped {
                out.append { b in
                    ReportBytes.append("<tr><td>", to: &b); ReportBytes.append(html: s.claim.article, to: &b)
                    ReportBytes.append("</td><td>", to: &b); ReportBytes.append(html: s.claim.text, to: &b)
                    ReportBytes.append("</td><td>", to: &b); ReportBytes.append(html: s.claim.category, to: &b)
                    ReportBytes.append("</td><td>", to: &b); ReportBytes.append(html: s.why, to: &b)
                    ReportBytes.append("</td><td>", to: &b); ReportBytes.append(marked: s.claim, open: "<mark>", close: "</mark>", .html, to: &b)
                    ReportBytes.append("</td></tr>\n", to: &b)
                }
            }
            out.write("</tbody></table>\n")
        }
        out.write("</section>\n<section id=\"articles\"><h2>Articles (\(articles.count))</h2>\n")
        out.write("<table><thead><tr><th>article</th><th>published</th><th>outlet</th><th>claims</th></tr></thead><tbody>\n")
        for a in articles {
            out.append { b in
                ReportBytes.append("<tr><td>", to: &b); ReportBytes.append(html: a.entry.id, to: &b)
                ReportBytes.append("</td><td>", to: &b)
                if let day = a.entry.published { ReportBytes.append(day: day, to: &b) } else { b.append(contentsOf: ReportBytes.dash) }
                ReportBytes.append("</td><td>", to: &b); ReportBytes.append(html: a.entry.outlet ?? "—", to: &b)
                ReportBytes.append("</td><td>", to: &b)
                if let error = a.entry.error {
                    ReportBytes.append("<span class=\"badge error\">error</span> ", to: &b); ReportBytes.append(html: error, to: &b)
                } else if a.claims == 0 {
                    ReportBytes.append("none", to: &b)
                } else {
                    ReportBytes.append(int: a.claims, to: &b)
                }
                ReportBytes.append("</td></tr>\n", to: &b)
            }
        }
        out.write("</tbody></table>\n</section>\n<section id=\"rules\"><h2>How to read this report</h2>\n")
        out.write("<p>Claims count the same thing when category, population (a missing one is everyone) and period agree. Each figure is compared as the interval its wording allows: “nearly 20,000” is [18,000, 20,000], “more than 34,300” is ≥ 34,300, “1.9 million” as written is [1.85M, 1.95M]. Planned or agreed figures are not checked as facts. A figure is stale when it is more than \(options.staleAfterDays) days older than another article’s figure of its series published the same day.</p>\n<ul>\n")
        for rule in CheckRule.all {
            out.write("<li><code>\(rule.name)</code> (\(rule.kind.rawValue)): \(Report.escape(rule.summary))</li>\n")
        }
        out.write("</ul>\n</section>\n</main>\n</body>\n</html>\n")
    }

    /// ``htmlClaimTable(_:to:)`` of the claims at `indices` of `claims`, written as bytes.
    static func htmlClaimTable(_ claims: [Claim], _ indices: [Int], to out: ReportSink) {
        out.write("<table class=\"claims\"><thead><tr><th>article</th><th>published</th><th>outlet</th><th>as written</th><th>qualifier</th><th>bounds</th><th>period</th><th>attributed to</th><th>sentence</th></tr></thead><tbody>\n")
        for i in indices {
            out.append { b in htmlClaimRow(claims[i], to: &b) }
        }
        out.write("</tbody></table>\n")
    }

    /// A row of ``htmlClaimTable(_:_:to:)``; the claim is read in place (copying it would count
    /// a reference for each of its strings, for every claim a finding cites).
    private static func htmlClaimRow(_ c: borrowing Claim, to b: inout [UInt8]) {
        ReportBytes.append("<tr><td>", to: &b); ReportBytes.append(html: c.article, to: &b)
        ReportBytes.append("</td><td>", to: &b)
        if let day = c.published { ReportBytes.append(day: day, to: &b) } else { b.append(contentsOf: ReportBytes.dash) }
        ReportBytes.append("</td><td>", to: &b); ReportBytes.append(html: c.outlet ?? "—", to: &b)
        ReportBytes.append("</td><td class=\"figure\">", to: &b); ReportBytes.append(html: c.text, to: &b)
        ReportBytes.append("</td><td>", to: &b); ReportBytes.append(c.qualifier.rawValue, to: &b)
        ReportBytes.append("</td><td>", to: &b)
        ReportBytes.append(interval: FigureInterval(low: max(0, c.low ?? 0), high: c.high ?? .infinity), to: &b)
        ReportBytes.append("</td><td>", to: &b); ReportBytes.append(html: c.refersTo ?? "—", to: &b)
        ReportBytes.append("</td><td>", to: &b); ReportBytes.append(html: c.attributedTo ?? "—", to: &b)
        ReportBytes.append("</td><td class=\"sentence\">", to: &b)
        ReportBytes.append(marked: c, open: "<mark>", close: "</mark>", .html, to: &b)
        ReportBytes.append("<br><small>bytes ", to: &b); ReportBytes.append(int: c.start, to: &b)
        ReportBytes.append("–", to: &b); ReportBytes.append(int: c.end, to: &b)
        ReportBytes.append("</small></td></tr>\n", to: &b)
    }

    static func htmlClaimTable(_ claims: [Claim], to out: ReportSink) {
        out.write("<table class=\"claims\"><thead><tr><th>article</th><th>published</th><th>outlet</th><th>as written</th><th>qualifier</th><th>bounds</th><th>period</th><th>attributed to</th><th>sentence</th></tr></thead><tbody>\n")
        for c in claims {
            let bounds = FigureInterval(low: max(0, c.low ?? 0), high: c.high ?? .infinity)
            out.write("<tr><td>\(escape(c.article))</td><td>\(c.published?.iso ?? "—")</td><td>\(escape(c.outlet ?? "—"))</td><td class=\"figure\">\(escape(c.text))</td><td>\(c.qualifier.rawValue)</td><td>\(escape(bounds.description))</td><td>\(escape(c.refersTo ?? "—"))</td><td>\(escape(c.attributedTo ?? "—"))</td><td class=\"sentence\">\(marked(c, open: "<mark>", close: "</mark>", escape: escape))<br><small>bytes \(c.start)–\(c.end)</small></td></tr>\n")
        }
        out.write("</tbody></table>\n")
    }

    /// Escapes text for HTML and SVG.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    static let css = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:0;background:#fafafa}
    header{background:#fff;border-bottom:1px solid #d0d7de;padding:16px 28px}
    h1{margin:0 0 4px;font-size:24px} nav a{color:#0969da;text-decoration:none} main{padding:8px 28px 40px;max-width:1200px}
    .summary{font-weight:600;margin:4px 0 8px}
    h2{border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:32px} h4{margin:0 0 6px}
    .finding{background:#fff;border:1px solid #d0d7de;border-left:6px solid #8c959f;border-radius:6px;padding:12px 16px;margin:12px 0}
    .finding.error{border-left-color:#cf222e} .finding.warning{border-left-color:#bf8700} .finding.info{border-left-color:#0969da}
    .badge{display:inline-block;font-size:12px;font-weight:600;text-transform:uppercase;border-radius:10px;padding:1px 8px;color:#fff;background:#8c959f;vertical-align:middle}
    .badge.error{background:#cf222e} .badge.warning{background:#9a6700} .badge.info{background:#0969da}
    .meta{color:#57606a;font-size:13px;margin:4px 0 8px}
    table{border-collapse:collapse;width:100%;background:#fff;font-size:13px;margin:6px 0}
    th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top} th{background:#f6f8fa}
    td.figure{font-weight:600} td.sentence{min-width:260px} mark{background:#fff1a8;padding:0 1px}
    table.claims td:nth-child(2),table.claims td:nth-child(5),table.claims td:nth-child(6),table.claims td:nth-child(7){white-space:nowrap}
    .finding,section{overflow-x:auto}
    figure.timeline{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px;margin:12px 0}
    figure.timeline svg{width:100%;max-width:900px;height:auto;display:block}
    figcaption{font-size:13px;color:#57606a;margin-top:4px}
    code{font-size:12px;background:#f6f8fa;padding:0 3px;border-radius:3px}
    """
}
