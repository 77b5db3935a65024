import PCRE2

/// Which of up to 64 patterns can match somewhere in a text, worked out in one pass over the
/// text: a necessary condition, so that a pattern that cannot start anywhere is not run.
///
/// At each place where a match may start the filter looks up the next two bytes in a table of
/// the pairs each pattern can start with, worked out at load time with hard partial matches, as
/// the lexical scanner's tables are. For the claim rules' `requires` patterns, which begin with
/// `(?<![\p{L}\p{N}])`, those places are the word starts (no ASCII letter or digit before);
/// otherwise every byte. A pattern with any other lookbehind, which could look at what comes
/// before its start, is not filtered: it is always run.
///
/// ```swift
/// let mask = filter.candidates(in: sentence)
/// if mask & (1 << index) != 0 { /* run pattern `index` */ }
/// ```
struct WordStartFilter: Sendable {
    static let capacity = 64
    static let wordBoundary = "(?<![\\p{L}\\p{N}])"

    /// The patterns that may match anywhere: not filtered.
    private let always: UInt64
    /// `byFirst[b]`: the patterns that can start with byte b (when no ASCII byte follows it).
    private let byFirst: [UInt64]
    /// `byPair[b1 << 7 | b2]`: the patterns that can start with the ASCII bytes b1 b2.
    private let byPair: [UInt64]
    /// Every pattern begins with ``wordBoundary``: matches start at word starts only.
    private let atWordStarts: Bool

    /// - Parameter atWordStarts: the caller's promise that every pattern begins with
    ///   ``wordBoundary`` (as `requires` patterns are compiled), so that only word starts are
    ///   looked at.
    init(_ patterns: [Pattern], atWordStarts: Bool = true) throws {
        self.atWordStarts = atWordStarts
        var always: UInt64 = 0
        var byFirst = [UInt64](repeating: 0, count: 256)
        var byPair = [UInt64](repeating: 0, count: 128 * 128)
        for (index, pattern) in patterns.enumerated() {
            guard index < WordStartFilter.capacity else { break }
            let bit: UInt64 = 1 << UInt64(index)
            let source = pattern.source
            // The only lookbehind may be the word boundary, which the probes below satisfy (and
            // no verbs such as (*plb:…) or (*COMMIT)).
            let lookbehinds = source.components(separatedBy: "(?<!").count - 1
            guard lookbehinds == source.components(separatedBy: WordStartFilter.wordBoundary).count - 1,
                  !source.contains("(?<="), !source.contains("(*"), !atWordStarts || lookbehinds >= 1 else {
                always |= bit
                continue
            }
            let matcher = Matcher(pattern)
            // Probed at the start of a text and after the bytes that may come before a match:
            // a space (a non-word character) and an underscore (a word character that is neither
            // letter nor digit), so that `\b` and `^` see what they could see.
            func could(_ prefix: [UInt8]) throws -> Bool {
                for context: [UInt8] in [[], [0x20], [0x5F]] {
                    if try (context + prefix).withUnsafeBufferPointer({ try matcher.canMatch(prefix: $0, at: context.count) }) { return true }
                }
                return false
            }
            let bitmap = pattern.possibleFirstBytes
            for b1 in 0..<256 where bitmap?[b1] ?? true {
                if b1 >= 0x80 {
                    // A lead byte: trust PCRE2's analysis.
                    byFirst[b1] |= bit
                    continue
                }
                guard try could([UInt8(b1)]) else { continue }
                byFirst[b1] |= bit
                for b2 in 0..<128 where try could([UInt8(b1), UInt8(b2)]) {
                    byPair[b1 << 7 | b2] |= bit
                }
            }
        }
        self.always = always
        self.byFirst = byFirst
        self.byPair = byPair
    }

    /// Whether pattern `index` is filtered: only then do the starts of ``candidates(in:starts:)``
    /// list every place it can match.
    func filters(_ index: Int) -> Bool {
        index < WordStartFilter.capacity && always & (1 << UInt64(index)) == 0
    }

    /// The patterns that may match in `text`, as a bit mask (bit i: pattern i).
    func candidates(in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var none: [Start]? = nil
        return candidates(in: text, starts: &none)
    }

    /// A place where some filtered pattern may start, and which.
    typealias Start = (position: Int, mask: UInt64)

    /// The patterns that may match in `text`, as a bit mask (bit i: pattern i); when `starts`
    /// is given, it is filled with the places where a filtered pattern may start.
    func candidates(in text: UnsafeBufferPointer<UInt8>, starts: inout [Start]?) -> UInt64 {
        starts?.removeAll(keepingCapacity: true)
        var mask = always
        let n = text.count
        var i = 0
        let word = ByteClass.word
        byFirst.withUnsafeBufferPointer { first in
            byPair.withUnsafeBufferPointer { pair in
                while i < n {
                    let b = text[i]
                    let here = i + 1 < n && b < 0x80 && text[i + 1] < 0x80 ? pair[Int(b) << 7 | Int(text[i + 1])] : first[Int(b)]
                    if here != 0 {
                        mask |= here
                        starts?.append((i, here))
                    }
                    // The next place that does not follow an ASCII letter or digit.
                    if atWordStarts, word[Int(b)] {
                        i += 1
                        while i < n, word[Int(text[i])] { i += 1 }
                        i += 1
                    } else {
                        i += 1
                    }
                }
            }
        }
        return mask
    }

    /// Whether pattern `index` may match in a text whose ``candidates(in:)`` are `mask`.
    @inline(__always)
    static func mayMatch(_ index: Int, _ mask: UInt64) -> Bool {
        index >= capacity || mask & (1 << UInt64(index)) != 0
    }
}
