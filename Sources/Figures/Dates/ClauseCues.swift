/// Reads the clause a date stands in for wording that turns its resolution forward: "will meet
/// on May 3", "is due to start on April 30", "scheduled for July 9", and a cue right after the
/// date ("The minister on Friday will visit Kyiv").
///
/// The words come from the `clause_words` table: `forward` cues, `past` words that cancel the cue
/// right after them ("was expected to"), and `break` words that start a new clause ("that",
/// "which"). A clause also ends at sentence and clause punctuation (. , ; : ! ? parentheses,
/// quotes, dashes) and at a line break. Cues are matched in lowercase only, so "Will Smith" is a
/// name. The scan reads bytes in place and never allocates.
struct ClauseCues: Sendable {
    let words: WordTable<DateLexicon.ClauseWord>

    /// How many words before a date are read at most.
    static let reach = 24

    /// Whether a forward cue stands before `date` in its clause or directly after it.
    func pointsForward(_ bytes: UnsafeBufferPointer<UInt8>, date: Range<Int>) -> Bool {
        cueAfter(bytes, date.upperBound) || cueBefore(bytes, date.lowerBound)
    }

    // MARK: Reading backward

    private enum Kind { case space, word, stop }

    /// The kind of the character that ends just before `end`, and where it starts.
    private static func character(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Kind, Int) {
        let b = bytes[end - 1]
        if b < 0x80 {
            if b == 0x20 || b == 0x09 { return (.space, end - 1) }
            if ByteClass.isLetter(b) || ByteClass.isDigit(b) || b == UInt8(ascii: "'") || b == UInt8(ascii: "-") { return (.word, end - 1) }
            // The full stop of an abbreviation or initials ("U.N.", "Mr.") does not end a clause.
            if b == UInt8(ascii: "."), end >= 2, bytes[end - 2] >= 0x41, bytes[end - 2] <= 0x5A { return (.word, end - 1) }
            return (.stop, end - 1)
        }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
        if end - start == 3, bytes[start] == 0xE2, bytes[start + 1] == 0x80 {
            switch bytes[start + 2] {
            case 0x98, 0x99: return (.word, start)                 // ‘ ’ (apostrophe)
            case 0x93, 0x94, 0x95, 0x9C, 0x9D, 0xA6: return (.stop, start) // – — ― “ ” …
            default: return (.space, start)                          // thin and other spaces
            }
        }
        if end - start == 2, bytes[start] == 0xC2 {
            return bytes[start + 1] == 0xA0 ? (.space, start) : (.stop, start) // no-break space; « » ¡ ¿
        }
        return (.word, start) // a letter outside ASCII (é, ü)
    }

    /// The start of the word that ends at `end` after skipping spaces to the left, or `nil` when a
    /// clause boundary or the start of the text comes first.
    private static func word(endingBefore end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var i = end
        while i > 0 {
            let (kind, start) = character(before: i, in: bytes)
            guard kind == .space else { break }
            i = start
        }
        guard i > 0, character(before: i, in: bytes).0 == .word else { return nil }
        let wordEnd = i
        var hasLetterOrDigit = false
        while i > 0 {
            let (kind, start) = character(before: i, in: bytes)
            guard kind == .word else { break }
            if ByteClass.isLetter(bytes[start]) || ByteClass.isDigit(bytes[start]) || bytes[start] >= 0xC3 { hasLetterOrDigit = true }
            i = start
        }
        return hasLetterOrDigit ? i..<wordEnd : nil // "--" is a dash, not a word
    }

    private func cueBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var position = start
        // The ends of the one and two words read just before (to the right of) the current one.
        var next1 = -1, next2 = -1
        for _ in 0..<ClauseCues.reach {
            guard let w = ClauseCues.word(endingBefore: position, in: bytes) else { return false }
            // Longest phrase first: three, two, then one word starting here.
            for length in stride(from: 3, through: 1, by: -1) {
                let end = length == 3 ? next2 : length == 2 ? next1 : w.upperBound
                guard end >= w.upperBound else { continue }
                switch words.lookup(bytes, w.lowerBound..<end) {
                case .forward?:
                    if isLowercase(bytes[w.lowerBound]) { return !follows(past: w.lowerBound, bytes) }
                case .clauseBreak? where end == w.upperBound:
                    return false
                default:
                    break
                }
            }
            if let suffix = contraction(in: w, bytes), words.lookup(bytes, suffix) == .forward { return true } // they’ll
            next2 = next1
            next1 = w.upperBound
            position = w.lowerBound
        }
        return false
    }

    /// "was" or "were" just before a cue: the clause is told in the past.
    private func follows(past position: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let w = ClauseCues.word(endingBefore: position, in: bytes) else { return false }
        return words.lookup(bytes, w) == .past
    }

    /// The apostrophe and what follows it in a word ("’ll" in "they’ll").
    private func contraction(in word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var i = word.upperBound - 1
        while i > word.lowerBound {
            if bytes[i] == UInt8(ascii: "'") { return i..<word.upperBound }
            if bytes[i] == 0x99, i >= 2, bytes[i - 1] == 0x80, bytes[i - 2] == 0xE2 { return (i - 2)..<word.upperBound }
            i -= 1
        }
        return nil
    }

    // MARK: Reading forward

    private func cueAfter(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        var i = end
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i > end, i < bytes.count, isLowercase(bytes[i]) else { return false }
        var j = i
        while j < bytes.count, ByteClass.isLetter(bytes[j]) { j += 1 }
        return words.lookup(bytes, i..<j) == .forward
    }

    @inline(__always) private func isLowercase(_ b: UInt8) -> Bool { b &- 0x61 < 26 || b == UInt8(ascii: "'") }
}
