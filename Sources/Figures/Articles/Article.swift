/// A news article: its id, its text as the bytes of the file, and what is known of its
/// publication.
///
/// Offsets everywhere in Figures are UTF-8 byte offsets into ``bytes``: the file exactly as read,
/// never re-encoded, so that a claim's `start`/`end` point into the original file.
public struct Article: Sendable {
    /// Where the publication date came from.
    public enum DateBasis: String, Sendable, Codable {
        case manifest, header, dateline, input
    }

    /// The file name without its extension, or the `id` of a JSON Lines record.
    public let id: String
    /// The text, as UTF-8 bytes.
    public let bytes: [UInt8]
    /// The day the article was published, when known.
    public var published: Day?
    /// How ``published`` is known.
    public var publishedBasis: DateBasis?
    /// The outlet, from the manifest.
    public var outlet: String?
    /// The URL, from the manifest.
    public var url: String?
    /// The file it was read from, if any.
    public var path: String?

    public init(id: String, bytes: [UInt8], published: Day? = nil, outlet: String? = nil, url: String? = nil, path: String? = nil) {
        self.id = id
        self.bytes = bytes
        self.published = published
        self.publishedBasis = published == nil ? nil : .input
        self.outlet = outlet
        self.url = url
        self.path = path
    }

    public init(id: String, text: String, published: Day? = nil) {
        self.init(id: id, bytes: Array(text.utf8), published: published)
    }

    /// The text decoded for display (invalid UTF-8 becomes U+FFFD; offsets stay on ``bytes``).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes in `range`, decoded.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }
}
