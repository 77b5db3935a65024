/// The words a lexical rule can start with, looked up from bytes without allocating: an
/// open-addressing table keyed by the lowercased ASCII word (up to 24 letters), hashed with
/// FNV-1a.
///
/// Each word has a list of rules per case form (``Form``): "of" starts no money rule, but "OF"
/// might ("OF$", like "HK$"), so the form of the word in the text picks the list.
struct TriggerWords: Sendable {
    private struct Slot: Sendable {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0
        var length: Int32 = 0
        /// Index into `lists`, or -1 for an empty slot.
        var list: Int32 = -1
    }

    /// How a word is written: the rules it can start are worked out for each of the first three
    /// (the forms rule probing uses); a word in mixed case ("iPhone") gets the union.
    enum Form: Int, CaseIterable {
        case lower = 0, capitalized, upper, mixed
    }

    private var slots: [Slot]
    private let mask: Int
    /// The rules each word can start, four lists a word (one per ``Form``, in order): the slot's
    /// `list` is the first.
    private(set) var lists: [[Int]] = []

    static let maximumLength = 24

    /// Whether the list index that ``rules(for:_:)`` returned is that of a word in mixed case
    /// (lists come four a word, in the order of ``Form``), which stands for many spellings.
    @inline(__always)
    static func isMixed(_ list: Int) -> Bool { list & 3 == Form.mixed.rawValue }

    /// - Parameter words: each word's rules per form: `[lower, capitalized, upper]`; the mixed
    ///   form gets their union.
    init(_ words: [String: [[Int]]]) {
        var capacity = 16
        while capacity < words.count * 4 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(), count: capacity)
        mask = capacity - 1
        for (word, forms) in words.sorted(by: { $0.key < $1.key }) where forms.contains(where: { !$0.isEmpty }) {
            precondition(forms.count == 3)
            let bytes = Array(word.utf8)
            guard bytes.count <= TriggerWords.maximumLength else { continue }
            bytes.withUnsafeBufferPointer { buffer in
                let (hash, key, _) = TriggerWords.key(buffer, 0..<buffer.count)
                var index = Int(truncatingIfNeeded: hash) & mask
                while slots[index].list >= 0 { index = (index + 1) & mask }
                slots[index] = Slot(a: key.0, b: key.1, c: key.2, length: Int32(bytes.count), list: Int32(lists.count))
            }
            lists += forms.map { Set($0).sorted() }
            lists.append(Set(forms.joined()).sorted())
        }
    }

    /// The rules that can start with the letters `bytes[range]` as written there (an index into
    /// ``lists``), or `nil`.
    @inline(__always)
    func rules(for bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count <= TriggerWords.maximumLength else { return nil }
        let (hash, key, form) = TriggerWords.key(bytes, range)
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.list < 0 { return nil }
            if slot.length == Int32(range.count), slot.a == key.0, slot.b == key.1, slot.c == key.2 { return Int(slot.list) + form.rawValue }
            index = (index + 1) & mask
        }
    }

    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UInt64, (UInt64, UInt64, UInt64), Form) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var k = 0
        // Upper-case letters (bit 5 clear): the first, and how many.
        let first = bytes[range.lowerBound] & 0x20 == 0
        var uppers = 0
        for i in range {
            uppers &+= Int((bytes[i] >> 5) & 1 ^ 1)
            let byte = bytes[i] | 0x20 // ASCII letters only: lowercase
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            let shift = UInt64((k & 7) * 8)
            switch k >> 3 {
            case 0: words.0 |= UInt64(byte) << shift
            case 1: words.1 |= UInt64(byte) << shift
            default: words.2 |= UInt64(byte) << shift
            }
            k += 1
        }
        let form: Form
        if uppers == 0 {
            form = .lower
        } else if uppers == range.count {
            form = range.count == 1 ? .capitalized : .upper
        } else {
            form = first && uppers == 1 ? .capitalized : .mixed
        }
        return (hash, words, form)
    }
}
