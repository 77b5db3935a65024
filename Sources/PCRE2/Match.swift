/// One match of a ``Pattern``: the byte range of the whole match and of every capture group.
///
/// All ranges are UTF-8 byte offsets into the subject (end exclusive), never `Character` or
/// UTF-16 offsets.
///
/// ```swift
/// let p = try Pattern(#"(?<n>\d+) killed"#)
/// let m = try p.firstMatch(in: "“12 killed”")!
/// m.range          // 3..<12 (the curly quote is three bytes)
/// m.range(of: "n") // 3..<5
/// ```
public struct Match: Sendable, Equatable {
    /// The byte range of the whole match.
    public let range: Range<Int>
    /// The byte range of each capture group, by number; index 0 is the whole match. `nil` for a
    /// group that did not take part in the match.
    public let groups: [Range<Int>?]
    /// The name of the last `(*MARK:name)` passed on the matching path, if any: which alternative
    /// matched.
    public let mark: String?

    let names: [String: [Int]]

    /// The byte range of capture group `number`, or `nil` when it did not participate (or does
    /// not exist).
    public func range(of number: Int) -> Range<Int>? {
        number >= 0 && number < groups.count ? groups[number] : nil
    }

    /// The byte range of the named group `name`, or `nil` when it did not participate or the
    /// pattern has no such group. With duplicate names, the first group of that name that took
    /// part.
    public func range(of name: String) -> Range<Int>? {
        guard let numbers = names[name] else { return nil }
        for number in numbers { if let r = range(of: number) { return r } }
        return nil
    }

    public static func == (lhs: Match, rhs: Match) -> Bool {
        lhs.range == rhs.range && lhs.groups == rhs.groups && lhs.mark == rhs.mark
    }
}

extension Match {
    /// The bytes of the whole match decoded as a String (for display and tests; the hot path uses
    /// ranges).
    public func text(in subject: String) -> String {
        String(decoding: Array(subject.utf8)[range], as: UTF8.self)
    }
}
