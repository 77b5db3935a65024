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
        let writer = ChunkWriter(handle)
        report.write(format) { writer.write($0) }
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
/// the renderer; after a failed write, the rest is dropped.
private final class ChunkWriter: @unchecked Sendable {
    // SAFETY: `error` is written only on `queue`, and read only after `finish` has waited for
    // the queue to drain; the handle is used only on `queue`.
    private let handle: FileHandle
    private let queue = DispatchQueue(label: "figures.report.writer")
    /// Chunks handed over and not yet written, at most four (a few megabytes).
    private let room = DispatchSemaphore(value: 4)
    private var error: Error?

    init(_ handle: FileHandle) { self.handle = handle }

    /// Queues `chunk` for writing, waiting while four are queued.
    func write(_ chunk: [UInt8]) {
        room.wait()
        queue.async {
            defer { self.room.signal() }
            guard self.error == nil else { return }
            do { try self.handle.write(contentsOf: chunk) } catch { self.error = error }
        }
    }

    /// Waits until every chunk is written; the first error, if a write failed.
    func finish() -> Error? {
        queue.sync {}
        return error
    }
}
