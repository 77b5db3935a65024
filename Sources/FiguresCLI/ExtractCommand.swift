import ArgumentParser
import Figures
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the claims in the input as JSON Lines (or CSV).",
        discussion: """
        One claim a line: article, category, value, qualifier, low, high, unit, population, \
        modality, refers_to, attributed_to, start, end (UTF-8 byte offsets into the article, end \
        exclusive), text, sentence, rule, and id, part_of, list, whole, published, outlet. A \
        summary goes to standard error: articles read, with claims, without, failed.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    @Option(help: "Publication metadata for the articles, in the format of seeds/manifest.json.")
    var manifest: String?

    @Option(name: .customLong("input-format"), help: #"text (one article per file) or jsonl ({"id", "text", "published"} per line)."#)
    var inputFormat: ArticleReader.Format = .text

    @Option(help: "jsonl or csv.")
    var format: OutputFormat = .jsonl

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String] = ["-"]

    func run() throws {
        let rules = try ruleOptions.load()
        let manifest = try self.manifest.map(Manifest.read)
        let session = Extractor(rules: rules).session()
        var output = Output()
        var counts = (read: 0, with: 0, without: 0, failed: 0)
        if format == .csv { output.write(Array((ClaimCSV.header + "\n").utf8)) }
        for record in ArticleReader(paths: paths, format: inputFormat, manifest: manifest) {
            counts.read += 1
            switch record {
            case .failure(let id, let error):
                printError("figures extract: \(id): \(error)")
                counts.failed += 1
            case .article(let article):
                do {
                    let claims = try session.claims(in: article)
                    if claims.isEmpty { counts.without += 1 } else { counts.with += 1 }
                    var json = JSONWriter()
                    for claim in claims {
                        switch format {
                        case .jsonl: claim.write(to: &json)
                        case .csv: json.bytes.append(contentsOf: Array((ClaimCSV.row(claim) + "\n").utf8))
                        }
                    }
                    output.write(json.bytes)
                } catch {
                    printError("figures extract: \(article.id): \(error)")
                    counts.failed += 1
                }
            }
        }
        output.flush()
        printError("figures extract: \(counts.read) articles read, \(counts.with) with claims, \(counts.without) without, \(counts.failed) failed")
        if counts.failed > 0 { throw ExitCode(2) }
    }
}
