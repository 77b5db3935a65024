extension Mention {
    /// Writes the `figures scan` record of this mention: `article`, `layer`, `text`, `start`,
    /// `end`, `kind`, `value`, `low`, `high`, `rule`.
    public func write(article: String, bytes: UnsafeBufferPointer<UInt8>, to json: inout JSONWriter) {
        json.beginObject()
        json.key("article"); json.string(article)
        json.key("layer"); json.string(layer.rawValue)
        json.key("text"); json.string(bytes: bytes, range)
        json.key("start"); json.number(range.lowerBound)
        json.key("end"); json.number(range.upperBound)
        json.key("kind"); json.string(kind)
        switch value {
        case .quantity(let q):
            json.key("value"); json.number(q.value)
            json.key("low"); json.number(q.low)
            json.key("high"); json.number(q.high)
            json.key("qualifier"); json.string(q.qualifier.rawValue)
        case .time(let t):
            json.key("value"); json.string(t.iso)
            json.key("low"); json.string(t.firstDay?.iso)
            json.key("high"); json.string(t.lastDay?.iso)
        }
        json.key("rule"); json.string(rule)
        json.endObject()
        json.newline()
    }
}
