import CPCRE2

/// Options that change how a ``Pattern`` is compiled.
///
/// UTF-8 with Unicode properties (`UTF` and `UCP`) and safe matching of invalid UTF-8 subjects
/// (`MATCH_INVALID_UTF`) are always on unless ``bytes`` is given.
public struct CompileOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Letters match their other case (`(?i)`).
    public static let caseless = CompileOptions(rawValue: PCRE2_CASELESS)
    /// Whitespace and `#` comments in the pattern are ignored (`(?x)`).
    public static let extended = CompileOptions(rawValue: PCRE2_EXTENDED)
    /// `^` and `$` also match at line breaks (`(?m)`).
    public static let multiline = CompileOptions(rawValue: PCRE2_MULTILINE)
    /// `.` also matches a newline (`(?s)`).
    public static let dotAll = CompileOptions(rawValue: PCRE2_DOTALL)
    /// The match must start at the start offset. Set this at compile time for patterns that are
    /// always used anchored: JIT ignores the anchored flag at match time.
    public static let anchored = CompileOptions(rawValue: PCRE2_ANCHORED)
    /// Several groups may have the same name.
    public static let duplicateNames = CompileOptions(rawValue: PCRE2_DUPNAMES)
    /// No start-of-match optimizations (first and required code units, minimum length). For
    /// patterns matched anchored at many positions of a long subject these cost more than they
    /// save: looking ahead for a required character can scan kilobytes at every position.
    public static let noStartOptimize = CompileOptions(rawValue: PCRE2_NO_START_OPTIMIZE)
    /// Turn UTF, UCP and invalid-UTF safety off: the pattern and subjects are plain bytes.
    public static let bytes = CompileOptions(rawValue: 1 << 0)
    /// Do not JIT-compile; always use the interpreter.
    public static let noJIT = CompileOptions(rawValue: 1 << 1)

    /// Our own flags, which are not PCRE2 option bits.
    static let wrapperFlags: CompileOptions = [.bytes, .noJIT]

    /// The option bits handed to `pcre2_compile`.
    var pcre2Bits: UInt32 {
        var bits = rawValue & ~CompileOptions.wrapperFlags.rawValue
        if !contains(.bytes) { bits |= PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF }
        return bits
    }
}

/// Options for one match.
public struct MatchOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// An empty string is not a valid match.
    public static let notEmpty = MatchOptions(rawValue: PCRE2_NOTEMPTY)
    /// An empty string at the start offset is not a valid match.
    public static let notEmptyAtStart = MatchOptions(rawValue: PCRE2_NOTEMPTY_ATSTART)
    /// Report a partial match when the subject ends before the pattern could finish.
    /// Use ``Pattern/canMatch(prefix:)`` rather than this flag directly.
    public static let partialHard = MatchOptions(rawValue: PCRE2_PARTIAL_HARD)
    /// Anchor at the start offset. Ignored by JIT code (PCRE2 then uses the interpreter);
    /// prefer compiling with ``CompileOptions/anchored``.
    public static let anchored = MatchOptions(rawValue: PCRE2_ANCHORED)
}

/// Resource limits applied to every match of a pattern, so that a runaway pattern fails fast
/// with a ``PCRE2Error`` of kind ``PCRE2Error/Kind/matchLimit`` (or depth/heap) instead of
/// hanging or reading as "no match".
public struct MatchLimits: Sendable, Hashable {
    /// Maximum number of internal match-function calls (backtracking steps). PCRE2's own default
    /// is 10,000,000; ours is lower because news rules never need that much.
    public var match: UInt32
    /// Maximum backtracking depth (interpreter only; JIT ignores it).
    public var depth: UInt32
    /// Maximum heap memory for backtracking, in KiB (interpreter only).
    public var heapKiB: UInt32

    public init(match: UInt32 = 1_000_000, depth: UInt32 = 100_000, heapKiB: UInt32 = 20_000) {
        self.match = match
        self.depth = depth
        self.heapKiB = heapKiB
    }

    /// The limits used when none are given.
    public static let `default` = MatchLimits()
}
