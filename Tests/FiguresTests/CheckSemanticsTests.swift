import Testing
@testable import Figures

/// Claims for check tests: only what a test cares about needs saying.
enum CheckFixture {
    static func claim(_ article: String, _ category: String, _ value: Double, _ qualifier: Qualifier = .exact,
                      low: Double? = nil, high: Double?? = nil, population: String? = nil, refersTo: String?,
                      published: String? = nil, start: Int = 0, text: String? = nil, unit: Claim.Unit = .people,
                      modality: Claim.Modality = .reported, partOf: String? = nil, list: String? = nil, whole: Double? = nil) -> Claim {
        let t = text ?? FigureInterval.format(value)
        return Claim(article: article, category: category, value: value, qualifier: qualifier, low: low ?? value,
                     high: high ?? value, unit: unit, population: population, modality: modality, refersTo: refersTo,
                     attributedTo: nil, start: start, end: start + t.utf8.count, text: t, sentence: "… \(t) …", rule: "test",
                     partOf: partOf, list: list, whole: whole, published: published.flatMap(Day.init(iso:)), outlet: nil)
    }

    static func run(_ claims: [Claim], staleAfterDays: Int = 30) -> Checker.Result {
        Checker(rules: Support.rules, options: .init(staleAfterDays: staleAfterDays)).run(claims)
    }

    /// The checks of one rule.
    static func checks(_ result: Checker.Result, _ rule: CheckRule) -> [Check] { result.checks.filter { $0.rule == rule } }
}

/// Interval semantics, time and population keys: what the checks compare.
struct CheckSemanticsTests {
    /// The bounds of each qualifier come from the lexical layer, and the checks use them as
    /// written there: read a phrase with the lexer, make a claim of it, and look at its interval.
    @Test(arguments: [
        ("nearly 20,000", 18_000.0, 20_000.0),
        ("more than 34,300", 34_300, .infinity),
        ("less than 1,200", 0, 1_200),
        ("about 300", 270, 330),
        ("1.9 million", 1_850_000, 1_950_000),
        ("240", 240, 240),
        ("hundreds", 100, 999),
    ])
    func intervalOfWording(_ text: String, _ low: Double, _ high: Double) throws {
        let mention = try #require(try Support.lexer.mentions(in: text, published: nil).first { $0.range == 0..<text.utf8.count })
        let q = try #require(mention.quantity)
        let claim = CheckFixture.claim("a", "killed", q.value, q.qualifier, low: q.low, high: .some(q.high), refersTo: "2024-01-01", text: text)
        let interval = FigureInterval(claim, rules: Support.rules)
        #expect(interval.low == low && interval.high == high, "\(text): \(interval)")
    }

    /// A claims file without bounds still gets its qualifier's bounds from the rule tables.
    @Test func boundsFromQualifierWhenMissing() {
        let more = CheckFixture.claim("a", "killed", 34_300, .moreThan, refersTo: nil)
        #expect(FigureInterval(more, rules: Support.rules) == FigureInterval(low: 34_300, high: .infinity))
        let nearly = CheckFixture.claim("a", "killed", 20_000, .nearly, refersTo: nil)
        #expect(FigureInterval(nearly, rules: Support.rules) == FigureInterval(low: 18_000, high: 20_000))
        // An exact figure stays exact.
        #expect(FigureInterval(CheckFixture.claim("a", "killed", 81, refersTo: nil), rules: Support.rules) == FigureInterval(low: 81, high: 81))
    }

    @Test func overlapAndSum() {
        let a = FigureInterval(low: 18_000, high: 20_000), b = FigureInterval(low: 20_000, high: .infinity)
        #expect(a.overlaps(b) && b.overlaps(a)) // inclusive bounds: touching intervals agree
        #expect(!FigureInterval(low: 80, high: 80).overlaps(FigureInterval(low: 81, high: 81)))
        #expect(FigureInterval(low: 81, high: 81) + FigureInterval(low: 24, high: 24) == FigureInterval(low: 105, high: 105))
        #expect((FigureInterval(low: 1, high: 2) + FigureInterval(low: 3, high: .infinity)).high == .infinity)
    }

    @Test func intervalDescriptions() {
        #expect(FigureInterval(low: 240, high: 240).description == "240")
        #expect(FigureInterval(low: 18_000, high: 20_000).description == "[18,000, 20,000]")
        #expect(FigureInterval(low: 34_300, high: .infinity).description == "≥ 34,300")
        #expect(FigureInterval(low: 0, high: 1_200).description == "≤ 1,200")
        #expect(FigureInterval.format(79.166) == "79.17")
        #expect(FigureInterval.format(1_850_000) == "1,850,000")
    }

    @Test func timesAreReadNotGuessed() throws {
        let day = try #require(ClaimTime("2024-04-27", published: nil))
        #expect(!day.isRunningTotal && day.end.first == Day(iso: "2024-04-27"))
        let month = try #require(ClaimTime("2023-11", published: nil))
        #expect(month.end.first == Day(iso: "2023-11-01") && month.end.last == Day(iso: "2023-11-30"))
        let total = try #require(ClaimTime("2023-10/2025-07-13", published: nil))
        #expect(total.isRunningTotal && total.start!.last == Day(iso: "2023-10-31"))
        // An open interval ends on the publication day, or is undated without one.
        #expect(ClaimTime("2023-10-07/..", published: Day(iso: "2024-01-02"))?.end.iso == "2024-01-02")
        #expect(ClaimTime("2023-10-07/..", published: nil) == nil)
        for bad in [nil, "", "soon", "2023-13", "2024-02-30", "2024/2023", "2025-01-01/2024-01-01"] {
            #expect(ClaimTime(bad, published: Day(iso: "2024-01-02")) == nil, "\(bad ?? "nil") should be undated")
        }
        // A total since a month covers one since a day in it, and one since an earlier day covers a later one.
        let sinceMonth = try #require(ClaimTime("2023-10/2024-01-01", published: nil))
        let since7 = try #require(ClaimTime("2023-10-07/2024-01-01", published: nil))
        let since21 = try #require(ClaimTime("2023-10-21/2024-01-01", published: nil))
        #expect(sinceMonth.covers(since7) && since7.covers(sinceMonth) && since7.covers(since21) && !since21.covers(since7))
    }

    @Test(arguments: [
        (nil as String?, nil as String?), ("people", nil), ("Residents", nil), ("the population", nil),
        ("Israelis", "israeli"), ("Israeli captives", "israeli"), ("israeli", "israeli"),
        ("Palestinian prisoners", "palestinian"), ("Gaza's population", "gaza residents"), ("Gaza’s residents", "gaza residents"),
        ("residents of Gaza", "gaza residents"), ("children", "children"), ("women", "women"), ("Sudanese", "sudanese"),
    ])
    func populationKeys(_ written: String?, _ key: String?) {
        #expect(PopulationKey.key(written) == key)
    }
}
