import Dispatch
import Foundation

/// Runs `first` and `second` at the same time, on two threads when a second core is free, and
/// returns when both have returned. A report over a million claims does several independent
/// pieces of work (parsing two halves of a chunk, two sets of rules over the same prepared
/// claims); on two cores they take the time of the longer one. When the process may run on one
/// core only (`taskset -c 0`), they run one after the other: two threads taking turns on one
/// core would only evict each other's data from its caches.
///
/// The two bodies must not write anything the other reads: each writes only its own result.
func concurrently(_ first: () -> Void, _ second: () -> Void) {
    guard mayUseSeveralCores else {
        first()
        second()
        return
    }
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

/// Whether this process may run on more than one core: the cores of its affinity mask
/// (`Cpus_allowed` in `/proc/self/status`), read once; `true` when it cannot be read.
let mayUseSeveralCores: Bool = {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else { return true }
    var cores = 0
    for digit in line.dropFirst("Cpus_allowed:".count) {
        guard let bits = digit.hexDigitValue else { continue }
        cores += bits.nonzeroBitCount
    }
    return cores != 1
}()
