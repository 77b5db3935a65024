/// Small data structures that let the rules compare every pair of a group without visiting
/// every pair: each rule asks "is there a claim of another article, or earlier in time, that
/// disagrees with this one?", which needs only an extreme value over the right claims.

/// The largest value seen, and the largest from an article other than that one's, so that
/// "the largest value from an article other than `x`" is answered in O(1). Among equal values
/// the first added wins.
struct TopByArticle {
    private(set) var best: (value: Double, article: Int, index: Int)?
    /// The largest among the values whose article is not `best`'s.
    private(set) var other: (value: Double, article: Int, index: Int)?

    mutating func add(_ value: Double, article: Int, index: Int) {
        guard let b = best else {
            best = (value, article, index)
            return
        }
        if value > b.value {
            if article != b.article { other = b }
            best = (value, article, index)
        } else if article != b.article, other.map({ value > $0.value }) ?? true {
            other = (value, article, index)
        }
    }

    /// The largest value (and its claim) from an article other than `article`.
    func excluding(_ article: Int) -> (value: Double, index: Int)? {
        guard let b = best else { return nil }
        if b.article != article { return (b.value, b.index) }
        return other.map { ($0.value, $0.index) }
    }
}

/// A Fenwick tree over positions `0..<count` answering "the largest value at a position up to
/// `p`" while values are added: the heart of each sweep over time.
struct PrefixMax {
    private var tree: [Double]

    init(count: Int) { tree = Array(repeating: -.infinity, count: count + 1) }

    mutating func add(_ value: Double, at position: Int) {
        var i = position + 1
        while i < tree.count {
            if value > tree[i] { tree[i] = value }
            i += i & -i
        }
    }

    /// The largest value added at positions `0...position`; `-infinity` when none (or when
    /// `position` is negative).
    func max(through position: Int) -> Double {
        var i = Swift.min(position + 1, tree.count - 1)
        var result = -Double.infinity
        while i > 0 {
            if tree[i] > result { result = tree[i] }
            i -= i & -i
        }
        return result
    }
}

/// The smallest value over a range of positions of a fixed array (a segment tree).
struct RangeMin {
    private var tree: [Double]
    private let count: Int

    init(_ values: [Double]) {
        count = values.count
        tree = Array(repeating: .infinity, count: 2 * Swift.max(1, values.count))
        for (i, v) in values.enumerated() { tree[count + i] = v }
        if count > 1 {
            for i in stride(from: count - 1, through: 1, by: -1) { tree[i] = Swift.min(tree[2 * i], tree[2 * i + 1]) }
        }
    }

    /// The smallest value at positions `range`; `infinity` for an empty range.
    func min(_ range: Range<Int>) -> Double {
        var lo = Swift.max(0, range.lowerBound) + count, hi = Swift.min(count, range.upperBound) + count
        var result = Double.infinity
        while lo < hi {
            if lo & 1 == 1 { result = Swift.min(result, tree[lo]); lo += 1 }
            if hi & 1 == 1 { hi -= 1; result = Swift.min(result, tree[hi]) }
            lo >>= 1
            hi >>= 1
        }
        return result
    }
}

extension Array where Element: Comparable {
    /// In a sorted array: the number of elements below `value`.
    func countBelow(_ value: Element) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// In a sorted array: the number of elements at or below `value`.
    func countAtMost(_ value: Element) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] <= value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
