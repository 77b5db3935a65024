/// The words a lexical rule can start with, looked up from bytes without allocating: an
/// open-addressing table keyed by the lowercased ASCII word (up to 24 letters), hashed with
/// FNV-1a.
struct TriggerWords: Sendable {
    private struct Slot: Sendable {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0
        var length: Int32 = 0
        /// Index into `lists`, or -1 for an empty slot.
        var list: Int32 = -1
    }

    private var slots: [Slot]
    private let mask: Int
    /// The rules each word can start.
    private(set) var lists: [[Int]] = []

    static let maximumLength = 24

    init(_ words: [String: [Int]]) {
        var capacity = 16
        while capacity < words.count * 4 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(), count: capacity)
        mask = capacity - 1
        for (word, rules) in words.sorted(by: { $0.key < $1.key }) where !rules.isEmpty {
            let bytes = Array(word.utf8)
            guard bytes.count <= TriggerWords.maximumLength else { continue }
            bytes.withUnsafeBufferPointer { buffer in
                let (hash, key) = TriggerWords.key(buffer, 0..<buffer.count)
                var index = Int(truncatingIfNeeded: hash) & mask
                while slots[index].list >= 0 { index = (index + 1) & mask }
                slots[index] = Slot(a: key.0, b: key.1, c: key.2, length: Int32(bytes.count), list: Int32(lists.count))
            }
            lists.append(rules.sorted())
        }
    }

    /// The rules that can start with the letters `bytes[range]` (any case), or `nil`.
    @inline(__always)
    func rules(for bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count <= TriggerWords.maximumLength else { return nil }
        let (hash, key) = TriggerWords.key(bytes, range)
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.list < 0 { return nil }
            if slot.length == Int32(range.count), slot.a == key.0, slot.b == key.1, slot.c == key.2 { return Int(slot.list) }
            index = (index + 1) & mask
        }
    }

    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UInt64, (UInt64, UInt64, UInt64)) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var k = 0
        for i in range {
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
        return (hash, words)
    }
}
