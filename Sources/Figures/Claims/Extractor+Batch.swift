import Foundation
import Dispatch
import Synchronization

extension Extractor {
    /// One article's outcome in a batch: the article (with its publication date filled in from a
    /// header or dateline when it had none) and its claims, or the error that stopped it.
    public struct Outcome: Sendable {
        public let article: Article
        public let result: Result<[Claim], Error>
    }

    /// Extracts the claims of many articles on all cores (or `workers` threads), and returns the
    /// outcomes in the order of the input. Each worker has its own matchers; an article that
    /// fails does not stop the others.
    public func process(_ articles: [Article], workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Outcome] {
        guard !articles.isEmpty else { return [] }
        let count = articles.count
        let threads = max(1, min(workers, count))
        let slots = UnsafeMutableBufferPointer<Outcome?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize() // the outcomes' arrays and strings are released here
            slots.deallocate()
        }
        let next = Atomic<Int>(0)
        let output = SendableSlots(slots)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let session = self.session()
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { break }
                let article = articles[index]
                let outcome: Outcome
                do {
                    let (resolved, claims) = try session.process(article)
                    outcome = Outcome(article: resolved, result: .success(claims))
                } catch {
                    outcome = Outcome(article: article, result: .failure(error))
                }
                output.slots[index] = outcome // each index is written by exactly one worker
            }
        }
        return slots.map { $0! }
    }
}

/// The result slots of a batch, written by the workers.
// SAFETY: every slot is written by one worker only (indexes come from an atomic counter), and
// read only after concurrentPerform has returned.
private struct SendableSlots<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T>
    init(_ slots: UnsafeMutableBufferPointer<T>) { self.slots = slots }
}
