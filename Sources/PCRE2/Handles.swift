import CPCRE2

// Every PCRE2 pointer the wrapper holds lives in one of these owners; each frees its pointer
// exactly once, in deinit. Nothing outside this module sees a pointer.

/// Owns a compiled (and, when possible, JIT-compiled) pattern.
// SAFETY: the code is never modified after compilation and JIT compilation, both of which finish
// in init; pcre2_match on shared code is thread-safe (pcre2api, "Multithreading").
final class CodeHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { pcre2_code_free_8(pointer) }
}

/// Owns a match context holding limits only (no JIT stack).
// SAFETY: the context is configured in init and never changed afterwards; PCRE2 documents that an
// unchanging context may be used by many threads at once.
final class SharedMatchContext: @unchecked Sendable {
    let pointer: OpaquePointer

    init(limits: MatchLimits) {
        guard let context = pcre2_match_context_create_8(nil) else {
            fatalError("PCRE2: out of memory creating a match context")
        }
        pcre2_set_match_limit_8(context, limits.match)
        pcre2_set_depth_limit_8(context, limits.depth)
        pcre2_set_heap_limit_8(context, limits.heapKiB)
        pointer = context
    }
    deinit { pcre2_match_context_free_8(pointer) }
}

/// Owns match data (the ovector) sized for one pattern. Not shared between threads.
final class MatchDataHandle {
    let pointer: OpaquePointer
    let ovector: UnsafeMutablePointer<Int>
    let pairs: Int

    init(code: CodeHandle) {
        guard let data = pcre2_match_data_create_from_pattern_8(code.pointer, nil) else {
            fatalError("PCRE2: out of memory creating match data")
        }
        pointer = data
        pairs = Int(pcre2_get_ovector_count_8(data))
        ovector = UnsafeMutableRawPointer(pcre2_get_ovector_pointer_8(data)!)
            .assumingMemoryBound(to: Int.self)
    }
    deinit { pcre2_match_data_free_8(pointer) }
}

/// Owns a JIT stack and a private match context that uses it. Not shared between threads.
final class JITStackContext {
    let stack: OpaquePointer
    let context: OpaquePointer

    /// - Parameter maxBytes: the most the stack may grow to.
    init(limits: MatchLimits, maxBytes: Int) {
        guard let stack = pcre2_jit_stack_create_8(32 * 1024, maxBytes, nil),
              let context = pcre2_match_context_create_8(nil) else {
            fatalError("PCRE2: out of memory creating a JIT stack")
        }
        pcre2_set_match_limit_8(context, limits.match)
        pcre2_set_depth_limit_8(context, limits.depth)
        pcre2_set_heap_limit_8(context, limits.heapKiB)
        pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(stack))
        self.stack = stack
        self.context = context
    }
    deinit {
        pcre2_match_context_free_8(context)
        pcre2_jit_stack_free_8(stack)
    }
}
