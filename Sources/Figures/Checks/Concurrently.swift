import Dispatch

/// Runs `first` and `second` at the same time, on two threads when a second core is free, and
/// returns when both have returned. A report over a million claims does several independent
/// pieces of work (parsing two halves of a chunk, two sets of rules over the same prepared
/// claims); on two cores they take the time of the longer one.
///
/// The two bodies must not write anything the other reads: each writes only its own result.
func concurrently(_ first: () -> Void, _ second: () -> Void) {
    withoutActuallyEscaping(second) { second in
        // `second` on a thread of the pool, `first` on this one (not a concurrentPerform, which
        // runs serially inside another).
        let other = OtherThread(second)
        DispatchQueue.global().async { other.run() }
        first()
        other.wait()
    }
}

/// The body ``concurrently(_:_:)`` runs on another thread.
// SAFETY: `body` is read and cleared on the other thread only, before `done` is signalled, and
// the waiting thread reads nothing of it.
private final class OtherThread: @unchecked Sendable {
    private var body: (() -> Void)?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () -> Void) { self.body = body }

    /// Runs the body and lets it go (it must not outlive `concurrently`), then says so.
    func run() {
        if let body { body() }
        body = nil
        done.signal()
    }

    func wait() { done.wait() }
}
