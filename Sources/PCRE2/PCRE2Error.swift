import CPCRE2

/// The one error type of the PCRE2 wrapper.
///
/// It carries what went wrong (``kind``), PCRE2's own error ``code`` and ``message``, and, for
/// compile errors, the byte ``offset`` in the pattern where PCRE2 gave up.
///
/// ```swift
/// do { _ = try Pattern("a(b") } catch {
///     print(error.kind, error.offset ?? -1, error.message) // compile 3 missing closing parenthesis
/// }
/// ```
public struct PCRE2Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the failing operation was, and for match failures which limit was hit.
    public enum Kind: String, Sendable, Equatable {
        /// The pattern did not compile; ``PCRE2Error/offset`` is the byte offset in the pattern.
        case compile
        /// JIT compilation failed (rare: the wrapper falls back to the interpreter when it can).
        case jit
        /// Matching stopped because the pattern's match limit was reached (backtracking ran away).
        case matchLimit
        /// Matching stopped because the depth limit was reached.
        case depthLimit
        /// Matching stopped because the heap limit was reached.
        case heapLimit
        /// The JIT stack was too small even after the wrapper retried with a large one.
        case jitStackLimit
        /// Any other matching error (for example a bad offset).
        case match
    }

    /// What failed.
    public let kind: Kind
    /// PCRE2's negative error code (for example -47 for the match limit).
    public let code: Int32
    /// PCRE2's message for ``code``.
    public let message: String
    /// For ``Kind/compile``: the byte offset in the pattern where the error was found.
    public let offset: Int?

    /// Creates an error from PCRE2's code.
    init(kind: Kind, code: Int32, offset: Int? = nil) {
        self.kind = kind
        self.code = code
        self.message = PCRE2Error.message(for: code)
        self.offset = offset
    }

    /// Creates an error for a match failure, choosing the kind from the code.
    init(matchCode code: Int32) {
        let kind: Kind
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: kind = .matchLimit
        case PCRE2_ERROR_DEPTHLIMIT: kind = .depthLimit
        case PCRE2_ERROR_HEAPLIMIT: kind = .heapLimit
        case PCRE2_ERROR_JIT_STACKLIMIT: kind = .jitStackLimit
        default: kind = .match
        }
        self.init(kind: kind, code: code)
    }

    /// `true` for the errors that mean "this pattern took too much work", as opposed to bugs.
    public var isResourceLimit: Bool {
        switch kind {
        case .matchLimit, .depthLimit, .heapLimit, .jitStackLimit: return true
        default: return false
        }
    }

    public var description: String {
        if let offset { return "PCRE2 \(kind.rawValue) error \(code) at offset \(offset): \(message)" }
        return "PCRE2 \(kind.rawValue) error \(code): \(message)"
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        guard count > 0 else { return "unknown PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(count)], as: UTF8.self)
    }
}
