import Foundation

extension Report {
    /// The columns of ``csv()``.
    public static let csvHeader = ["id", "article", "published", "outlet", "category", "population", "value", "qualifier", "low", "high",
                                   "unit", "modality", "refers_to", "attributed_to", "start", "end", "text", "group", "checks",
                                   "findings", "not_checked", "sentence"]

    /// The report as CSV (RFC 4180): one row per claim, with the key of the group it counts in,
    /// the ids of the checks that compared it and of the findings that rest on it (separated by
    /// spaces), and why it was not checked, if it was not.
    func csv(to out: ReportSink) {
        // The checks and findings of each claim, by its position in the checks' table.
        var checksOfClaim = [[Int]](repeating: [], count: table.claims.count)
        var findingsOfClaim = [[Int]](repeating: [], count: table.claims.count)
        for (k, check) in checks.enumerated() { for i in check.claimIndices { checksOfClaim[i].append(k) } }
        for (f, finding) in findings.enumerated() { for i in finding.evidenceIndices { findingsOfClaim[i].append(f) } }
        var why: [String: String] = [:]
        for s in skipped { why[s.claim.id + "|" + s.claim.category] = s.why }
        out.write(Report.csvHeader.joined(separator: ",") + "\r\n")
        for c in claims {
            let key = c.id + "|" + c.category
            let position = table.position(of: c)
            let fields: [String] = [
                c.id, c.article, c.published?.iso ?? "", c.outlet ?? "", c.category, c.population ?? "",
                Report.number(c.value), c.qualifier.rawValue, c.low.map(Report.number) ?? "", c.high.map(Report.number) ?? "",
                c.unit.rawValue, c.modality.rawValue, c.refersTo ?? "", c.attributedTo ?? "", String(c.start), String(c.end),
                c.text, position.map { tableGroups[$0] } ?? "", (position.map { checksOfClaim[$0] } ?? []).map(checkID).joined(separator: " "),
                (position.map { findingsOfClaim[$0] } ?? []).map { "F\($0 + 1)" }.joined(separator: " "),
                why[key] ?? "", c.sentence,
            ]
            out.write(fields.map(Report.csvField).joined(separator: ",") + "\r\n")
        }
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
