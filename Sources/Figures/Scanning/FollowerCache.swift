import PCRE2

/// The rules that can start at a candidate *given its first bytes*, worked out the first time a
/// session meets those bytes, and remembered: "the" can start nine rules, but "the pr…" none of
/// them, and "in ex…" only those that read "in excess of"; a number can start two dozen, but
/// "2023, " only the dates, and "34,000 peo…" neither ranges, money nor durations.
///
/// A rule is dropped from a candidate's list only when a hard partial match of its
/// context-free variant (``LexicalRule/probe``, which never looks before its start and matches
/// wherever the rule does) on those exact bytes of the text fails: then no text that begins with
/// them can match there, whatever stands before. A key fixes the bytes probed: for a word, its
/// list (the word and how it is written: lower case, Capitalized or UPPER; a word in mixed case
/// is never cached) and the three ASCII bytes after it; for a number, up to 15 ASCII bytes
/// themselves (its digits, commas and points, and three bytes more).
///
/// An open-addressing table keyed by pairs of 64-bit integers, owned by one session (not
/// `Sendable`); it stops growing at ``capacityLimit`` entries, after which unseen keys use the
/// whole list.
final class FollowerCache {
    private struct State {
        var keys = [UInt64](repeating: FollowerCache.empty, count: 1024)
        var keys2 = [UInt64](repeating: 0, count: 1024)
        var values = [Int32](repeating: -1, count: 1024)
        var mask = 1023
        var count = 0
        /// The distinct filtered lists; `values` index into it.
        var lists: [[Int]] = []
        var interned: [[Int]: Int32] = [:]
    }

    /// The state, behind a pointer this cache owns, so that lookups on the hot path skip the
    /// dynamic exclusivity checks of a class's stored `var`s (a cache belongs to one session,
    /// used by one thread at a time).
    private let state: UnsafeMutablePointer<State>

    static let capacityLimit = 1 << 17
    fileprivate static let empty = UInt64.max

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// A filtered list, by the index ``lookup(_:)`` or ``resolve(_:list:bytes:_:probes:)`` gave.
    @inline(__always)
    func list(_ index: Int) -> [Int] { state.pointee.lists[index] }

    typealias Key = (UInt64, UInt64)

    /// The key of a word's list and the three bytes after it (each below 0x80).
    @inline(__always)
    static func key(list: Int, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) -> Key {
        (UInt64(list), UInt64(b1) << 14 | UInt64(b2) << 7 | UInt64(b3))
    }

    /// The most bytes ``key(_:_:)`` takes.
    static let maximumBytes = 15

    /// The key of `bytes[range]`: at most ``maximumBytes``, each below 0x80.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Key {
        var a: UInt64 = 0, b = UInt64(range.count) << 60
        var k = 0
        for i in range {
            if k < 9 { a |= UInt64(bytes[i]) << UInt64(7 * k) } else { b |= UInt64(bytes[i]) << UInt64(7 * (k - 9)) }
            k += 1
        }
        return (a, b)
    }

    @inline(__always)
    private static func slot(_ key: Key, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key.0 &* 0x9E37_79B9_7F4A_7C15 ^ key.1 &* 0xC2B2_AE3D_27D4_EB4F) >> 40) & mask
    }

    /// The filtered list for `key` (an index for ``list(_:)``), or `nil` when not yet worked out.
    @inline(__always)
    func lookup(_ key: Key) -> Int? {
        let mask = state.pointee.mask
        var index = FollowerCache.slot(key, mask)
        while true {
            let k = state.pointee.keys[index]
            if k == key.0, state.pointee.keys2[index] == key.1 { return Int(state.pointee.values[index]) }
            if k == FollowerCache.empty { return nil }
            index = (index + 1) & mask
        }
    }

    /// Works out which rules of `list` can start with `bytes[range]` (the bytes `key` stands
    /// for), remembers it under `key` when there is room, and returns it as an index for
    /// ``list(_:)``.
    func resolve(_ key: Key, list: [Int], bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, probes: [Matcher?]) -> Int {
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
        if let known = state.pointee.interned[kept] {
            value = known
        } else {
            value = Int32(state.pointee.lists.count)
            state.pointee.lists.append(kept)
            state.pointee.interned[kept] = value
        }
        if state.pointee.count < FollowerCache.capacityLimit {
            if (state.pointee.count + 1) * 2 > state.pointee.keys.count { grow() }
            FollowerCache.insert(key, value, into: &state.pointee)
        }
        return Int(value)
    }

    private static func insert(_ key: Key, _ value: Int32, into state: inout State) {
        var index = FollowerCache.slot(key, state.mask)
        while state.keys[index] != FollowerCache.empty { index = (index + 1) & state.mask }
        state.keys[index] = key.0
        state.keys2[index] = key.1
        state.values[index] = value
        state.count += 1
    }

    private func grow() {
        let old = state.pointee
        let capacity = old.keys.count * 2
        state.pointee.keys = [UInt64](repeating: FollowerCache.empty, count: capacity)
        state.pointee.keys2 = [UInt64](repeating: 0, count: capacity)
        state.pointee.values = [Int32](repeating: -1, count: capacity)
        state.pointee.mask = capacity - 1
        state.pointee.count = 0
        for i in old.keys.indices where old.keys[i] != FollowerCache.empty {
            FollowerCache.insert((old.keys[i], old.keys2[i]), old.values[i], into: &state.pointee)
        }
    }
}
