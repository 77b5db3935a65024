import ArgumentParser
import Figures
import Foundation

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Print every number and date in the input as JSON Lines.",
        discussion: """
        One record per number or date: article, layer (number or date), text, start, end (UTF-8 \
        byte offsets, end exclusive), kind, value, low, high, rule. Relative dates resolve against \
        --reference-date, else the article's own header or dateline.
        """
    )

    @Option(name: .customLong("reference-date"), help: "The publication date relative dates resolve against (YYYY-MM-DD).")
    var referenceDate: String?

    @Option(name: .customLong("input-format"), help: "text (one article per file) or jsonl ({\"id\", \"text\", \"published\"} per line).")
    var inputFormat: ArticleReader.Format = .text

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String] = ["-"]

    func run() throws {
        var reference: Day? = nil
        if let referenceDate {
            guard let day = Day(iso: referenceDate) else { throw ValidationError("--reference-date must be YYYY-MM-DD, not \(referenceDate)") }
            reference = day
        }
        let rules = try ruleOptions.load()
        let session = Lexer(rules: rules).session()
        var output = Output()
        var failed = 0
        for record in ArticleReader(paths: paths, format: inputFormat) {
            switch record {
            case .failure(_, let error):
                printError("figures scan: \(error)")
                failed += 1
            case .article(var article):
                if let reference { article.published = reference }
                try session.resolvePublication(of: &article)
                var json = JSONWriter()
                try article.bytes.withUnsafeBufferPointer { bytes in
                    for mention in try session.mentions(in: bytes, published: article.published) {
                        mention.write(article: article.id, bytes: bytes, to: &json)
                    }
                }
                output.write(json.bytes)
            }
        }
        output.flush()
        if failed > 0 { throw ExitCode(2) }
    }
}
