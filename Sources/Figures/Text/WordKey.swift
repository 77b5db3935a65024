/// A word or short phrase as a hashable key built from UTF-8 bytes without allocating: ASCII
/// letters are lowercased, runs of whitespace and hyphens become one space, and typographic
/// apostrophes (’) become '. Phrases up to 32 normalized bytes are keys; longer ones never match.
///
/// Lexicon tables are keyed by `WordKey` so that the hot path can look up "More  than" straight
/// from the article's bytes.
struct WordKey: Hashable, Sendable {
    private var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0
    private(set) var count: Int = 0
    private(set) var overflow = false

    init() {}

    init(_ string: String) {
        var key = WordKey()
        var bytes = Array(string.utf8)
        bytes.withUnsafeMutableBufferPointer { key = WordKey(bytes: UnsafeBufferPointer($0), range: 0..<$0.count) }
        self = key
    }

    init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        var i = range.lowerBound
        var pendingSpace = false
        while i < range.upperBound {
            var byte = bytes[i]
            // ’ (E2 80 99) and ‘ (E2 80 98) become an ASCII apostrophe.
            if byte == 0xE2, i + 2 < range.upperBound, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98 {
                byte = UInt8(ascii: "'")
                i += 2
            } else if byte == 0xE2, i + 2 < range.upperBound, bytes[i + 1] == 0x80, (0x90...0x94).contains(bytes[i + 2]) {
                // Unicode hyphens and dashes separate words like a space.
                pendingSpace = count > 0
                i += 3
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "-") {
                pendingSpace = count > 0
                i += 1
                continue
            }
            if pendingSpace { append(0x20); pendingSpace = false }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            append(byte)
            i += 1
        }
    }

    /// A 12-bit digest of the key, for ``WordTable``'s filter: one multiply, no hashing.
    @inline(__always) var digest: Int {
        Int(truncatingIfNeeded: ((a ^ b &* 31 ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }

    private mutating func append(_ byte: UInt8) {
        guard count < 32 else { overflow = true; return }
        let shift = UInt64((count % 8) * 8)
        switch count / 8 {
        case 0: a |= UInt64(byte) << shift
        case 1: b |= UInt64(byte) << shift
        case 2: c |= UInt64(byte) << shift
        default: d |= UInt64(byte) << shift
        }
        count += 1
    }
}

/// A read-only table from words or phrases to values, looked up from bytes without allocating.
struct WordTable<Value: Sendable>: Sendable {
    private var storage: [WordKey: Value] = [:]
    /// Bit `digest` is set for every key ever stored: a word whose bit is clear is not in the
    /// table, found without hashing it (most words of a text are in no table).
    private var filter = [UInt64](repeating: 0, count: 64)
    /// The phrases as written in the rule table (for building patterns and for docs).
    private(set) var phrases: [String] = []

    init() {}

    subscript(phrase: String) -> Value? {
        get { storage[WordKey(phrase)] }
        set {
            let key = WordKey(phrase)
            if storage[key] == nil, newValue != nil { phrases.append(phrase) }
            if newValue == nil { phrases.removeAll { WordKey($0) == key } }
            filter[key.digest >> 6] |= 1 << UInt64(key.digest & 63)
            storage[key] = newValue
        }
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value? {
        let key = WordKey(bytes: bytes, range: range)
        guard !key.overflow, filter[key.digest >> 6] & (1 << UInt64(key.digest & 63)) != 0 else { return nil }
        return storage[key]
    }

    var isEmpty: Bool { storage.isEmpty }
}

/// Byte classes used by scanners.
enum ByteClass {
    /// ASCII letters and digits: a candidate position must not follow one of these.
    static let word: [Bool] = (0..<256).map { b in
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
}
