import Foundation

extension Report {
    /// The columns of ``csv()``.
    public static let csvHeader = ["id", "article", "published", "outlet", "category", "population", "value", "qualifier", "low", "high",
                                   "unit", "modality", "refers_to", "attributed_to", "start", "end", "text", "group", "checks",
                                   "findings", "not_checked", "sentence"]

    /// The report as CSV (RFC 4180): one row per claim, with the key of the group it counts in,
    /// the ids of the checks that compared it and of the findings that rest on it (separated by
    /// spaces), and why it was not checked, if it was not.
    public func csv() -> String {
        var checksOf: [String: [String]] = [:]
        var findingsOf: [String: [String]] = [:]
        for check in checks {
            for claim in check.claims { checksOf[claim.id + "|" + claim.category, default: []].append(id(of: check)) }
        }
        for finding in findings {
            for claim in finding.evidence { findingsOf[claim.id + "|" + claim.category, default: []].append(findingID(of: finding)!) }
        }
        var why: [String: String] = [:]
        for s in skipped { why[s.claim.id + "|" + s.claim.category] = s.why }
        var lines = [Report.csvHeader.joined(separator: ",")]
        for c in claims {
            let key = c.id + "|" + c.category
            let fields: [String] = [
                c.id, c.article, c.published?.iso ?? "", c.outlet ?? "", c.category, c.population ?? "",
                Report.number(c.value), c.qualifier.rawValue, c.low.map(Report.number) ?? "", c.high.map(Report.number) ?? "",
                c.unit.rawValue, c.modality.rawValue, c.refersTo ?? "", c.attributedTo ?? "", String(c.start), String(c.end),
                c.text, groupKeys[c.id] ?? "", (checksOf[key] ?? []).joined(separator: " "), (findingsOf[key] ?? []).joined(separator: " "),
                why[key] ?? "", c.sentence,
            ]
            lines.append(fields.map(Report.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
