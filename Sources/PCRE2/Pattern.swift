import CPCRE2

/// A compiled PCRE2 pattern: compiled once, JIT-compiled when the platform allows, and safe to
/// share between threads.
///
/// Subjects are UTF-8 bytes and every offset is a byte offset. The convenience methods
/// (``firstMatch(in:from:)-(String,_)``, ``matches(in:)-(String)``) allocate their match data per
/// call; hot loops use a ``Matcher``, which owns its match data and JIT stack and is reused by one
/// thread.
///
/// ```swift
/// let toll = try Pattern(#"(?<n>\d[\d,]*) (?:people )?(?:were )?killed"#, options: .caseless)
/// for m in try toll.matches(in: "12 killed; 1,200 people were killed") {
///     print(m.range(of: "n")!)   // 0..<2, then 11..<16
/// }
/// ```
public final class Pattern: Sendable {
    /// The pattern as written.
    public let source: String
    /// The options it was compiled with.
    public let options: CompileOptions
    /// The limits applied to each match.
    public let limits: MatchLimits
    /// The number of capture groups (not counting group 0, the whole match).
    public let captureCount: Int
    /// Capture-group numbers by name (the lowest, when names repeat).
    public let groupNames: [String: Int]
    /// Every group number of each name, ascending: several with ``CompileOptions/duplicateNames``.
    public let namedGroups: [String: [Int]]
    /// `true` when the pattern was JIT-compiled; `false` when matching uses the interpreter.
    public let isJITCompiled: Bool

    let code: CodeHandle
    let sharedContext: SharedMatchContext
    /// Matching may call the JIT code directly (``Matcher``): it is JIT-compiled, and either
    /// not UTF or safe on invalid UTF, so `pcre2_match` would have nothing to check.
    let jitFastPath: Bool

