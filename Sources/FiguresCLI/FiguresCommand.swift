import ArgumentParser
import Figures
import Foundation

@main
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Numeric claims about people in news articles: find them, and check them against each other.",
        subcommands: [ScanCommand.self, ExtractCommand.self, ReportCommand.self, RulesCommand.self, CorpusCommand.self, DiscrepancyCorpusCommand.self]
    )

    /// Runs the command. Bad usage and every error exit with status 2 (1 is kept for `report
    /// --fail-on`), with the message on standard error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch {
            let code = exitCode(for: error)
            if code == .success || isHelpRequest(error) {
                Self.exit(withError: error)
            }
            printError(fullMessage(for: error))
            Foundation.exit(2)
        }
    }

    private static func isHelpRequest(_ error: Error) -> Bool {
        fullMessage(for: error).hasPrefix("OVERVIEW:") || fullMessage(for: error).hasPrefix("USAGE:")
    }
}

/// Options every command that reads rule tables shares.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A rule table file or folder loaded after the standard tables (repeatable).")
    var rules: [String] = []

    func load() throws -> RuleBook {
        rules.isEmpty ? try RuleBook.standard() : try RuleBook.load(rules)
    }

    /// The tables for checking claims only: the standard rules' patterns are not compiled
    /// (tables given with `--rules` are, so that their errors are reported).
    func loadForChecking() throws -> RuleBook {
        try RuleBook.forChecking(rules)
    }
}

/// Writes bytes to standard output through a buffer.
struct Output {
    private var buffer: [UInt8] = []
    private let handle = FileHandle.standardOutput

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension ArticleReader.Format: ExpressibleByArgument {}
