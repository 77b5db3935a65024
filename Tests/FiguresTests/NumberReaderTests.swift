import Testing
@testable import Figures

/// The arithmetic of ``NumberReader`` (numerals → values) and of the number tables
/// (``NumberLexicon``): qualifier bounds of their own, vague amounts times a scale.
struct NumberReaderTests {
    static let lexicon = Support.rules.scanner.quantities.lexicon
    static let reader = NumberReader(lexicon: lexicon)

    static func read(_ text: String) -> NumberReader.Reading? {
        var text = text
        return text.withUTF8 { reader.read($0, 0..<$0.count) }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let value: Double
        var testDescription: String { "\(text) = \(value)" }
        init(_ text: String, _ value: Double) { self.text = text; self.value = value }
    }

    static let values: [Case] = [
        // digits, separators, decimals, suffixes
        Case("0", 0), Case("0033", 33), Case("34,300", 34300), Case("3,400,000,000", 3_400_000_000),
        Case("1.9", 1.9), Case(".77", 0.77), Case("100,000.0", 100_000), Case("01.10", 1.1),
        Case("20k", 20_000), Case("15K", 15_000), Case("3M", 3_000_000), Case("1.2bn", 1_200_000_000),
        Case("1.1m", 1_100_000), Case("3000K", 3_000_000), Case("4.5m", 4_500_000),
        // digits and scale words
        Case("1.9 million", 1_900_000), Case("1.25 million", 1_250_000), Case("2.2 million", 2_200_000),
        Case("3.8 billion", 3_800_000_000), Case("1.2 trillion", 1_200_000_000_000), Case("2 dozens", 24),
        Case("200 dozens", 2400), Case("30 lakh", 3_000_000), Case("1.5 crore", 15_000_000),
        Case("2-million", 2_000_000),
        // words
        Case("zero", 0), Case("nought", 0), Case("eleven", 11), Case("twenty-four", 24), Case("twenty four", 24),
        Case("Ninety-Nine", 99), Case("ONE TwentY tWO", 122), Case("nineteen eighty-four", 1984),
        Case("Three hundred and twenty-one", 321), Case("Two-hundred fifty", 250),
        Case("one thousand two hundred", 1200), Case("twenty-one hundred", 2100),
        Case("twenty-one thousand Eleven", 21011), Case("seven hundred twenty-one thousand and twelve", 721_012),
        Case("thirty-one million two hundred fifty-six thousand seven hundred twenty-one", 31_256_721),
        Case("three crore twelve lakh fifty-six thousand seven hundred twenty-one", 31_256_721),
        Case("three thousand millions", 3_000_000_000), Case("two hundred thousand million", 200_000_000_000),
        Case("two hundred dozens", 2400), Case("Five hundred thousand", 500_000),
        // articles, halves, fractions of a scale
        Case("a dozen", 12), Case("A hundred and fifty", 150), Case("a million", 1_000_000), Case("Half a dozen", 6),
        Case("half a million", 500_000), Case("half-million", 500_000), Case("A quarter of a million", 250_000),
        Case("three-quarters of a million", 750_000), Case("one and a half million", 1_500_000),
        Case("2 and a half", 2.5), Case("two and a quarter", 2.25),
        // fractions
        Case("half", 0.5), Case("a third", 1.0 / 3), Case("two-thirds", 2.0 / 3), Case("One-half", 0.5),
        Case("three quarters", 0.75),
        // point decimals
        Case("two point two million", 2_200_000), Case("1 point 1", 1.1), Case("point 77", 0.77),
        Case("three point one four", 3.14),
        // signs
        Case("-504", -504), Case("−7", -7), Case("minus 1,200,000", -1_200_000),
        Case("negative five hundred and four", -504), Case("-1.2M", -1_200_000),
        Case("minus three million two hundred thousand", -3_200_000),
    ]

    @Test(arguments: values)
    func reads(_ c: Case) throws {
        let reading = try #require(Self.read(c.text))
        #expect(reading.value == c.value || Support.close(reading.value, c.value), "\(reading.value)")
    }

