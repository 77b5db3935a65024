import Foundation

/// Reads articles from files, folders and standard input, one at a time, so that a large input
/// streams through in constant memory.
///
/// - Text files: one article per file, id = file name without extension. A folder is read in
///   name order (its `.txt` files; `manifest.json` and other files are skipped).
/// - JSON Lines (`.jsonl`, or any input with `format: .jsonl`): one object per line,
///   `{"id", "text", "published"}`; `published` is optional.
/// - `-` is standard input, read as one text article (id `stdin`) or as JSON Lines.
///
/// Nothing is lost: an input that cannot be read comes out as a ``Record/failure(id:error:)``.
public struct ArticleReader: Sequence {
    /// How input is framed.
    public enum Format: String, Sendable, CaseIterable {
        case text, jsonl
    }

    /// One input: an article or the reason it could not be read.
    public enum Record: Sendable {
        case article(Article)
        case failure(id: String, error: InputError)

        public var id: String {
            switch self {
            case .article(let a): return a.id
            case .failure(let id, _): return id
            }
        }
    }

    let paths: [String]
    let format: Format
    let manifest: Manifest?

    public init(paths: [String], format: Format = .text, manifest: Manifest? = nil) {
        self.paths = paths
        self.format = format
        self.manifest = manifest
    }

    public func makeIterator() -> Iterator { Iterator(reader: self) }

    public struct Iterator: IteratorProtocol {
        let reader: ArticleReader
        private var pending: [String]
        private var lines: LineReader?
        private var linesSource = ""
        private var lineNumber = 0

        init(reader: ArticleReader) {
            self.reader = reader
            self.pending = reader.paths.reversed()
        }

        public mutating func next() -> Record? {
            while true {
                if var current = lines {
                    if let line = current.next() {
                        lines = current
                        lineNumber += 1
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                        return reader.decodeLine(line, source: linesSource, number: lineNumber)
                    }
                    lines = nil
                    continue
                }
                guard let path = pending.popLast() else { return nil }
                if path == "-" {
                    if reader.format == .jsonl {
                        open(LineReader(handle: .standardInput), source: "-")
                        continue
                    }
                    let data = FileHandle.standardInput.readDataToEndOfFile()
                    return reader.finish(Article(id: "stdin", bytes: [UInt8](data), path: "-"))
                }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    return .failure(id: ArticleReader.id(of: path), error: InputError(source: path, message: "no such file or folder"))
                }
                if isDirectory.boolValue {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                    let wanted = names.filter { name in
                        reader.format == .jsonl ? name.hasSuffix(".jsonl") : name.hasSuffix(".txt")
                    }.sorted()
                    pending.append(contentsOf: wanted.map { (path.hasSuffix("/") ? path : path + "/") + $0 }.reversed())
                    continue
                }
                if reader.format == .jsonl || path.hasSuffix(".jsonl") {
                    guard let handle = FileHandle(forReadingAtPath: path) else {
                        return .failure(id: ArticleReader.id(of: path), error: InputError(source: path, message: "cannot open the file"))
                    }
                    open(LineReader(handle: handle), source: path)
                    continue
                }
                guard let data = FileManager.default.contents(atPath: path) else {
                    return .failure(id: ArticleReader.id(of: path), error: InputError(source: path, message: "cannot read the file"))
                }
                return reader.finish(Article(id: ArticleReader.id(of: path), bytes: [UInt8](data), path: path))
            }
        }

        private mutating func open(_ reader: LineReader, source: String) {
            lines = reader
            linesSource = source
            lineNumber = 0
        }
    }

    /// A file's id: its name without directory and extension.
    public static func id(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    func finish(_ article: Article) -> Record {
        var article = article
        manifest?.apply(to: &article)
        return .article(article)
    }

    func decodeLine(_ line: [UInt8], source: String, number: Int) -> Record {
        let fallbackID = "\(ArticleReader.id(of: source)):\(number)"
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line))
        } catch {
            // Foundation's own description says only "the data is not in the correct format";
            // its debug description says where ("Invalid value around character 1.").
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
            return .failure(id: fallbackID, error: InputError(source: source, line: number, message: "not a JSON object: \(detail)"))
        }
        guard let record = object as? [String: Any] else {
            return .failure(id: fallbackID, error: InputError(source: source, line: number, message: "expected a JSON object {\"id\", \"text\", \"published\"}"))
        }
        let id = (record["id"] as? String) ?? (record["id"] as? NSNumber)?.stringValue ?? fallbackID
        guard let text = record["text"] as? String else {
            return .failure(id: id, error: InputError(source: source, line: number, message: "the object has no string field 'text'"))
        }
        var published: Day? = nil
        if let p = record["published"] as? String {
            guard let day = Day(iso: String(p.prefix(10))) else {
                return .failure(id: id, error: InputError(source: source, line: number, message: "'published' is not a YYYY-MM-DD date: \(p)"))
            }
            published = day
        }
        var article = Article(id: id, bytes: Array(text.utf8), published: published, path: source)
        if published == nil { manifest?.apply(to: &article) }
        return .article(article)
    }
}

/// Splits a file handle's bytes into lines, reading a megabyte at a time.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var done = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return line
            }
            if done {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { done = true; continue }
            buffer.removeSubrange(0..<start)
            start = 0
            buffer.append(contentsOf: chunk)
        }
    }
}
