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

    /// Adds claims `range` of `list`, as ``add(_:)`` would one by one, moving them out of `list`
    /// (which is left holding empty claims): a claim is not copied, so its strings are not
    /// retained here and released with `list`. The claims after one that say the same of its
    /// article are appended without noting it again.
    private mutating func add(moving list: inout [Claim], _ range: Range<Int>) {
        let empty = Claim(article: "", category: "", value: 0, qualifier: .exact, low: nil, high: nil, unit: .people, population: nil,
                          modality: .reported, refersTo: nil, attributedTo: nil, start: 0, end: 0, text: "", sentence: "", rule: "")
        func take(_ j: Int) -> Claim {
            var claim = empty
            swap(&claim, &list[j])
            return claim
        }
        var k = range.lowerBound
        while k < range.upperBound {
            let article = list[k].article, published = list[k].published, outlet = list[k].outlet
            add(take(k))
            var end = k + 1
            while end < range.upperBound, list[end].article == article, list[end].published == published, list[end].outlet == outlet {
                claims.append(take(end))
                end += 1
            }
            k = end
        }
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
        // Two parsers, one for each half of a chunk: on two cores the halves are read at the
        // same time, and their claims added in the order of the file.
        var firstParser = ClaimRecordParser(), secondParser = ClaimRecordParser()
        var number = 0
        // Room for the file's claims, estimated from its size and its first lines, so that a
        // million claims are not moved as the array grows.
        let size = path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int
        var estimated = false
        try ReportInput.forEachChunk(of: handle, source: path) { chunk in
            if !estimated, let size, size > 0 {
                estimated = true
                let lines = chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                if lines > 0 { claims.reserveCapacity(claims.count + Int(Double(size) / Double(chunk.count) * Double(lines) * 1.02) + 16) }
            }
            // Split after the line break nearest the middle, when the chunk is worth splitting
            // and a second core may parse half.
            var middle = chunk.count
            if chunk.count >= ReportInput.splitAt, mayUseSeveralCores, let newline = memchr(chunk.baseAddress! + chunk.count / 2, 0x0A, chunk.count - chunk.count / 2) {
                middle = chunk.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            }
            var first = ParsedLines(), second = ParsedLines()
            if middle < chunk.count {
                concurrently({ first = ParsedLines(chunk, 0..<middle, &firstParser) },
                             { second = ParsedLines(chunk, middle..<chunk.count, &secondParser) })
            } else {
                first = ParsedLines(chunk, 0..<chunk.count, &firstParser)
            }
            // The pieces' claims are moved out of them (each piece is held once, so in place).
            var pieces = [first, second]
            first = ParsedLines()
            second = ParsedLines()
            for n in pieces.indices {
                let others = pieces[n].others, count = pieces[n].claims.count
                var next = 0
                for other in others {
                    add(moving: &pieces[n].claims, next..<other.before)
                    next = other.before
                    // Any other record, and any error, is read through Foundation.
                    let line = UnsafeBufferPointer(rebasing: chunk[other.line])
                    let at = number + other.number
                    guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                        throw InputError(source: path, line: at, message: "not a JSON object")
                    }
                    do {
                        try add(record: object)
                    } catch let error as ClaimDecodingError {
                        throw InputError(source: path, line: at, message: error.message)
                    }
                }
                add(moving: &pieces[n].claims, next..<count)
                number += pieces[n].lines
            }
        }
    }

    /// Chunks of at least this many bytes are read in two halves at the same time.
    static let splitAt = 1 << 16

    /// The lines of a piece of a claims file: the claims read straight from their bytes, and the
    /// other lines (not blank) for the slow path, in order.
    private struct ParsedLines {
        var claims: [Claim] = []
        /// For each other line: how many claims come before it, its bytes in the chunk, and its
        /// number in the piece (from 1).
        var others: [(before: Int, line: Range<Int>, number: Int)] = []
        /// How many lines the piece has.
        var lines = 0

        init() {}

        init(_ chunk: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ parser: inout ClaimRecordParser) {
            var start = range.lowerBound
            while start < range.upperBound {
                var end = range.upperBound
                if let newline = memchr(chunk.baseAddress! + start, 0x0A, range.upperBound - start) {
                    end = chunk.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                }
                lines += 1
                let bytes = start..<end
                let line = UnsafeBufferPointer(rebasing: chunk[bytes])
                start = end + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                // Claims as `figures extract` writes them are read straight from their bytes.
                if let claim = parser.claim(line) {
                    claims.append(claim)
                } else {
                    others.append((claims.count, bytes, lines))
                }
            }
        }
    }

    /// Calls `body` with the lines of `handle` a few megabytes at a time, each time with whole
    /// lines (the last line of the file may lack its line break): a claims file of any size
    /// streams through. The bytes are read straight into one buffer, which grows only for a
    /// line longer than it.
    static func forEachChunk(of handle: FileHandle, source: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let descriptor = handle.fileDescriptor
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 8 << 20)
        defer { buffer.deallocate() }
        var filled = 0
        var done = false
        while !done {
            while filled < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw InputError(source: source, message: "cannot read: \(String(cString: strerror(errno)))")
                }
                if count == 0 {
                    done = true
                    break
                }
                filled += count
            }
            // Up to the last line break (all of it at the end).
            var end = filled
            if !done {
                while end > 0, buffer[end - 1] != 0x0A { end -= 1 }
                guard end > 0 else {
                    // One line fills the buffer: room for more of it.
                    let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
                    _ = larger.initialize(from: buffer)
                    buffer.deallocate()
                    buffer = larger
                    continue
                }
            }
            guard end > 0 else { continue }
            try body(UnsafeBufferPointer(rebasing: buffer[0..<end]))
            // The rest of the last line goes to the front.
            if end < filled { memmove(buffer.baseAddress!, buffer.baseAddress! + end, filled - end) }
            filled -= end
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
