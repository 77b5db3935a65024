import ArgumentParser
import Figures
import Foundation

struct DiscrepancyCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus-discrepancies",
        abstract: "Write a deterministic synthetic corpus with planted figure discrepancies, for testing the report.",
        discussion: """
        Writes <id>.txt per article, manifest.json, claims.jsonl (the claims a correct extractor \
        finds, with article records: `figures report --claims` reads it) and planted.json (every \
        discrepancy planted, with the claims it rests on). With --verify, reports on the known \
        claims (and, with --extract, on the claims extracted from the articles) and compares the \
        findings with what was planted; exits 1 unless every planted discrepancy is found and \
        nothing else.
        """
    )

    @Option(help: "The seed: the same seed and count give the same bytes.")
    var seed: UInt64 = 1

    @Option(help: "How many articles to write.")
    var count: Int = 100

    @Option(name: .shortAndLong, help: "The folder to write to (created if needed).")
    var output: String?

    @Flag(help: "Report on the corpus and compare the findings with what was planted.")
    var verify = false

    @Flag(help: "With --verify, also extract the claims from the articles and compare that report too.")
    var extract = false

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        guard count > 0 else { throw ValidationError("--count must be 1 or more") }
        guard output != nil || verify else { throw ValidationError("give --output DIR, --verify, or both") }
        let rules = try ruleOptions.load()
        let started = Date()
        let corpus = DiscrepancyCorpus(seed: seed, count: count, rules: rules)
        if let output { try corpus.write(to: output) }
        printError("figures corpus-discrepancies: \(corpus.articles.count) articles, \(corpus.claims.count) claims, \(corpus.planted.count) discrepancies planted (\(String(format: "%.2f", Date().timeIntervalSince(started))) s)")
        guard verify else { return }
        var exact = compare(corpus, Report(claims: corpus.claims, rules: rules), label: "known claims")
        if extract {
            var input = ReportInput()
            let session = Extractor(rules: rules).session()
            for article in corpus.articles { input.add(article: article, claims: try session.claims(in: article)) }
            exact = compare(corpus, Report(input: input, rules: rules), label: "extracted claims") && exact
        }
        if !exact { throw ExitCode(1) }
    }

    private func compare(_ corpus: DiscrepancyCorpus, _ report: Report, label: String) -> Bool {
        let result = corpus.compare(report)
        print("\(label): \(report.checks.count) checks, \(report.findings.count) findings; planted \(corpus.planted.count), found \(result.found), missed \(result.missed.count), extra \(result.extra.count)")
        for missed in result.missed.prefix(20) { print("  missed \(missed)") }
        for extra in result.extra.prefix(20) { print("  extra  \(extra.rule.name) \(extra.reason ?? "") [\(extra.evidence.map(\.id).joined(separator: ", "))]: \(extra.message)") }
        return result.isExact
    }
}
