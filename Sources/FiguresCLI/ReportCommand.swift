import ArgumentParser
import Figures
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Check claims against each other and report discrepancies.",
        discussion: """
        Extracts the claims of the articles in PATH... (or reads claims extracted earlier with \
        --claims, maybe by many machines: the report is the same), groups the claims that count \
        the same thing, runs every check, and writes every finding with the claims it rests on, \
        every check that passed, and every input article.

        Exit status: 0 when no finding at or above --fail-on exists, 1 when one does, 2 when an \
        input or the rule tables cannot be read (the report is still written).
        """
    )

    @Option(help: "Publication metadata for the articles, in the format of seeds/manifest.json.")
    var manifest: String?

    @Option(help: "md (Markdown), json, csv or html.")
    var format: String = "md"

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding of this severity or above exists: info, warning or error.")
    var failOn: String = "info"

    @Option(name: .customLong("stale-after"), help: "Days by which a figure must be older than another of its series published the same day to be stale.")
    var staleAfter: Int = 30

    @Option(name: .customLong("claims"), parsing: .upToNextOption,
            help: "Claims files (JSON Lines, as `figures extract` writes them; - for standard input) to report on instead of, or besides, extracting from PATHs.")
    var claims: [String] = []

    @Option(name: .customLong("input-format"), help: #"text (one article per file) or jsonl ({"id", "text", "published"} per line)."#)
    var inputFormat: ArticleReader.Format = .text

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "Article files or folders to extract claims from.")
    var paths: [String] = []

    func run() throws {
        guard let format = Report.Format(rawValue: format) else { throw failure("--format must be md, json, csv or html, not '\(self.format)'") }
        guard let failOn = Severity(rawValue: failOn) else { throw failure("--fail-on must be info, warning or error, not '\(self.failOn)'") }
        guard staleAfter >= 0 else { throw failure("--stale-after must be a number of days, 0 or more") }
        guard !claims.isEmpty || !paths.isEmpty else { throw failure("give article files or folders, or --claims FILE...") }
        let report: Report
        do {
            // Claims read from files need only the tables; extracting needs the rules compiled.
            let rules = try paths.isEmpty ? ruleOptions.loadForChecking() : ruleOptions.load()
            let manifest = try self.manifest.map(Manifest.read)
            var input = ReportInput()
            let t0 = Date()
            for path in claims { try input.read(claimsFile: path) }
            if ProcessInfo.processInfo.environment["FIGURES_TIMING"] != nil { printError("TIMING read \(Date().timeIntervalSince(t0))") }
            if !paths.isEmpty { try extract(into: &input, rules: rules, manifest: manifest) }
            if let manifest { input.add(manifest: manifest) }
            report = Report(input: input, rules: rules, options: Checker.Options(staleAfterDays: staleAfter))
        } catch {
            throw failure("\(error)")
        }
        // Written a chunk at a time: a report over a million claims is never held whole.
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let file = FileHandle(forWritingAtPath: output) else {
                throw failure("cannot write \(output)")
            }
            handle = file
        } else {
            handle = .standardOutput
        }
        let t1 = Date()
        defer { if ProcessInfo.processInfo.environment["FIGURES_TIMING"] != nil { printError("TIMING write \(Date().timeIntervalSince(t1))") } }
        // Written on a thread of its own: writing a report of gigabytes takes the system about as
        // long as making it, and on two cores the two overlap.
        // (Directly, without the page cache, only into the file `--output` made: a descriptor the
        // shell hands over may be shared with what comes after.)
        let writer = ChunkWriter(handle, direct: output != nil && ProcessInfo.processInfo.environment["FIGURES_BUFFERED_OUTPUT"] == nil)
        report.write(inPlace: format) { writer.write(&$0) }
        let writeError = writer.finish()
        if output != nil { try? handle.close() }
        if let writeError { throw failure("cannot write \(output ?? "the report"): \(writeError)") }
        for bad in report.errors { printError("figures report: \(bad.entry.id): \(bad.entry.error!)") }
        printError("figures report: \(report.summary)")
        let status = report.exitStatus(failOn: failOn)
        // The process ends here: freeing a million claims and checks one by one would only take
        // time (a few percent of the run), so the report is left to the exit.
        _ = Unmanaged.passRetained(ReportHolder(report))
        if status != 0 { throw ExitCode(status) }
    }

    /// Extracts the claims of every article; an article that cannot be read or processed is
    /// listed in the report with its error.
    private func extract(into input: inout ReportInput, rules: RuleBook, manifest: Manifest?) throws {
        let extractor = Extractor(rules: rules).session()
        let lexer = Lexer(rules: rules).session()
        for record in ArticleReader(paths: paths, format: inputFormat, manifest: manifest) {
            switch record {
            case .failure(let id, let error):
                input.add(failure: id, error: error.description)
            case .article(var article):
                do {
                    try lexer.resolvePublication(of: &article)
                    input.add(article: article, claims: try extractor.claims(in: article))
                } catch {
                    input.add(failure: article.id, error: "\(error)")
                }
            }
        }
    }

    /// Prints `message` and gives the exit status for errors.
    private func failure(_ message: String) -> ExitCode {
        printError("figures report: \(message)")
        return ExitCode(2)
    }
}

/// Keeps a report alive until the process exits (see ``ReportCommand/run()``).
private final class ReportHolder {
    let report: Report
    init(_ report: Report) { self.report = report }
}

