import Foundation

extension Report {
    /// The columns of ``csv()``.
    public static let csvHeader = ["id", "article", "published", "outlet", "category", "population", "value", "qualifier", "low", "high",
                                   "unit", "modality", "refers_to", "attributed_to", "start", "end", "text", "group", "checks",
                                   "findings", "not_checked", "sentence"]

    /// The report as CSV (RFC 4180): one row per claim, with the key of the group it counts in,
    /// the ids of the checks that compared it and of the findings that rest on it (separated by
    /// spaces), and why it was not checked, if it was not.
    ///
    /// Written as bytes, a row at a time: a million rows of 22 fields.
    func csv(to out: ReportSink) {
        // The checks and findings of each claim, by its position in the checks' table, as one
        // list per kind with each claim's run in it (in the order of the checks and findings).
        // (The two lists are made at the same time.)
        var checksOfClaim = IndexRuns(), findingsOfClaim = IndexRuns()
        concurrently({ checksOfClaim = IndexRuns(count: table.claims.count, checks, evidence: false) },
                     { findingsOfClaim = IndexRuns(count: table.claims.count, findings, evidence: true) })
        struct SkipKey: Hashable { let article: String, start: Int, category: String }
        var why: [SkipKey: String] = [:]
        for s in skipped { why[SkipKey(article: s.claim.article, start: s.claim.start, category: s.claim.category)] = s.why }
        out.write(Report.csvHeader.joined(separator: ",") + "\r\n")
        claims.withUnsafeBufferPointer { claims in
            out.items(claims.count, block: 1 << 14) { n, out in
                let position = Int(claimPositions[n])
                out.append { b in
                    // Each field is read in place: a copy of the claim would retain its every string.
                    let c = claims.baseAddress! + n
                    func comma() { b.append(UInt8(ascii: ",")) }
                    func field(_ text: String?) {
                        if let text { ReportBytes.append(csvField: text, to: &b) }
                        comma()
                    }
                    Report.appendCSVID(c.pointee.article, c.pointee.start, to: &b); comma()
                    field(c.pointee.article)
                    if let day = c.pointee.published { ReportBytes.append(day: day, to: &b) }
                    comma()
                    field(c.pointee.outlet)
                    field(c.pointee.category)
                    field(c.pointee.population)
                    ReportBytes.append(number: c.pointee.value, to: &b); comma()
                    field(c.pointee.qualifier.rawValue)
                    if let low = c.pointee.low { ReportBytes.append(number: low, to: &b) }
                    comma()
                    if let high = c.pointee.high { ReportBytes.append(number: high, to: &b) }
                    comma()
                    field(c.pointee.unit.rawValue)
                    field(c.pointee.modality.rawValue)
                    field(c.pointee.refersTo)
                    field(c.pointee.attributedTo)
                    ReportBytes.append(int: c.pointee.start, to: &b); comma()
                    ReportBytes.append(int: c.pointee.end, to: &b); comma()
                    field(c.pointee.text)
                    if position >= 0 {
                        field(tableGroups[position])
                        var first = true
                        for k in checksOfClaim[position] {
                            if !first { b.append(UInt8(ascii: " ")) }
                            first = false
                            b.append(UInt8(ascii: "C"))
                            ReportBytes.append(int: k + 1, to: &b)
                        }
                        comma()
                        first = true
                        for f in findingsOfClaim[position] {
                            if !first { b.append(UInt8(ascii: " ")) }
                            first = false
                            b.append(UInt8(ascii: "F"))
                            ReportBytes.append(int: f + 1, to: &b)
                        }
                        comma()
                    } else {
                        comma(); comma(); comma()
                    }
                    if !why.isEmpty { field(why[SkipKey(article: c.pointee.article, start: c.pointee.start, category: c.pointee.category)]) } else { comma() }
                    ReportBytes.append(csvField: c.pointee.sentence, to: &b)
                    b.append(0x0D)
                    b.append(0x0A)
                }
            }
        }
    }

    /// A claim's id (`article@start`) as a CSV field.
    private static func appendCSVID(_ article: String, _ start: Int, to b: inout [UInt8]) {
        let plain = ReportBytes.utf8(article) { utf8 -> Bool in
            for byte in utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return false }
            b.append(contentsOf: utf8)
            return true
        }
        if plain {
            b.append(UInt8(ascii: "@"))
            ReportBytes.append(int: start, to: &b)
        } else {
            ReportBytes.append(csvField: "\(article)@\(start)", to: &b)
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

/// For each of `count` positions, the numbers of the lists that hold it, in order: what an array
/// of arrays would hold, in two flat arrays.
struct IndexRuns {
    private var starts: [Int32] = [0]
    private var items: [Int32] = []

    /// No positions.
    init() {}

    /// For each position, the checks among `checks` that compared it (or whose failure rests on
    /// it, for the `evidence`), each check read in place (not copied).
    init(count: Int, _ checks: [Check], evidence: Bool) {
        var starts = [Int32](repeating: 0, count: count + 1)
        var items: [Int32] = []
        checks.withUnsafeBufferPointer { checks in
            func list(_ k: Int) -> [Int] { evidence ? checks[k].evidenceIndices : checks[k].claimIndices }
            for k in checks.indices { for i in list(k) { starts[i + 1] += 1 } }
            for i in 0..<count { starts[i + 1] += starts[i] }
            var next = starts
            items = [Int32](repeating: 0, count: Int(starts[count]))
            for k in checks.indices {
                for i in list(k) {
                    items[Int(next[i])] = Int32(k)
                    next[i] += 1
                }
            }
        }
        self.starts = starts
        self.items = items
    }

    subscript(_ position: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> {
        items[Int(starts[position])..<Int(starts[position + 1])].lazy.map { Int($0) }
    }
}
