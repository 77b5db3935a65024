extension Report {
    /// The report as one JSON object:
    ///
    /// - `summary`: counts of articles, claims, checks, passed, failed, and findings per severity;
    /// - `findings`: each with `id`, `kind`, `rule`, `reason`, `severity`, `category`,
    ///   `population` (`null` is everyone), `refers_to`, `message`, `check` (its check's id) and
    ///   `claims` (the claims it rests on);
    /// - `checks`: every check that ran, with `id`, `kind`, `rule`, `category`, `population`,
    ///   `refers_to`, `outcome` (`pass` or `fail`), `finding` (id or `null`), `message` and
    ///   `claims` (every claim compared);
    /// - `not_checked`: `{why, claim}` for claims no check looked at;
    /// - `articles`: every input with `article`, `published`, `outlet`, `url`, `claims`, `error`.
    ///
    /// Every claim is written with `id`, `article`, `category`, `population`, `value`,
    /// `qualifier`, `low`, `high`, `unit`, `modality`, `refers_to`, `attributed_to`,
    /// `published`, `outlet`, `start`, `end` (UTF-8 byte offsets, end exclusive), `text`,
    /// `sentence`, `part_of`, `list`, `whole` and `group`.
    public func json() -> String {
        var json = JSONWriter(capacity: 1 << 16)
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
        for severity in Severity.allCases.reversed() { json.key(severity.rawValue); json.number(findings(severity).count) }
        json.endObject()
        json.endObject()

        json.key("findings")
        json.beginArray()
        for finding in findings { write(finding, asFinding: true, to: &json) }
        json.endArray()

        json.key("checks")
        json.beginArray()
        for check in checks { write(check, asFinding: false, to: &json) }
        json.endArray()

        json.key("not_checked")
        json.beginArray()
        for s in skipped {
            json.beginObject()
            json.key("why"); json.string(s.why)
            json.key("claim"); writeClaim(s.claim, to: &json)
            json.endObject()
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
        }
        json.endArray()
        json.endObject()
        json.newline()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// A finding (its reason, severity and the claims it rests on) or a check (its outcome and
    /// every claim compared).
    private func write(_ check: Check, asFinding: Bool, to json: inout JSONWriter) {
        json.beginObject()
        json.key("id"); json.string(asFinding ? findingID(of: check) : id(of: check))
        json.key("kind"); json.string(check.kind.rawValue)
        json.key("rule"); json.string(check.rule.name)
        if asFinding {
            json.key("reason"); json.string(check.reason)
            json.key("severity"); json.string(check.severity?.rawValue)
        }
        json.key("category"); json.string(check.category)
        json.key("place"); json.string(check.place)
        json.key("population"); json.string(check.population)
        json.key("refers_to"); json.string(check.refersTo)
        if !asFinding {
            json.key("outcome"); json.string(check.outcome.rawValue)
            json.key("finding"); json.string(findingID(of: check))
        }
        json.key("message"); json.string(check.message)
        if asFinding { json.key("check"); json.string(id(of: check)) }
        json.key("claims"); writeClaims(asFinding ? check.evidence : check.claims, to: &json)
        json.endObject()
    }

    private func writeClaims(_ claims: [Claim], to json: inout JSONWriter) {
        json.beginArray()
        for claim in claims { writeClaim(claim, to: &json) }
        json.endArray()
    }

    private func writeClaim(_ c: Claim, to json: inout JSONWriter) {
        json.beginObject()
        json.key("id"); json.string(c.id)
        json.key("article"); json.string(c.article)
        json.key("category"); json.string(c.category)
        json.key("place"); json.string(c.place)
        json.key("population"); json.string(c.population)
        json.key("value"); json.number(c.value)
        json.key("qualifier"); json.string(c.qualifier.rawValue)
        json.key("low"); json.number(c.low)
        json.key("high"); json.number(c.high)
        json.key("unit"); json.string(c.unit.rawValue)
        json.key("modality"); json.string(c.modality.rawValue)
        json.key("refers_to"); json.string(c.refersTo)
        json.key("attributed_to"); json.string(c.attributedTo)
        json.key("published"); json.string(c.published?.iso)
        json.key("outlet"); json.string(c.outlet)
        json.key("start"); json.number(c.start)
        json.key("end"); json.number(c.end)
        json.key("text"); json.string(c.text)
        json.key("sentence"); json.string(c.sentence)
        json.key("part_of"); json.string(c.partOf)
        json.key("list"); json.string(c.list)
        json.key("whole"); json.number(c.whole)
        json.key("group"); json.string(groupKeys[c.id])
        json.endObject()
    }
}
