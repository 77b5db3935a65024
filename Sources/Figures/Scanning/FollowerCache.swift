import PCRE2

/// The rules a trigger word can start *given the three bytes after it*, worked out the first time
/// a session meets that word and those bytes, and remembered: "the" can start nine rules, but
/// "the pr…" none of them, and "in ex…" only those that read "in excess of".
///
/// A rule is dropped from a word's list only when a hard partial match of its pattern on the
/// exact bytes of the text — the word as written and the three ASCII bytes after it — fails:
/// no text that begins with those bytes can match there. The probe is the one that decides
/// which words a rule can start at all (``LexicalScanner/canStart(_:prefix:buffer:)``), only
/// longer, so the filter is as exact as the word lists themselves. A key is the word's list
/// (which fixes the word and how it is written: lower case, Capitalized or UPPER; a word in
/// mixed case is never cached) and the three bytes, so equal keys probe equal bytes.
///
/// An open-addressing table keyed by 64-bit integers, owned by one session (not `Sendable`);
/// it stops growing at ``capacityLimit`` entries, after which unseen keys use the whole list.
final class FollowerCache {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var count = 0
    /// The distinct filtered lists; `values` index into it.
    private(set) var lists: [[Int]] = []
    private var interned: [[Int]: Int32] = [:]

    static let capacityLimit = 1 << 17
    private static let empty = UInt64.max

    init() {
        keys = [UInt64](repeating: FollowerCache.empty, count: 1024)
        values = [Int32](repeating: -1, count: 1024)
        mask = 1023
    }

    /// The key of a word's list and the three bytes after it (each below 0x80).
    @inline(__always)
    static func key(list: Int, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) -> UInt64 {
        UInt64(list) << 21 | UInt64(b1) << 14 | UInt64(b2) << 7 | UInt64(b3)
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The filtered list for `key` (an index into ``lists``), or `nil` when not yet worked out.
    @inline(__always)
    func lookup(_ key: UInt64) -> Int? {
        var index = FollowerCache.slot(key, mask)
        while true {
            let k = keys[index]
            if k == key { return Int(values[index]) }
            if k == FollowerCache.empty { return nil }
            index = (index + 1) & mask
        }
    }

    /// Works out which rules of `list` can start with `bytes[range]` (the word and the three
    /// bytes after it), remembers it under `key` when there is room, and returns it as an index
    /// into ``lists``.
    func resolve(_ key: UInt64, list: [Int], bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, probes: [Matcher?]) -> Int {
        var kept: [Int] = []
        kept.reserveCapacity(list.count)
        let prefix = UnsafeBufferPointer(rebasing: bytes[range])
        for rule in list {
            // A rule without a context-free variant, or whose probe hits a resource limit, is
            // kept: it is then run, as without the cache.
            guard let probe = probes[rule], let possible = try? probe.canMatch(prefix: prefix), !possible else {
                kept.append(rule)
                continue
            }
        }
        let value: Int32
        if let known = interned[kept] {
            value = known
        } else {
            value = Int32(lists.count)
            lists.append(kept)
            interned[kept] = value
        }
        if count < FollowerCache.capacityLimit {
            if (count + 1) * 2 > keys.count { grow() }
            insert(key, value)
        }
        return Int(value)
    }

    private func insert(_ key: UInt64, _ value: Int32) {
        var index = FollowerCache.slot(key, mask)
        while keys[index] != FollowerCache.empty { index = (index + 1) & mask }
        keys[index] = key
        values[index] = value
        count += 1
    }

    private func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: FollowerCache.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != FollowerCache.empty { insert(k, v) }
    }
}
