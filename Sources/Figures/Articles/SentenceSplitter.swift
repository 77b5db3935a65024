/// Splits an article into sentences, on UTF-8 bytes.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
/// followed by whitespace and something that can start a sentence, at a blank line, or at a line
/// break after a line that is not a hard-wrapped continuation. It does not end:
/// - inside a lexical mention ("Oct. 7", "3.5 million"): the scanner's mentions are passed in;
/// - after an abbreviation from the `abbreviations` table ("Dr.", "U.S.", "Gen.") or a single
///   capital initial ("J. Smith");
/// - inside a double quotation, unless the quotation runs past the end of a paragraph.
struct SentenceSplitter: Sendable {
    let abbreviations: WordTable<Bool>

    /// The byte ranges of the sentences in `bytes`, trimmed of surrounding whitespace.
    func split(_ bytes: UnsafeBufferPointer<UInt8>, protecting mentions: [Mention]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        let n = bytes.count
        var start = 0
        var i = 0
        var mentionIndex = 0
        var inQuote = false

        func emit(_ end: Int) {
            var a = start, b = end
            while a < b, Self.isSpace(bytes, a) { a += Self.spaceLength(bytes, a) }
            while b > a, ByteClass.isSpace(bytes[b - 1]) { b -= 1 }
            if b > a { sentences.append(a..<b) }
            start = end
        }

        while i < n {
            // Never split inside a mention.
            while mentionIndex < mentions.count, mentions[mentionIndex].range.upperBound <= i { mentionIndex += 1 }
            if mentionIndex < mentions.count, mentions[mentionIndex].range.contains(i), mentions[mentionIndex].range.lowerBound < i {
                i = mentions[mentionIndex].range.upperBound
                continue
            }
            let b = bytes[i]
            // Quotation marks: " toggles; “ opens; ” closes.
            if b == UInt8(ascii: "\"") { inQuote.toggle() }
            else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80 {
                if bytes[i + 2] == 0x9C { inQuote = true } else if bytes[i + 2] == 0x9D { inQuote = false }
            }
            if b == 0x0A {
                // A blank line always ends a sentence (and any open quotation).
                var j = i + 1
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                if j >= n || bytes[j] == 0x0A {
                    emit(i)
                    inQuote = false
                    i = j
                    continue
                }
                if !inQuote && !isContinuation(bytes, lineEnd: i, nextStart: j) {
                    emit(i)
                }
                i += 1
                continue
            }
            if !inQuote, let end = terminatorEnd(bytes, at: i), endsSentence(bytes, at: i, after: end) {
                emit(end)
                i = end
                continue
            }
            // “…” closing a quotation that ends with a full stop: split after the closing quote.
            if inQuote == false, b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9D, i > start,
               let p = previousNonSpace(bytes, before: i), Self.isTerminator(bytes[p]), startsSentence(bytes, from: i + 3) {
                emit(i + 3)
                i += 3
                continue
            }
            i += 1
        }
        emit(n)
        return sentences
    }

    // MARK: - Pieces

    private static func isTerminator(_ b: UInt8) -> Bool { b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") }

    private static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        ByteClass.isSpace(bytes[i]) || (bytes[i] == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0)
    }

    private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int { bytes[i] == 0xC2 ? 2 : 1 }

    /// When a terminator starts at `i`: the end of it and of any closing quotes or brackets.
    private func terminatorEnd(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = bytes.count
        var j: Int
        if Self.isTerminator(bytes[i]) {
            j = i + 1
        } else if bytes[i] == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA6 { // …
            j = i + 3
        } else {
            return nil
        }
        while j < n {
            if Self.isTerminator(bytes[j]) || bytes[j] == UInt8(ascii: ")") || bytes[j] == UInt8(ascii: "'") || bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "]") {
                j += 1
            } else if bytes[j] == 0xE2, j + 2 < n, bytes[j + 1] == 0x80, bytes[j + 2] == 0x9D || bytes[j + 2] == 0x99 { // ” ’
                j += 3
            } else {
                break
            }
        }
        return j
    }

    private func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, after end: Int) -> Bool {
        guard end >= bytes.count || Self.isSpace(bytes, end) else { return false }
        if bytes[i] == UInt8(ascii: ".") {
            // The word before the full stop: an abbreviation or an initial does not end a sentence.
            var w = i
            while w > 0, ByteClass.isLetter(bytes[w - 1]) || bytes[w - 1] == UInt8(ascii: ".") { w -= 1 }
            if w < i {
                let word = w..<(i + 1)
                if abbreviations.lookup(bytes, word) != nil || abbreviations.lookup(bytes, w..<i) != nil { return false }
                if i - w == 1, bytes[w] >= 0x41, bytes[w] <= 0x5A { return false } // "J. Smith"
            }
        }
        return startsSentence(bytes, from: end)
    }

    /// Whether what follows `from` (after whitespace) can start a sentence: a capital, a digit, an
    /// opening quote or bracket, or the end of the text.
    private func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var j = from
        while j < bytes.count, Self.isSpace(bytes, j) { j += Self.spaceLength(bytes, j) }
        guard j < bytes.count else { return true }
        let c = bytes[j]
        if (c >= 0x41 && c <= 0x5A) || ByteClass.isDigit(c) || c == UInt8(ascii: "\"") || c == UInt8(ascii: "(") || c == UInt8(ascii: "'") { return true }
        if c == 0xE2, j + 2 < bytes.count, bytes[j + 1] == 0x80, bytes[j + 2] == 0x9C || bytes[j + 2] == 0x98 { return true } // “ ‘
        return c >= 0xC3 && c <= 0xDF // an accented capital such as É
    }

    /// A single line break inside a hard-wrapped paragraph: the line is long, does not end with
    /// punctuation, and the next line starts in lower case.
    private func isContinuation(_ bytes: UnsafeBufferPointer<UInt8>, lineEnd: Int, nextStart: Int) -> Bool {
        guard nextStart < bytes.count, let last = previousNonSpace(bytes, before: lineEnd) else { return false }
        var lineStart = lineEnd
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        let next = bytes[nextStart]
        let lowerNext = next >= 0x61 && next <= 0x7A
        return lineEnd - lineStart >= 50 && !Self.isTerminator(bytes[last]) && bytes[last] != UInt8(ascii: ":") && lowerNext
    }

    private func previousNonSpace(_ bytes: UnsafeBufferPointer<UInt8>, before i: Int) -> Int? {
        var j = i - 1
        while j >= 0, ByteClass.isSpace(bytes[j]) { j -= 1 }
        return j >= 0 ? j : nil
    }
}
