import Dispatch

/// Runs `first` and `second` at the same time, on two threads when a second core is free, and
/// returns when both have returned. A report over a million claims does several independent
/// pieces of work (parsing two halves of a chunk, two sets of rules over the same prepared
/// claims); on two cores they take the time of the longer one.
///
/// The two bodies must not write anything the other reads: each writes only its own result.
func concurrently(_ first: () -> Void, _ second: () -> Void) {
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let bodies = Bodies(first: first, second: second)
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                if k == 0 { bodies.first() } else { bodies.second() }
            }
        }
    }
}

/// The two bodies of ``concurrently(_:_:)``.
// SAFETY: each body runs exactly once, on one thread, and both have returned before
// `concurrently` does; the caller promises that neither writes what the other reads.
private struct Bodies: @unchecked Sendable {
    let first: () -> Void
    let second: () -> Void
}
