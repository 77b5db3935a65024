extension Mention {
    /// Writes the `figures scan` record of this mention: `article`, `layer`, `text`, `start`,
    /// `end`, `kind`, `value`, `low`, `high`, `rule`.
    public func write(article: String, bytes: UnsafeBufferPointer<UInt8>, to json: inout JSONWriter) {
        json.beginObject()
        json.key(ascii: "article"); json.string(article)
        json.key(ascii: "layer"); json.string(layer.rawValue)
        json.key(ascii: "text"); json.string(bytes: bytes, range)
        json.key(ascii: "start"); json.number(range.lowerBound)
        json.key(ascii: "end"); json.number(range.upperBound)
        json.key(ascii: "kind"); json.string(kind)
        switch value {
        case .quantity(let q):
            json.key(ascii: "value"); json.number(q.value)
            json.key(ascii: "low"); json.number(q.low)
            json.key(ascii: "high"); json.number(q.high)
            json.key(ascii: "qualifier"); json.string(q.qualifier.rawValue)
        case .time(let t):
            json.key(ascii: "value"); json.string(t.iso)
            json.key(ascii: "low"); json.string(t.firstDay?.iso)
            json.key(ascii: "high"); json.string(t.lastDay?.iso)
        }
        json.key(ascii: "rule"); json.string(rule)
        json.endObject()
        json.newline()
    }
}
