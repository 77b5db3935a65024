import Foundation

extension NewsCorpus {
    /// Writes a corpus of at least `size` bytes of article text to `path`, streaming (memory does
    /// not grow with the size), and returns what it wrote.
    ///
    /// - ``Format/text``: `path` is a folder (created if missing) that receives `<id>.txt` per
    ///   article, `manifest.json` (as `seeds/manifest.json`) and `gold.json` (as
    ///   `seeds.gold.json`, with byte offsets). Stale `.txt` files of an earlier corpus in the
    ///   folder are removed first, so that a folder always holds exactly one corpus.
    /// - ``Format/jsonl``: `path` is the JSON Lines file; the gold claims go beside it in
    ///   `<path without .jsonl>.gold.json`.
    ///
    /// The gold file can be scored with `shared/acceptance/score.py GOLD TEXTS CLAIMS` (for the
    /// text format, TEXTS is the folder itself).
    @discardableResult
    public func write(size: Int, format: Format, to path: String) throws -> Summary {
        let files = FileManager.default
        var summary = Summary()
        let goldPath: String
        var corpus: ChunkedFile? = nil
        var manifest: ChunkedFile? = nil
        switch format {
        case .text:
            try files.createDirectory(atPath: path, withIntermediateDirectories: true)
            for name in try files.contentsOfDirectory(atPath: path) where name.hasSuffix(".txt") {
                try files.removeItem(atPath: path + "/" + name)
            }
            goldPath = path + "/gold.json"
            manifest = try ChunkedFile(path + "/manifest.json")
            manifest!.write(#"{"about": "Synthetic articles written by figures corpus (seed \#(seed), \#(density.rawValue)). Every figure is invented.", "articles": ["#)
        case .jsonl:
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty { try files.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            goldPath = (path.hasSuffix(".jsonl") ? String(path.dropLast(6)) : path) + ".gold.json"
            corpus = try ChunkedFile(path)
        }
        var gold = try ChunkedFile(goldPath)
        gold.write(#"{"about": "Gold claims of a synthetic corpus written by figures corpus (seed \#(seed), \#(density.rawValue)), in the format of seeds.gold.json; start and end are UTF-8 byte offsets of the span.", "articles": {"#)

        for article in articles(size: size) {
            let first = summary.articles == 0
            summary.add(article)
            switch format {
            case .text:
                let file = "\(article.id).txt"
                guard files.createFile(atPath: path + "/" + file, contents: Data(article.text.utf8)) else {
                    throw InputError(source: path + "/" + file, message: "cannot write the file")
                }
                var json = JSONWriter(capacity: 256)
                json.beginObject()
                json.key("id"); json.string(article.id)
                json.key("file"); json.string(file)
                json.key("published"); json.string(article.published.iso)
                json.key("outlet"); json.string(article.outlet)
                json.key("url"); json.string(nil)
                json.endObject()
                manifest!.write(first ? "\n  " : ",\n  ")
                manifest!.write(json.bytes)
            case .jsonl:
                var json = JSONWriter(capacity: article.text.utf8.count + 128)
                json.beginObject()
                json.key("id"); json.string(article.id)
                json.key("text"); json.string(article.text)
                json.key("published"); json.string(article.published.iso)
                json.endObject()
                json.newline()
                corpus!.write(json.bytes)
            }
            gold.write(first ? "\n  " : ",\n  ")
            gold.write(Self.goldJSON(article))
        }
        gold.write(summary.articles == 0 ? "}}\n" : "\n}}\n")
        try gold.close()
        summary.files = [goldPath]
        if var manifest {
            manifest.write(summary.articles == 0 ? "]}\n" : "\n]}\n")
            try manifest.close()
            summary.files.insert(path + "/manifest.json", at: 0)
        }
        if var corpus {
            try corpus.close()
            summary.files.insert(path, at: 0)
        }
        return summary
    }

    /// `"<id>": [claim, …]` with one claim per line.
    static func goldJSON(_ article: Article) -> [UInt8] {
        var out = Array("\"\(article.id)\": [".utf8)
        for (n, claim) in article.claims.enumerated() {
            out.append(contentsOf: (n == 0 ? "\n    " : ",\n    ").utf8)
            var json = JSONWriter(capacity: 256)
            json.beginObject()
            json.key("span"); json.string(claim.span)
            json.key("value"); json.number(claim.value)
            json.key("qualifier"); json.string(claim.qualifier.rawValue)
            json.key("category"); json.string(claim.category)
            json.key("population"); json.string(claim.population)
            json.key("refers_to"); json.string(claim.refersTo)
            if let attributed = claim.attributedTo { json.key("attributed_to"); json.string(attributed) }
            if claim.unit != .people { json.key("unit"); json.string(claim.unit.rawValue) }
            if claim.modality != .reported { json.key("modality"); json.string(claim.modality.rawValue) }
            if claim.optional { json.key("optional"); json.bool(true) }
            if let whole = claim.partOf { json.key("part_of"); json.string(whole) }
            json.key("start"); json.number(claim.start)
            json.key("end"); json.number(claim.end)
            json.endObject()
            out.append(contentsOf: json.bytes)
        }
        out.append(contentsOf: (article.claims.isEmpty ? "]" : "\n  ]").utf8)
        return out
    }
}

/// A file written through a one-megabyte buffer.
struct ChunkedFile {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []

    init(_ path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw InputError(source: path, message: "cannot create the file")
        }
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(1 << 20)
    }

    mutating func write(_ string: String) { write(Array(string.utf8)) }

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    private mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        flush()
        do { try handle.close() } catch { throw InputError(source: path, message: "cannot write the file: \(error)") }
    }
}