/// Writes the chunks of a report to a file in order, on a thread of its own, a few chunks behind
/// the renderer; after a failed write, the rest is dropped. The arrays written are given back to
/// the renderer to fill again: a report of gigabytes written from fresh arrays made the system
/// find (and zero) a fresh page for every 4 kB of it, about a second of a one-core run for 2 GB.
private final class ChunkWriter: @unchecked Sendable {
    // SAFETY: `error` is written only on `queue`, and read only after `finish` has waited for
    // the queue to drain; the handle is used only on `queue`; `spare` only under `lock`.
    private let handle: FileHandle
    /// The file written without the page cache, when the output is one (see ``DirectFile``).
    private let direct: DirectFile?
    private let queue = DispatchQueue(label: "figures.report.writer")
    /// Chunks handed over and not yet written, at most four (a few megabytes).
    private let room = DispatchSemaphore(value: 4)
    private var error: Error?
    /// Arrays written, to be filled again.
    private var spare: [[UInt8]] = []
    private let lock = NSLock()

    init(_ handle: FileHandle, direct: Bool) {
        self.handle = handle
        self.direct = direct ? DirectFile(handle.fileDescriptor) : nil
    }

    /// Takes `chunk` for writing, leaving an array written earlier (emptied, its capacity kept)
    /// in its place; waits while four are queued.
    func write(_ chunk: inout [UInt8]) {
        room.wait()
        lock.lock()
        let next = spare.popLast() ?? []
        lock.unlock()
        let full = Chunk(next)
        swap(&full.bytes, &chunk)
        queue.async {
            var bytes = full.take()
            if self.error == nil {
                do {
                    if let direct = self.direct { try direct.write(bytes) } else { try self.handle.write(contentsOf: bytes) }
                } catch {
                    self.error = error
                }
            }
            bytes.removeAll(keepingCapacity: true)
            self.lock.lock()
            self.spare.append(consume bytes)
            self.lock.unlock()
            self.room.signal()
        }
    }

    /// An array on its way to the writing thread (a box, so that the array has one owner and
    /// its memory can be kept when it is emptied).
    private final class Chunk: @unchecked Sendable {
        // SAFETY: `bytes` is set before the block that takes it is queued, and only that block
        // reads it.
        var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func take() -> [UInt8] {
            var taken: [UInt8] = []
            swap(&taken, &bytes)
            return taken
        }
    }

    /// Waits until every chunk is written; the first error, if a write failed.
    func finish() -> Error? {
        queue.sync {
            guard let direct, error == nil else { return }
            do { try direct.finish() } catch { self.error = error }
        }
        return error
    }
}

/// A regular file written with `O_DIRECT`, a megabyte at a time, from memory of its own: the
/// system copies nothing into its page cache. Writing a report of 2 GB through the page cache
/// took the system 2 to 5 s of one core on this machine (a virtual machine that hands a page
/// to its guest anew each time the guest uses a free one), writing it directly 0.2 s.
///
/// The file is opened a second time (through `/proc/self/fd`), so that the descriptor the
/// process was given keeps its flags; the last piece, less than a megabyte, is written through
/// that descriptor as usual, and its offset is left at the end of the report, as after writing
/// it there. When the output is not a regular file, is opened to append, or does not start at a
/// multiple of 4 kB, or a direct write is refused, the report is written the usual way.
private final class DirectFile {
    // SAFETY of use: only the writer's queue calls `write` and `finish`.
    private let descriptor: Int32
    private var direct: Int32
    /// Where the bytes held in `buffer` go in the file.
    private var offset: off_t
    private let buffer: UnsafeMutableRawPointer
    private var held = 0
    static let size = 1 << 20

    #if arch(x86_64)
    private static let O_DIRECT: Int32 = 0o40000
    #elseif arch(arm64) || arch(aarch64)
    private static let O_DIRECT: Int32 = 0o200000
    #endif

    init?(_ descriptor: Int32) {
        #if os(Linux) && (arch(x86_64) || arch(arm64) || arch(aarch64))
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, flags & O_APPEND == 0 else { return nil }
        let start = lseek(descriptor, 0, SEEK_CUR)
        guard start >= 0, start % 4096 == 0 else { return nil }
        let direct = open("/proc/self/fd/\(descriptor)", O_WRONLY | O_CLOEXEC | DirectFile.O_DIRECT)
        guard direct >= 0 else { return nil }
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, 4096, DirectFile.size) == 0, let memory else {
            close(direct)
            return nil
        }
        self.descriptor = descriptor
        self.direct = direct
        self.offset = start
        self.buffer = memory
        #else
        return nil
        #endif
    }

    deinit {
        if direct >= 0 { close(direct) }
        free(buffer)
    }

    /// Writes `bytes` after those written so far.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { source in
            var from = 0
            while from < source.count {
                let n = min(DirectFile.size - held, source.count - from)
                (buffer + held).copyMemory(from: source.baseAddress! + from, byteCount: n)
                held += n
                from += n
                if held == DirectFile.size { try flush() }
            }
        }
    }

    /// Writes what is held, and leaves the descriptor's offset at the end.
    func finish() throws {
        try flush()
        guard lseek(descriptor, offset, SEEK_SET) >= 0 else { throw POSIXError(errno) }
    }

    /// Writes the bytes held: directly when they fill the buffer, else through the descriptor.
    private func flush() throws {
        var done = 0
        if held == DirectFile.size, direct >= 0 {
            let n = pwrite(direct, buffer, held, offset)
            if n == held {
                done = held
            } else {
                // Refused (or cut short): the rest of the report goes the usual way.
                close(direct)
                direct = -1
                if n > 0 { done = n }
            }
        }
        while done < held {
            let n = pwrite(descriptor, buffer + done, held - done, offset + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(errno)
            }
            done += n
        }
        offset += off_t(held)
        held = 0
    }
}

extension POSIXError {
    init(_ code: Int32) { self.init(POSIXErrorCode(rawValue: code) ?? .EIO) }
}