    /// Scaled decimals are exact, not 1899999.9999999998.
    @Test func scaledDecimalsAreExact() throws {
        #expect(try #require(Self.read("1.9 million")).value == 1_900_000)
        #expect(try #require(Self.read("2.2 million")).value == 2_200_000)
        #expect(try #require(Self.read("1.1m")).value == 1_100_000)
        #expect(try #require(Self.read("two point two million")).value == 2_200_000)
    }

    @Test(arguments: ["two three", "a", "an", "and", "thousand a", "twenty thirty", "half two", "5th", "5G",
                      "point", "two point", "minus minus 5", "the", "10km"])
    func rejects(_ text: String) {
        #expect(Self.read(text) == nil, "'\(text)' gave \(String(describing: Self.read(text)))")
    }

    @Test func recordsHowTheNumeralWasWritten() throws {
        let million = try #require(Self.read("1.25 million"))
        #expect(million.scale == 1_000_000 && million.decimals == 2 && million.multiplier == 1_000_000)
        let plain = try #require(Self.read("1.9"))
        #expect(plain.scale == 1 && plain.decimals == 1 && plain.multiplier == 1)
        #expect(try #require(Self.read("three hundred thousand")).multiplier == 100_000)
        #expect(try #require(Self.read("Two-hundred fifty")).multiplier == nil)
        #expect(try #require(Self.read("20k")).multiplier == 1000)
        #expect(try #require(Self.read("two-thirds")).isFraction)
        #expect(try !#require(Self.read("half a million")).isFraction)
        #expect(try !#require(Self.read("one and a half")).isFraction)
    }

    @Test func qualifiersCarryTheirBounds() throws {
        func entry(_ phrase: String) throws -> NumberLexicon.QualifierEntry {
            var text = phrase
            return try #require(text.withUTF8 { Self.lexicon.qualifiers.lookup($0, 0..<$0.count) })
        }
        let justOver = try entry("Just  over")
        #expect(justOver.qualifier == .moreThan && justOver.bounds.low == 1 && justOver.bounds.high == 1.1)
        let over = try entry("over")
        #expect(over.qualifier == .moreThan && over.bounds.low == 1 && over.bounds.high == nil)
        #expect(try entry("about").bounds == .init(low: 0.9, high: 1.1))
        #expect(try entry("nearly").bounds == .init(low: 0.9, high: 1))
    }

    @Test func vagueAmountsScale() throws {
        func vague(_ phrase: String) throws -> NumberLexicon.Vague {
            var text = phrase
            return try #require(text.withUTF8 { Self.lexicon.vague.lookup($0, 0..<$0.count) })
        }
        #expect(try vague("hundreds").scaled(by: 1) == (100, 100, 999))
        #expect(try vague("several").scaled(by: 1_000_000) == (3_000_000, 3_000_000, 9_999_999))
        #expect(try vague("a few").scaled(by: 100) == (300, 200, 500))
        #expect(try vague("a couple").scaled(by: 1) == (2, 2, 3))
    }

    @Test func malformedTablesAreRejected() throws {
        func lexicon(qualifier value: TableValue) -> Lexicon {
            var lexicon = Support.rules.lexicon
            lexicon.merge("qualifiers", [TableEntry(phrase: "barely over", value: value, file: "test.yaml", line: 1)])
            return lexicon
        }
        let good = try NumberLexicon(lexicon(qualifier: .record(["qualifier": .scalar("more_than"), "high": .scalar("1.05")])))
        var text = "barely over"
        let entry = text.withUTF8 { good.qualifiers.lookup($0, 0..<$0.count) }
        #expect(entry?.bounds == .init(low: 1, high: 1.05))
        #expect(throws: RuleError.self) { try NumberLexicon(lexicon(qualifier: .scalar("slightly"))) }
        #expect(throws: RuleError.self) { try NumberLexicon(lexicon(qualifier: .record(["qualifier": .scalar("nearly"), "low": .scalar("x")]))) }

        var vague = Support.rules.lexicon
        vague.merge("vague", [TableEntry(phrase: "umpteen", value: .record(["value": .scalar("5"), "low": .scalar("2")]), file: "test.yaml", line: 1)])
        #expect(throws: RuleError.self) { try NumberLexicon(vague) }
    }
}
