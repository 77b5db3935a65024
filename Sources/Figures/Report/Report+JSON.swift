extension Report {
    /// The report as one JSON object:
    ///
    /// - `summary`: counts of articles, claims, checks, passed, failed, and findings per severity;
    /// - `findings`: each with `id`, `kind`, `rule`, `reason`, `severity`, `category`, `place`,
    ///   `population` (`null` is everyone), `population_label`, `refers_to`, `message`, `check`
    ///   (its check's id) and `claims` (the claims it rests on);
    /// - `checks`: every check that ran, with `id`, `kind`, `rule`, `category`, `place`,
    ///   `population`, `population_label`, `refers_to`, `outcome` (`pass` or `fail`), `finding`
    ///   (id or `null`), `message` and `claims` (every claim compared, except that an `undated`
    ///   check lists only the claims that cannot be placed in time; each claim is listed by a
    ///   bounded number of checks, so the report grows linearly with the claims);
    /// - `not_checked`: `{why, claim}` for claims no check looked at;
    /// - `articles`: every input with `article`, `published`, `outlet`, `url`, `claims`, `error`.
    ///
    /// Every claim is written with `id`, `article`, `category`, `population`, `value`,
    /// `qualifier`, `low`, `high`, `unit`, `modality`, `refers_to`, `attributed_to`,
    /// `published`, `outlet`, `start`, `end` (UTF-8 byte offsets, end exclusive), `text`,
    /// `sentence`, `part_of`, `list`, `whole` and `group`.
    ///
    /// A check over several groups (a family of running totals, the named groups against
    /// everyone) has `population` `null` and names its groups in `population_label`.
    func json(to sink: ReportSink) {
        var json = JSONWriter(capacity: ReportSink.chunk + (1 << 16))
        let rendered = RenderedClaims(self)
        json.beginObject()
        json.key("summary")
        json.beginObject()
        json.key("articles"); json.number(articles.count)
        json.key("claims"); json.number(claims.count)
        json.key("checks"); json.number(checks.count)
        json.key("passed"); json.number(checks.count - findings.count)
        json.key("failed"); json.number(findings.count)
        json.key("errors"); json.number(errors.count)
        json.key("findings")
        json.beginObject()
        for severity in Severity.allCases.reversed() { json.key(severity.rawValue); json.number(count(severity)) }
        json.endObject()
        json.endObject()

        // The findings and checks are written as raw bytes, the arrays' every element: the
        // writer's own state stays that of an array it wrote.
        json.key("findings")
        json.beginArray()
        sink.drain(&json)
        sink.items(findings.count, block: 1 << 12) { f, out in
            out.appendHandingOn { b in
                if f > 0 { b.append(UInt8(ascii: ",")) }
                write(findings[f], id: "F\(f + 1)", finding: nil, check: checkID(checkOfFinding[f]), claims: rendered, to: &b, sink: out)
            }
        }
        json.endArray()

        json.key("checks")
        json.beginArray()
        sink.drain(&json)
        sink.items(checks.count, block: 1 << 12) { k, out in
            out.appendHandingOn { b in
                if k > 0 { b.append(UInt8(ascii: ",")) }
                write(checks[k], id: checkID(k), finding: findingID(ofCheck: k), check: nil, claims: rendered, to: &b, sink: out)
            }
        }
        json.endArray()

        json.key("not_checked")
        json.beginArray()
        for s in skipped {
            json.beginObject()
            json.key("why"); json.string(s.why)
            // The claim is the object's last value: written as raw bytes, then closed.
            json.key("claim")
            Report.appendClaim(s.claim, group: group(of: s.claim), to: &json.bytes)
            json.endObject()
            sink.take(&json)
        }
        json.endArray()

        json.key("articles")
        json.beginArray()
        for a in articles {
            json.beginObject()
            json.key("article"); json.string(a.entry.id)
            json.key("published"); json.string(a.entry.published?.iso)
            json.key("outlet"); json.string(a.entry.outlet)
            json.key("url"); json.string(a.entry.url)
            json.key("claims"); json.number(a.claims)
            json.key("error"); json.string(a.entry.error)
            json.endObject()
            sink.take(&json)
        }
        json.endArray()
        json.endObject()
        json.newline()
        sink.finish(&json)
    }

    /// A finding (`check` is its check's id: its reason, severity and the claims it rests on)
    /// or a check (its outcome, `finding` and every claim compared), as one JSON object.
    private func write(_ check: borrowing Check, id: String, finding: String?, check checkID: String?, claims rendered: RenderedClaims,
                       to b: inout [UInt8], sink: ReportSink) {
        let asFinding = checkID != nil
        func field(_ name: String, _ value: String?, first: Bool = false) {
            b.append(contentsOf: (first ? "{\"" : ",\"").utf8)
            b.append(contentsOf: name.utf8)
            b.append(contentsOf: "\":".utf8)
            Report.appendString(value, to: &b)
        }
        field("id", id, first: true)
        field("kind", check.kind.rawValue)
        field("rule", check.rule.name)
        if asFinding {
            field("reason", check.reason)
            field("severity", check.severity?.rawValue)
        }
        field("category", check.category)
        field("place", check.place)
        field("population", check.population)
        field("population_label", check.populationLabel)
        field("refers_to", check.refersTo)
        if !asFinding {
            field("outcome", check.outcome.rawValue)
            field("finding", finding)
        }
        field("message", check.message)
        if let checkID { field("check", checkID) }
        b.append(contentsOf: ",\"claims\":[".utf8)
        let claims = asFinding ? check.evidenceIndices : check.claimIndices
        for n in claims.indices {
            if n > 0 { b.append(UInt8(ascii: ",")) }
            rendered.append(claims[n], to: &b)
            // A check over a large group lists many claims: hand them on as they come.
            if b.count >= ReportSink.chunk { sink.take(&b) }
        }
        b.append(contentsOf: "]}".utf8)
    }

    /// Every claim of the checks' table as JSON, rendered once: a report lists each claim in a
    /// few checks, and copying its bytes is much cheaper than writing it again. The two halves
    /// of the table are rendered at the same time, each into its own bytes.
    private struct RenderedClaims {
        private struct Half {
            var bytes: [UInt8] = []
            var offsets: [Int] = [0]

            func append(_ k: Int, to out: inout [UInt8]) {
                bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[offsets[k]..<offsets[k + 1]])) }
            }
        }
        private var first = Half(), second = Half()
        /// The first claim of the second half.
        private let middle: Int

        init(_ report: Report) {
            let claims = report.table.claims
            middle = claims.count / 2
            func render(_ range: Range<Int>, into half: inout Half) {
                half.offsets.reserveCapacity(range.count + 1)
                // Room for the whole half at once: grown by doubling, its hundreds of megabytes
                // were copied several times, each time into fresh memory.
                half.bytes.reserveCapacity(range.reduce(0) { $0 + Report.estimatedSize(of: claims[$1]) } + report.groupNamesSize(range))
                for i in range {
                    Report.appendClaim(claims[i], group: report.tableGroups[i], to: &half.bytes)
                    half.offsets.append(half.bytes.count)
                }
            }
            let middle = self.middle
            var first = Half(), second = Half()
            concurrently({ render(0..<middle, into: &first) }, { render(middle..<claims.count, into: &second) })
            self.first = first
            self.second = second
        }

        func append(_ i: Int, to out: inout [UInt8]) {
            if i < middle { first.append(i, to: &out) } else { second.append(i - middle, to: &out) }
        }
    }

    /// About the size of a claim's JSON without its group (``appendClaim(_:group:to:)``), from
    /// its strings' sizes: a little more unless many of its characters need escaping.
    static func estimatedSize(of c: Claim) -> Int {
        func size(_ text: String?) -> Int { text?.utf8.count ?? 4 }
        // The keys and punctuation take 235 bytes, the numbers and the id's offset at most 130.
        return 365 + 2 * c.article.utf8.count + c.category.utf8.count + size(c.place) + size(c.population)
            + size(c.refersTo) + size(c.attributedTo) + size(c.outlet) + c.text.utf8.count + c.sentence.utf8.count
            + size(c.partOf) + size(c.list) + 20
    }

    /// Writes a claim as one JSON object (the fields listed in ``json()``) straight into
    /// `bytes`. A report lists each claim in a few checks, and a million claims make gigabytes
    /// of JSON: strings that need no escaping are copied whole, and only the others go through
    /// ``JSONWriter``.
    static func appendClaim(_ c: borrowing Claim, group: String?, to b: inout [UInt8]) {
        b.append(contentsOf: ClaimKeys.id)
        if !appendPlain(c.article, "@", c.start, to: &b) { appendString(c.id, to: &b) }
        b.append(contentsOf: ClaimKeys.article); appendString(c.article, to: &b)
        b.append(contentsOf: ClaimKeys.category); appendString(c.category, to: &b)
        b.append(contentsOf: ClaimKeys.place); appendString(c.place, to: &b)
        b.append(contentsOf: ClaimKeys.population); appendString(c.population, to: &b)
        b.append(contentsOf: ClaimKeys.value); appendNumber(c.value, to: &b)
        b.append(contentsOf: ClaimKeys.qualifier); appendString(c.qualifier.rawValue, to: &b)
        b.append(contentsOf: ClaimKeys.low); appendNumber(c.low, to: &b)
        b.append(contentsOf: ClaimKeys.high); appendNumber(c.high, to: &b)
        b.append(contentsOf: ClaimKeys.unit); appendString(c.unit.rawValue, to: &b)
        b.append(contentsOf: ClaimKeys.modality); appendString(c.modality.rawValue, to: &b)
        b.append(contentsOf: ClaimKeys.refersTo); appendString(c.refersTo, to: &b)
        b.append(contentsOf: ClaimKeys.attributedTo); appendString(c.attributedTo, to: &b)
        b.append(contentsOf: ClaimKeys.published); appendDay(c.published, to: &b)
        b.append(contentsOf: ClaimKeys.outlet); appendString(c.outlet, to: &b)
        b.append(contentsOf: ClaimKeys.start); ReportBytes.append(int: c.start, to: &b)
        b.append(contentsOf: ClaimKeys.end); ReportBytes.append(int: c.end, to: &b)
        b.append(contentsOf: ClaimKeys.text); appendString(c.text, to: &b)
        b.append(contentsOf: ClaimKeys.sentence); appendString(c.sentence, to: &b)
        b.append(contentsOf: ClaimKeys.partOf); appendString(c.partOf, to: &b)
        b.append(contentsOf: ClaimKeys.list); appendString(c.list, to: &b)
        b.append(contentsOf: ClaimKeys.whole); appendNumber(c.whole, to: &b)
        b.append(contentsOf: ClaimKeys.group); appendString(group, to: &b)
        b.append(UInt8(ascii: "}"))
    }

    /// The keys of a claim object with their punctuation, made once.
    private enum ClaimKeys {
        static let id = Array(#"{"id":"#.utf8), article = key("article"), category = key("category"), place = key("place"),
                   population = key("population"), value = key("value"), qualifier = key("qualifier"), low = key("low"),
                   high = key("high"), unit = key("unit"), modality = key("modality"), refersTo = key("refers_to"),
                   attributedTo = key("attributed_to"), published = key("published"), outlet = key("outlet"), start = key("start"),
                   end = key("end"), text = key("text"), sentence = key("sentence"), partOf = key("part_of"), list = key("list"),
                   whole = key("whole"), group = key("group")
        static func key(_ name: String) -> [UInt8] { Array(",\"\(name)\":".utf8) }
    }

    /// Appends `text` as a JSON string, or `null`.
    static func appendString(_ text: String?, to b: inout [UInt8]) {
        guard let text else { return b.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
        if appendPlain(text, nil, nil, to: &b) { return }
        var json = JSONWriter(capacity: text.utf8.count + 16)
        json.string(text)
        b.append(contentsOf: json.bytes)
    }

    /// Appends `"text<separator><number>"` when `text` needs no escaping (no quote, backslash
    /// or control character); `false`, writing nothing, when it does.
    private static func appendPlain(_ text: String, _ separator: Character?, _ number: Int?, to b: inout [UInt8]) -> Bool {
        return ReportBytes.utf8(text) { utf8 in
            guard !ReportBytes.needsJSONEscape(utf8) else { return false }
            b.append(0x22)
            b.append(contentsOf: utf8)
            if let separator, let number {
                b.append(contentsOf: separator.utf8)
                ReportBytes.append(int: number, to: &b)
            }
            b.append(0x22)
            return true
        }
    }

    /// Appends a number as ``JSONWriter`` writes it (an integer when it is one), or `null`.
    private static func appendNumber(_ value: Double?, to b: inout [UInt8]) {
        guard let value, value.isFinite else { return b.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
        if value == value.rounded(), abs(value) < 1e15 {
            ReportBytes.append(int: Int(value), to: &b)
        } else {
            b.append(contentsOf: String(value).utf8)
        }
    }

    /// Appends a day as `"YYYY-MM-DD"`, or `null`.
    private static func appendDay(_ day: Day?, to b: inout [UInt8]) {
        guard let day else { return b.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
        guard (0...9999).contains(day.year) else { return appendString(day.iso, to: &b) }
        func digits(_ n: Int, _ width: Int) {
            var divisor = width == 4 ? 1000 : 10
            while divisor > 0 {
                b.append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
                divisor /= 10
            }
        }
        b.append(0x22)
        digits(day.year, 4)
        b.append(UInt8(ascii: "-"))
        digits(day.month, 2)
        b.append(UInt8(ascii: "-"))
        digits(day.day, 2)
        b.append(0x22)
    }
}
