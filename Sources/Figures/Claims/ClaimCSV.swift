/// Claims as CSV (RFC 4180): the columns of `figures extract --format csv`.
public enum ClaimCSV {
    public static let columns = ["article", "id", "category", "value", "qualifier", "low", "high", "unit", "population",
                                 "modality", "refers_to", "attributed_to", "start", "end", "text", "sentence", "rule",
                                 "part_of", "list", "whole", "place", "published", "outlet"]

    public static var header: String { columns.joined(separator: ",") }

    public static func row(_ c: Claim) -> String {
        let fields: [String?] = [c.article, c.id, c.category, number(c.value), c.qualifier.rawValue, c.low.map(number), c.high.map(number),
                                 c.unit.rawValue, c.population, c.modality.rawValue, c.refersTo, c.attributedTo, String(c.start),
                                 String(c.end), c.text, c.sentence, c.rule, c.partOf, c.list, c.whole.map(number), c.place, c.published?.iso, c.outlet]
        return fields.map { escape($0 ?? "") }.joined(separator: ",")
    }

    /// Quotes a field when it holds a comma, a quote or a line break.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
