import ArgumentParser
import Figures
import Foundation

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Write a deterministic synthetic news corpus with known claims.",
        discussion: """
        The same seed, density and size always give the same bytes. --format text writes a folder \
        of <id>.txt files with manifest.json and gold.json; --format jsonl writes one file of \
        {"id", "text", "published"} lines with <name>.gold.json beside it. The gold files use the \
        format of seeds.gold.json (plus byte offsets), so the extractor can be scored on them.
        """
    )

    @Option(help: "Bytes of article text to write, at least: 100MB, 1.5GB, 64KiB, 500000 (KB, MB, GB are powers of 1000; KiB, MiB, GiB of 1024).")
    var size: ByteSize = ByteSize(bytes: 100_000_000)

    @Option(help: "dense (many figures per paragraph, like the seeds) or sparse (one figure per several paragraphs).")
    var density: NewsCorpus.Density = .dense

    @Option(help: "The seed.")
    var seed: UInt64 = 1

    @Option(help: "text (a folder of .txt files) or jsonl (one JSON Lines file).")
    var format: NewsCorpus.Format = .text

    @Option(help: "The folder (text) or file (jsonl) to write.")
    var output: String

    func run() throws {
        let corpus = NewsCorpus(seed: seed, density: density)
        let clock = ContinuousClock()
        let start = clock.now
        let summary = try corpus.write(size: size.bytes, format: format, to: output)
        let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
        printError("figures corpus: \(summary.articles) articles, \(summary.bytes) bytes, \(summary.claims) claims, "
                   + "\(summary.figures) figures in \(summary.paragraphs) paragraphs, written in \(String(format: "%.1f", seconds)) s: "
                   + summary.files.joined(separator: ", "))
    }
}

/// A size with an optional unit: 100MB, 1.5GB, 64KiB, 500000.
struct ByteSize: ExpressibleByArgument {
    let bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let units: [(String, Double)] = [("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9),
                                         ("K", 1e3), ("M", 1e6), ("G", 1e9), ("B", 1)]
        var number = Substring(argument.trimmingCharacters(in: .whitespaces))
        var scale = 1.0
        for (suffix, factor) in units where number.uppercased().hasSuffix(suffix.uppercased()) {
            number = number.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value >= 0 else { return nil }
        bytes = Int(value * scale)
    }
}

extension NewsCorpus.Density: ExpressibleByArgument {}
extension NewsCorpus.Format: ExpressibleByArgument {}
