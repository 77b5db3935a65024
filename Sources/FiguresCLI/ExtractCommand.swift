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

    @Flag(name: .customLong("articles"), help: "After each article's claims, write an article record ({\"article\", \"published\", \"outlet\", \"url\", \"claims\"} or \"error\"), so that `figures report --claims` lists articles without claims too.")
    var withArticles = false

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var ruleOptions: RuleOptions

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String] = ["-"]

    func run() throws {
        let rules = try ruleOptions.load()
        let manifest = try self.manifest.map(Manifest.read)
        let extractor = Extractor(rules: rules)
        var output = Output()
        var counts = (read: 0, with: 0, without: 0, failed: 0)
        if format == .csv { output.write(Array((ClaimCSV.header + "\n").utf8)) }

        // Articles are read in batches, extracted on all cores, and written in input order.
        var batch: [ArticleReader.Record] = []
        var batchBytes = 0
        func flush() {
            let articles = batch.compactMap { if case .article(let a) = $0 { return a } else { return nil } }
            var outcomes = extractor.process(articles, workers: jobs).makeIterator()
            for record in batch {
                counts.read += 1
                switch record {
                case .failure(let id, let error):
                    // A line that gave no id is named by its place, which the error says already.
                    let placeID = error.line.map { "\(ArticleReader.id(of: error.source)):\($0)" }
                    printError(id == placeID || id == ArticleReader.id(of: error.source) ? "figures extract: \(error)" : "figures extract: \(id): \(error)")
                    counts.failed += 1
                    if withArticles {
                        var json = JSONWriter()
                        ReportInput.writeRecord(.init(id: id, error: error.description), claims: 0, to: &json)
                        output.write(json.bytes)
                    }
                case .article:
                    let outcome = outcomes.next()!
                    switch outcome.result {
                    case .success(let claims):
                        if claims.isEmpty { counts.without += 1 } else { counts.with += 1 }
                        var json = JSONWriter(capacity: 512 * max(1, claims.count))
                        for claim in claims {
                            switch format {
                            case .jsonl: claim.write(to: &json)
                            case .csv: json.bytes.append(contentsOf: Array((ClaimCSV.row(claim) + "\n").utf8))
                            }
                        }
                        if withArticles {
                            let a = outcome.article
                            ReportInput.writeRecord(.init(id: a.id, published: a.published, outlet: a.outlet, url: a.url), claims: claims.count, to: &json)
                        }
                        output.write(json.bytes)
                    case .failure(let error):
                        printError("figures extract: \(outcome.article.id): \(error)")
                        counts.failed += 1
                        if withArticles {
                            var json = JSONWriter()
                            ReportInput.writeRecord(.init(id: outcome.article.id, error: "\(error)"), claims: 0, to: &json)
                            output.write(json.bytes)
                        }
                    }
                }
            }
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
        }
        for record in ArticleReader(paths: paths, format: inputFormat, manifest: manifest) {
            batch.append(record)
            if case .article(let a) = record { batchBytes += a.bytes.count }
            if batch.count >= 4096 || batchBytes >= 8 << 20 { flush() }
        }
        flush()
        output.flush()
        printError("figures extract: \(counts.read) articles read, \(counts.with) with claims, \(counts.without) without, \(counts.failed) failed")
        if counts.failed > 0 { throw ExitCode(2) }
    }
}
