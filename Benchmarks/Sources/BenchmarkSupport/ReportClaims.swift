import Figures
import Foundation

/// The claims the report benchmarks check: generated in process from a seed, so that every run
/// and every machine checks the same claims, shaped like those of a large news corpus (articles
/// of a dozen or so claims each, nine categories, eight places, named groups and everyone,
/// figures given for a day or as running totals since one of a few starts, some with bounds),
/// so that every rule of the report has work to do: conflicts, reversals, stale figures, parts
/// over their whole.
public enum ReportClaims {
    /// How many claims the benchmarks check, overridable with `FIGURES_BENCH_CLAIMS`.
    public static var defaultCount: Int {
        ProcessInfo.processInfo.environment["FIGURES_BENCH_CLAIMS"].flatMap(Int.init) ?? 100_000
    }

    /// The seed of every generated claim set.
    public static let seed: UInt64 = 1

    static let categories = ["killed", "injured", "missing", "captives_taken", "captives_held", "captives_released",
                             "prisoners_held", "prisoners_released", "displaced"]
    static let places = ["Gaza", "Sudan", "Ukraine", "Haiti", "Myanmar", "Yemen", "Syria", "DR Congo"]
    static let populations: [String?] = [nil, nil, "Palestinians", "children", "women", "civilians", "soldiers", "Israelis"]
    static let outlets: [String?] = [nil, "Reuters", "AP", "Al Jazeera", "BBC"]
    static let sources: [String?] = [nil, nil, "the health ministry", "the UN", "officials"]
    static let qualifiers: [(Qualifier, low: Double?, high: Double?)] = [
        (.exact, 1, 1), (.exact, 1, 1), (.exact, 1, 1), (.exact, 1, 1), (.atLeast, 1, nil), (.moreThan, 1, nil),
        (.nearly, 0.9, 1), (.approximately, 0.9, 1.1),
    ]

    /// `count` claims, sorted by article and offset as `figures extract` writes them.
    public static func generate(count: Int, seed: UInt64 = ReportClaims.seed) -> [Claim] {
        var random = SplitMix64(seed: seed)
        var claims: [Claim] = []
        claims.reserveCapacity(count)
        let base = Day(year: 2023, month: 10, day: 7)!.ordinal
        let starts = [base, base + 14, base + 120, base + 400]
        var articleNumber = 0
        while claims.count < count {
            articleNumber += 1
            let article = String(format: "a%07d", articleNumber)
            let published = Day(ordinal: base + Int(random.next() % 720))
            let outlet = outlets[Int(random.next() % UInt64(outlets.count))]
            let place = places[Int(random.next() % UInt64(places.count))]
            var offset = 0
            for _ in 0..<(1 + Int(random.next() % 30)) where claims.count < count {
                let category = categories[Int(random.next() % UInt64(categories.count))]
                let population = populations[Int(random.next() % UInt64(populations.count))]
                // Figures near a level that grows with time, so that most agree and some do not.
                let trend = Double(published.ordinal - base + 30) * 40
                let value = (trend * (0.8 + Double(random.next() % 400) / 1000)).rounded()
                let (qualifier, lowFactor, highFactor) = qualifiers[Int(random.next() % UInt64(qualifiers.count))]
                let refersTo: String
                switch random.next() % 8 {
                case 0, 1, 2:
                    let start = starts[Int(random.next() % UInt64(starts.count))]
                    refersTo = start < published.ordinal ? "\(Day(ordinal: start).iso)/\(published.iso)" : published.iso
                case 3: refersTo = Day(ordinal: published.ordinal - 1 - Int(random.next() % 60)).iso
                default: refersTo = published.iso
                }
                let text = FigureInterval.format(value)
                let sentence = "\(population ?? "People") \(category.replacingOccurrences(of: "_", with: " ")): \(text), \(sources[Int(random.next() % UInt64(sources.count))] ?? "reports") said."
                let start = offset + 10 + Int(random.next() % 200)
                offset = start + text.utf8.count
                claims.append(Claim(article: article, category: category, value: value, qualifier: qualifier,
                                    low: lowFactor.map { value * $0 }, high: highFactor.map { value * $0 }, unit: .people,
                                    population: population, modality: random.next() % 50 == 0 ? .planned : .reported,
                                    refersTo: refersTo, attributedTo: sources[Int(random.next() % UInt64(sources.count))],
                                    start: start, end: offset, text: text, sentence: sentence, rule: "bench",
                                    place: place, published: published, outlet: outlet))
            }
        }
        return claims
    }

    /// The claims as JSON Lines, as `figures extract` writes them.
    public static func jsonLines(_ claims: [Claim]) -> [UInt8] {
        var json = JSONWriter(capacity: claims.count * 400)
        for claim in claims { claim.write(to: &json) }
        return json.bytes
    }

    /// `Benchmarks/corpus/claims-<count>-seed1.jsonl`, written if missing.
    public static func file(count: Int) throws -> String {
        let path = "\(BenchCorpus.benchmarksFolder)/corpus/claims-\(count)-seed\(seed).jsonl"
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: "\(BenchCorpus.benchmarksFolder)/corpus", withIntermediateDirectories: true)
            try Data(jsonLines(generate(count: count))).write(to: URL(fileURLWithPath: path + ".partial"))
            try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
        }
        return path
    }
}

/// A small, fast, seeded generator (SplitMix64): the same numbers on every platform.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
