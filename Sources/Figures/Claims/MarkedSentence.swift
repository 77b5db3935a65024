/// A sentence in which every lexical mention is replaced by a short marker, so that claim rules
/// can say "a figure" or "a date" without re-reading numbers: `\x1F` + a letter + the mention's
/// index in the sentence + `\x1F`.
///
/// Letters: `N` a count, `V` a vague amount, `R` a range of counts, `P` a percentage, `F` a
/// fraction, `M` money, `D` a date or period, `S` an open interval ("since …"), `U` a duration.
/// Claim rule patterns use the grammar pieces `figure`, `share`, `date` and friends, never the
/// markers themselves.
struct MarkedSentence {
    /// One replaced mention.
    struct Marker {
        let mention: Mention
        /// The marker's range in ``bytes``.
        let marked: Range<Int>
        let letter: UInt8
    }

    /// The sentence's range in the article.
    let range: Range<Int>
    /// The marked text.
    private(set) var bytes: [UInt8] = []
    private(set) var markers: [Marker] = []

    init(article: UnsafeBufferPointer<UInt8>, range: Range<Int>, mentions: ArraySlice<Mention>) {
        self.range = range
        bytes.reserveCapacity(range.count + 8 * mentions.count)
        var position = range.lowerBound
        for (index, mention) in mentions.enumerated() {
            let r = mention.range.clamped(to: range)
            guard r.lowerBound >= position, !r.isEmpty else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: article[position..<r.lowerBound]))
            let start = bytes.count
            let letter = MarkedSentence.letter(for: mention)
            bytes.append(0x1F)
            bytes.append(letter)
            bytes.append(contentsOf: Array(String(index).utf8))
            bytes.append(0x1F)
            markers.append(Marker(mention: mention, marked: start..<bytes.count, letter: letter))
            position = r.upperBound
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: article[position..<range.upperBound]))
    }

    static func letter(for mention: Mention) -> UInt8 {
        switch mention.value {
        case .quantity(let q):
            switch q.kind {
            case .count: return UInt8(ascii: "N")
            case .vague: return UInt8(ascii: "V")
            case .range: return UInt8(ascii: "R")
            case .percent: return UInt8(ascii: "P")
            case .fraction: return UInt8(ascii: "F")
            case .money: return UInt8(ascii: "M")
            }
        case .time(let t):
            switch t {
            case .openInterval: return UInt8(ascii: "S")
            case .duration: return UInt8(ascii: "U")
            default: return UInt8(ascii: "D")
            }
        }
    }

    /// Maps a marked offset back into the article. Inside a marker, the start maps to the
    /// mention's start and the end to its end.
    func articleOffset(_ marked: Int, isEnd: Bool) -> Int {
        var shift = range.lowerBound
        for marker in markers {
            if marked < marker.marked.lowerBound { break }
            if marked < marker.marked.upperBound || (isEnd && marked == marker.marked.upperBound) {
                return isEnd ? marker.mention.range.upperBound : marker.mention.range.lowerBound
            }
            shift = marker.mention.range.upperBound - marker.marked.upperBound
        }
        return marked + shift
    }

    func articleRange(_ marked: Range<Int>) -> Range<Int> {
        articleOffset(marked.lowerBound, isEnd: false)..<articleOffset(marked.upperBound, isEnd: true)
    }

    /// The marker whose range starts at `offset`.
    func marker(at offset: Int) -> Int? {
        markers.firstIndex { $0.marked.lowerBound == offset }
    }
}