    /// Compiles `source`.
    ///
    /// - Throws: ``PCRE2Error`` of kind ``PCRE2Error/Kind/compile`` with PCRE2's message and the
    ///   byte offset in `source` where compilation failed.
    public init(_ source: String, options: CompileOptions = [], limits: MatchLimits = .default) throws(PCRE2Error) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled: OpaquePointer? = source.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count + 1) {
                pcre2_compile_8($0, source.utf8.count, options.pcre2Bits, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PCRE2Error(kind: .compile, code: errorCode, offset: errorOffset)
        }
        let code = CodeHandle(compiled)
        var jit = false
        if !options.contains(.noJIT) {
            // Complete matches for normal use, hard partial matches for prefix probing.
            jit = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE | PCRE2_JIT_PARTIAL_HARD) == 0
        }
        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)

        self.source = source
        self.options = options
        self.limits = limits
        self.code = code
        self.isJITCompiled = jit
        self.captureCount = Int(captures)
        self.namedGroups = Pattern.readNameTable(compiled)
        self.groupNames = namedGroups.mapValues { $0[0] }
        self.sharedContext = SharedMatchContext(limits: limits)
        let bits = options.pcre2Bits
        self.jitFastPath = jit && (bits & PCRE2_UTF == 0 || bits & PCRE2_MATCH_INVALID_UTF != 0)
    }

    private static func readNameTable(_ code: OpaquePointer) -> [String: [Int]] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard count > 0, let table else { return [:] }
        var names: [String: [Int]] = [:]
        for index in 0..<Int(count) {
            let entry = table + index * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            names[String(cString: entry + 2), default: []].append(number)
        }
        return names.mapValues { $0.sorted() }
    }

    // MARK: - Matching

    /// The first match at or after byte `offset` of `subject`, or `nil`.
    public func firstMatch(in subject: String, from offset: Int = 0) throws(PCRE2Error) -> Match? {
        try withBytes(of: subject) { (bytes) throws(PCRE2Error) in try firstMatch(in: bytes, from: offset) }
    }

    /// The first match at or after byte `offset` of `subject`, or `nil`.
    public func firstMatch(in subject: [UInt8], from offset: Int = 0) throws(PCRE2Error) -> Match? {
        try subject.withUnsafeBufferPointer { (bytes) throws(PCRE2Error) in try firstMatch(in: bytes, from: offset) }
    }

    /// The first match at or after byte `offset` of the bytes in `subject`, or `nil`. The bytes
    /// are not copied.
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from offset: Int = 0) throws(PCRE2Error) -> Match? {
        let matcher = Matcher(self)
        return try matcher.matches(subject, from: offset) ? matcher.match : nil
    }

    /// Whether the pattern matches anywhere in `subject`.
    public func isMatch(_ subject: String) throws(PCRE2Error) -> Bool {
        try firstMatch(in: subject) != nil
    }

    /// Every non-overlapping match in `subject`, left to right.
    ///
    /// After an empty match the search retries at the same place for a non-empty match, then
    /// moves on by one whole UTF-8 character, as Perl does; so `x*` over "axb" gives 0..<0,
    /// 1..<2, 2..<2 and 3..<3.
    public func matches(in subject: String) throws(PCRE2Error) -> [Match] {
        try withBytes(of: subject) { (bytes) throws(PCRE2Error) in try matches(in: bytes) }
    }

    /// Every non-overlapping match in `subject`, left to right.
    public func matches(in subject: [UInt8]) throws(PCRE2Error) -> [Match] {
        try subject.withUnsafeBufferPointer { (bytes) throws(PCRE2Error) in try matches(in: bytes) }
    }

    /// Every non-overlapping match in the bytes of `subject`, left to right.
    public func matches(in subject: UnsafeBufferPointer<UInt8>) throws(PCRE2Error) -> [Match] {
        let matcher = Matcher(self)
        var results: [Match] = []
        var offset = 0
        var options: MatchOptions = []
        while offset <= subject.count {
            if try matcher.matches(subject, from: offset, options: options) {
                let range = matcher.range
                results.append(matcher.match)
                offset = range.upperBound
                options = range.isEmpty ? [.notEmptyAtStart, .anchored] : []
            } else if options.isEmpty {
                break
            } else {
                // No non-empty match at the place of the last empty match: step one character.
                options = []
                offset += 1
                while offset < subject.count, subject[offset] & 0xC0 == 0x80 { offset += 1 }
            }
        }
        return results
    }

    // MARK: - Introspection used by scanners

    /// The bytes a match can start with, from PCRE2's start-of-match analysis; `nil` when PCRE2
    /// could not work it out (then a match may start with any byte).
    public var possibleFirstBytes: [Bool]? {
        var type: UInt32 = 0
        pcre2_pattern_info_8(code.pointer, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type)
        if type == 1 {
            var unit: UInt32 = 0
            pcre2_pattern_info_8(code.pointer, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &unit)
            var set = [Bool](repeating: false, count: 256)
            set[Int(unit & 0xFF)] = true
            if options.contains(.caseless), let scalar = Unicode.Scalar(unit), scalar.isASCII {
                let c = Character(scalar)
                for other in [c.lowercased(), c.uppercased()] { set[Int(other.utf8.first!)] = true }
            }
            return set
        }
        var bitmap: UnsafePointer<UInt8>? = nil
        guard pcre2_pattern_info_8(code.pointer, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap) == 0,
              let bitmap else { return nil }
        return (0..<256).map { bitmap[$0 / 8] & (1 << ($0 % 8)) != 0 }
    }

    /// Whether some subject beginning with `prefix` could match, at offset 0: a hard partial
    /// match (the subject ran out while the pattern could still go on) or a full match counts.
    ///
    /// Scanners use it once, at load time, to build tables of the byte pairs a rule can start
    /// with. It runs the interpreter and allocates; do not call it per match.
    public func canMatch(prefix: [UInt8]) throws(PCRE2Error) -> Bool {
        let matcher = Matcher(self)
        return try prefix.withUnsafeBufferPointer { (bytes) throws(PCRE2Error) in try matcher.canMatch(prefix: bytes) }
    }

    // MARK: - Internals

    // SAFETY: one byte allocated once and never written after initialization; PCRE2 only reads
    // it, and with a length of zero never reads it at all.
    nonisolated(unsafe) static let emptySubject: UnsafePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    private func withBytes<R>(of string: String, _ body: (UnsafeBufferPointer<UInt8>) throws(PCRE2Error) -> R) throws(PCRE2Error) -> R {
        // Native Swift strings are contiguous UTF-8: no copy. Bridged ones are copied once.
        let result: Result<R, PCRE2Error>? = string.utf8.withContiguousStorageIfAvailable { bytes in
            do throws(PCRE2Error) { return .success(try body(bytes)) } catch { return .failure(error) }
        }
        if let result { return try result.get() }
        return try Array(string.utf8).withUnsafeBufferPointer { (bytes) throws(PCRE2Error) in try body(bytes) }
    }
}
