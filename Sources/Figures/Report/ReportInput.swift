import Foundation

/// What a report is made from: the articles read (with their metadata, or the error that kept
/// one from being read) and the claims found in them.
///
/// Built either while extracting (``add(article:claims:)``, ``add(failure:error:)``) or from
/// claims files written earlier, maybe by many machines (``read(claimsFile:)``); the report is
/// the same either way, whatever the order of the inputs.
///
/// A claims file is JSON Lines. A line with `category` and `value` is a claim (as `figures
/// extract` writes it, see ``Claim/init(json:)``); any other line with `article` is an article
/// record, which lets an article with no claims, or one that failed, appear in the report:
///
/// ```json
/// {"article": "004_6e2c5d8c5659a1ae", "published": "2024-10-10", "outlet": null, "claims": 0}
/// {"article": "broken", "error": "cannot read the file"}
/// ```
public struct ReportInput: Sendable {
    /// One input article as the report lists it.
    public struct ArticleEntry: Sendable, Hashable {
        public var id: String
        public var published: Day?
        public var outlet: String?
        public var url: String?
        /// Why the article could not be read or processed; `nil` when it was.
        public var error: String?

        public init(id: String, published: Day? = nil, outlet: String? = nil, url: String? = nil, error: String? = nil) {
            self.id = id
            self.published = published
            self.outlet = outlet
            self.url = url
            self.error = error
        }
    }

    /// The articles by id.
    public private(set) var articles: [String: ArticleEntry] = [:]
    /// The claims, in the order added.
    public private(set) var claims: [Claim] = []

    public init() {}

    /// Builds an input from claims alone (their articles are listed from the claims).
    public init(claims: [Claim]) {
        for claim in claims { add(claim) }
    }

    /// Adds an article that was read and its claims. Claims without a publication date or
    /// outlet get the article's.
    public mutating func add(article: Article, claims: [Claim]) {
        note(ArticleEntry(id: article.id, published: article.published, outlet: article.outlet, url: article.url))
        for var claim in claims {
            if claim.published == nil { claim.published = article.published }
            if claim.outlet == nil { claim.outlet = article.outlet }
            add(claim)
        }
    }

    /// Adds an input that could not be read or processed.
    public mutating func add(failure id: String, error: String) {
        note(ArticleEntry(id: id, error: error))
    }

    /// Adds one claim (its article is listed too).
    public mutating func add(_ claim: Claim) {
        // The claims of an article usually come together and repeat what is known of it: noting
        // it again would change nothing.
        if let last = lastNoted, last.id == claim.article, last.published == claim.published, last.outlet == claim.outlet {
            claims.append(claim)
            return
        }
        note(ArticleEntry(id: claim.article, published: claim.published, outlet: claim.outlet))
        lastNoted = (claim.article, claim.published, claim.outlet)
        claims.append(claim)
    }

    /// The article a claim was last noted for, with what it said of it.
    private var lastNoted: (id: String, published: Day?, outlet: String?)?

    /// Lists the articles of a manifest, so that those without claims appear too, and fills in
    /// the publication dates and outlets that claims and records lack.
    public mutating func add(manifest: Manifest) {
        for entry in manifest.entries.values {
            note(ArticleEntry(id: entry.id, published: entry.published.flatMap(Day.init(iso:)), outlet: entry.outlet, url: entry.url))
        }
        for i in claims.indices {
            guard let entry = manifest.entries[claims[i].article] else { continue }
            if claims[i].published == nil { claims[i].published = entry.published.flatMap(Day.init(iso:)) }
            if claims[i].outlet == nil { claims[i].outlet = entry.outlet }
        }
    }

