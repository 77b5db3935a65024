import CPCRE2

/// Matches one ``Pattern`` again and again without allocating: it owns the match data (sized
/// from the pattern, so it is never too small) and, when first needed, a large JIT stack.
///
/// A `Matcher` belongs to one thread at a time (it is not `Sendable`); create one per thread or
/// task from the shared ``Pattern``. After a successful ``matches(_:from:options:)`` the ranges
/// of that match are read from the matcher until the next call.
///
/// ```swift
/// let number = try Pattern(#"\d+"#, options: .anchored)
/// let matcher = Matcher(number)
/// let bytes = Array("12 and 345".utf8)
/// bytes.withUnsafeBufferPointer { buffer in
///     if try! matcher.matches(buffer, from: 7) { print(matcher.range) } // 7..<10
/// }
/// ```
public final class Matcher {
    /// The pattern this matcher runs.
    public let pattern: Pattern
    let data: MatchDataHandle
    private var jitStack: JITStackContext?
    // The raw pointers of the hot path, read without retaining their owners (which `pattern`,
    // `data` and `jitStack` keep alive for as long as this matcher lives).
    private let code: OpaquePointer
    private let matchData: OpaquePointer
    private var context: OpaquePointer
    private let ovector: UnsafeMutablePointer<Int>
    private let jitFastPath: Bool

    /// The most the JIT stack may grow to when the default (32 KiB) is not enough.
    public static let maximumJITStack = 16 * 1024 * 1024

    public init(_ pattern: Pattern) {
        self.pattern = pattern
        self.data = MatchDataHandle(code: pattern.code)
        self.code = pattern.code.pointer
        self.matchData = data.pointer
        self.context = pattern.sharedContext.pointer
        self.ovector = data.ovector
        self.jitFastPath = pattern.jitFastPath
    }

    /// Tries to match at or after `offset` (exactly at `offset` for an anchored pattern).
    ///
    /// - Returns: `true` on a match, `false` on no match.
    /// - Throws: ``PCRE2Error`` when a limit is hit or the offset is out of range; never returns
    ///   `false` for "gave up".
    @inline(__always)
    public func matches(_ subject: UnsafeBufferPointer<UInt8>, from offset: Int, options: MatchOptions = []) throws(PCRE2Error) -> Bool {
        let base = subject.baseAddress ?? Pattern.emptySubject
        var rc: Int32
        if jitFastPath && options.isEmpty && offset <= subject.count {
            // JIT code straight away: pcre2_match would only check what the wrapper guarantees
            // (non-null pointers, an offset in range, options JIT supports) and, for patterns
            // compiled with MATCH_INVALID_UTF or without UTF, has no UTF check to make.
            rc = pcre2_jit_match_8(code, base, subject.count, offset, 0, matchData, context)
        } else {
            rc = pcre2_match_8(code, base, subject.count, offset, options.rawValue, matchData, context)
        }
        if rc == PCRE2_ERROR_JIT_STACKLIMIT && jitStack == nil {
            let stack = JITStackContext(limits: pattern.limits, maxBytes: Matcher.maximumJITStack)
            jitStack = stack
            context = stack.context
            rc = pcre2_match_8(code, base, subject.count, offset, options.rawValue, matchData, context)
        }
        if rc > 0 { return true }
        if rc == PCRE2_ERROR_NOMATCH { return false }
        if rc == 0 { return true } // ovector too small cannot happen: data is sized from the pattern
        throw PCRE2Error(matchCode: rc)
    }

    /// Whether some subject that begins with `prefix` could match at `offset`: a complete match
    /// or a hard partial match (the prefix ran out while the pattern could still go on). Used at
    /// load time to work out which words a rule can start with: it reuses this matcher's match
    /// data and, for an anchored JIT-compiled pattern, the JIT, so thousands of probes are cheap.
    ///
    /// - Parameter offset: where in `prefix` the match must start (bytes before it are context
    ///   for lookbehinds).
    public func canMatch(prefix: UnsafeBufferPointer<UInt8>, at offset: Int = 0) throws(PCRE2Error) -> Bool {
        let base = prefix.baseAddress ?? Pattern.emptySubject
        let anchored = pattern.options.contains(.anchored)
        let rc = anchored && pattern.isJITCompiled
            ? pcre2_jit_match_8(code, base, prefix.count, offset, PCRE2_PARTIAL_HARD, matchData, context)
            : pcre2_match_8(code, base, prefix.count, offset, PCRE2_PARTIAL_HARD | PCRE2_NO_JIT | (anchored ? 0 : PCRE2_ANCHORED), matchData, context)
        if rc >= 0 || rc == PCRE2_ERROR_PARTIAL { return true }
        if rc == PCRE2_ERROR_NOMATCH { return false }
        throw PCRE2Error(matchCode: rc)
    }

    /// The byte range of the last match.
    @inline(__always)
    public var range: Range<Int> { ovector[0]..<ovector[1] }

    /// The byte range of group `number` in the last match, or `nil` when it did not participate.
    @inline(__always)
    public func range(of number: Int) -> Range<Int>? {
        guard number >= 0, number < data.pairs else { return nil }
        let start = ovector[2 * number]
        if start == cpcre2_unset() { return nil }
        return start..<ovector[2 * number + 1]
    }

    /// The byte range of the named group in the last match, or `nil`. With duplicate names, the
    /// first group of that name that took part.
    public func range(of name: String) -> Range<Int>? {
        guard let numbers = pattern.namedGroups[name] else { return nil }
        for number in numbers { if let r = range(of: number) { return r } }
        return nil
    }

    /// The `(*MARK:name)` of the last match, if any.
    public var mark: String? {
        guard let pointer = pcre2_get_mark_8(matchData) else { return nil }
        let length = Int(pointer[-1])
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// A snapshot of the last match as a value.
    public var match: Match {
        let groups = (0...pattern.captureCount).map { range(of: $0) }
        return Match(range: range, groups: groups, mark: mark, names: pattern.namedGroups)
    }
}
