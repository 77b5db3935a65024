import Foundation

/// Publication metadata for a set of articles, in the format of `seeds/manifest.json`:
/// `{"articles": [{"id", "file", "published", "outlet", "url"}, …]}`.
public struct Manifest: Sendable {
    /// One article's metadata.
    public struct Entry: Sendable, Decodable {
        public let id: String
        public let file: String?
        public let published: String?
        public let outlet: String?
        public let url: String?
    }

    public let entries: [String: Entry]

    public init(entries: [Entry]) {
        self.entries = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads a manifest file; the error names the file.
    public static func read(_ path: String) throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(source: path, message: "cannot read the manifest")
        }
        struct File: Decodable { let articles: [Entry] }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            for entry in file.articles {
                if let p = entry.published, Day(iso: p) == nil {
                    throw InputError(source: path, message: "article '\(entry.id)': 'published' is not a YYYY-MM-DD date: \(p)")
                }
            }
            return Manifest(entries: file.articles)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(source: path, message: "not a manifest (expected {\"articles\": [{\"id\", \"published\", …}]}): \(error)")
        }
    }

    /// Applies the manifest's metadata to an article with the same id.
    public func apply(to article: inout Article) {
        guard let entry = entries[article.id] else { return }
        if let p = entry.published, let day = Day(iso: p) {
            article.published = day
            article.publishedBasis = .manifest
        }
        article.outlet = entry.outlet ?? article.outlet
        article.url = entry.url ?? article.url
    }
}

/// Input that cannot be read: a missing file, a bad JSON line. Names the file (and line).
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// The file, or `-` for standard input.
    public let source: String
    /// The line, for JSON Lines input.
    public let line: Int?
    public let message: String

    public init(source: String, line: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(source):\($0): \(message)" } ?? "\(source): \(message)"
    }
}