    /// Reads a claims file (JSON Lines: claims and article records); `-` is standard input.
    /// Throws an ``InputError`` naming the file and line of the first record that cannot be read.
    public mutating func read(claimsFile path: String) throws {
        let handle: FileHandle
        if path == "-" {
            handle = .standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let h = FileHandle(forReadingAtPath: path) else {
                throw InputError(source: path, message: "cannot open the claims file")
            }
            handle = h
        }
        var parser = ClaimRecordParser()
        var number = 0
        // Room for the file's claims, estimated from its size and its first lines, so that a
        // million claims are not moved as the array grows.
        let size = path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int
        var estimated = false
        try ReportInput.forEachLine(of: handle, firstChunk: { chunk in
            guard !estimated, let size, size > 0 else { return }
            estimated = true
            let lines = chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            guard lines > 0 else { return }
            claims.reserveCapacity(claims.count + Int(Double(size) / Double(chunk.count) * Double(lines) * 1.02) + 16)
        }) { line in
            number += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            // Claims as `figures extract` writes them are read straight from their bytes; any
            // other record, and any error, through Foundation.
            if let claim = parser.claim(line) {
                add(claim)
                return
            }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                throw InputError(source: path, line: number, message: "not a JSON object")
            }
            do {
                try add(record: object)
            } catch let error as ClaimDecodingError {
                throw InputError(source: path, line: number, message: error.message)
            }
        }
    }

    /// Calls `body` with each line of `handle`, without its line break, reading a few megabytes
    /// at a time: a claims file of any size streams through.
    static func forEachLine(of handle: FileHandle, firstChunk: ([UInt8]) -> Void = { _ in },
                            _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var buffer: [UInt8] = []
        var done = false
        var first = true
        while !done {
            let chunk = handle.readData(ofLength: 4 << 20)
            done = chunk.isEmpty
            buffer.append(contentsOf: chunk)
            if first {
                first = false
                firstChunk(buffer)
            }
            let used = try buffer.withUnsafeBufferPointer { all -> Int in
                var start = 0
                while start < all.count {
                    guard let newline = memchr(all.baseAddress! + start, 0x0A, all.count - start) else {
                        // The last line may lack its line break.
                        if done { try body(UnsafeBufferPointer(rebasing: all[start...])); return all.count }
                        return start
                    }
                    let end = all.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    try body(UnsafeBufferPointer(rebasing: all[start..<end]))
                    start = end + 1
                }
                return start
            }
            buffer.removeSubrange(0..<used)
        }
    }

    /// Adds one record of a claims file: a claim, or an article record.
    public mutating func add(record object: [String: Any]) throws {
        if object["category"] != nil || object["value"] != nil {
            add(try Claim(json: object))
            return
        }
        guard let id = object["article"] as? String ?? object["id"] as? String else {
            throw ClaimDecodingError(message: "a record needs 'article' (an article record) or 'category' and 'value' (a claim)")
        }
        var published: Day? = nil
        if let p = object["published"] as? String {
            guard let day = Day(iso: String(p.prefix(10))) else { throw ClaimDecodingError(message: "'published' is not YYYY-MM-DD: \(p)") }
            published = day
        }
        note(ArticleEntry(id: id, published: published, outlet: object["outlet"] as? String, url: object["url"] as? String,
                          error: object["error"] as? String))
    }

    /// Writes an article record for a claims file (see the type's documentation).
    public static func writeRecord(_ entry: ArticleEntry, claims: Int, to json: inout JSONWriter) {
        json.beginObject()
        json.key("article"); json.string(entry.id)
        json.key("published"); json.string(entry.published?.iso)
        json.key("outlet"); json.string(entry.outlet)
        json.key("url"); json.string(entry.url)
        if let error = entry.error {
            json.key("error"); json.string(error)
        } else {
            json.key("claims"); json.number(claims)
        }
        json.endObject()
        json.newline()
    }

    /// Merges what is known of an article: an error sticks, metadata fills in gaps.
    private mutating func note(_ entry: ArticleEntry) {
        guard let index = articles.index(forKey: entry.id) else {
            articles[entry.id] = entry
            return
        }
        let known = articles.values[index]
        // Most claims of an article repeat what is known of it: nothing to write.
        guard known.published == nil && entry.published != nil || known.outlet == nil && entry.outlet != nil
              || known.url == nil && entry.url != nil || known.error == nil && entry.error != nil else { return }
        articles.values[index].published = known.published ?? entry.published
        articles.values[index].outlet = known.outlet ?? entry.outlet
        articles.values[index].url = known.url ?? entry.url
        articles.values[index].error = known.error ?? entry.error
    }
}
