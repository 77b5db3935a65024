import Testing
@testable import Figures

/// News sentences with forms the fixtures do not hold, found while reading real articles: each
/// must give exactly these number records (date records are the date layer's and are not
/// compared here). A regression corpus, run by one generic driver.
struct NumberNewsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        /// text, value, low, high of each number record, in order.
        let expect: [(String, Double, Double?, Double?)]
        var testDescription: String { text }

        init(_ text: String, _ expect: (String, Double)...) {
            self.text = text
            self.expect = expect.map { ($0.0, $0.1, $0.1, $0.1) }
        }

        init(_ text: String, bounded first: (String, Double, Double?, Double?), _ rest: (String, Double, Double?, Double?)...) {
            self.text = text
            self.expect = [first] + rest
        }
    }

    static let cases: [Case] = [
        // a year or a time after "in" is no ratio
        Case("Police arrested 3 in 2023 and 4 in 2024.", ("3", 3), ("4", 4)),
        Case("The army killed 12 in 24 hours.", ("12", 12)),
        Case("Some 1.5m people, or 1 in 4 residents, fled.", bounded: ("Some 1.5m", 1_500_000, 1_350_000, 1_650_000), ("1 in 4", 0.25, 0.25, 0.25)),
        Case("Nearly 9 in 10 children are hungry.", bounded: ("Nearly 9 in 10", 0.9, 0.81, 0.9)),
        // times, phone numbers, labels and names
        Case("Police received the first 911 call at about 6:56 p.m."),
        Case("About 40 buses left between 9 a.m. and 5 p.m.", bounded: ("About 40", 40, 36, 44)),
        Case("The magnitude 6.8 quake struck 72 km away at 11:11 p.m. (2211 GMT).", ("6.8", 6.8), ("72", 72)),
        Case("The F-16s crashed. No-one came."),
        Case("Flight 370 vanished with 239 aboard. Interstate 95 was closed.", ("239", 239)),
        Case("The Boeing 737-800 carried 189 people.", ("189", 189)),
        Case("Troops of the army’s 1 Division freed 137 hostages.", ("137", 137)),
        Case("On Saturday 300 people marched.", ("300", 300)),
        Case("At one point 300 people gathered.", ("300", 300)),
        Case("Death Toll Rises To 2,012", ("2,012", 2012)),
        // money, Indian scales, glued units
        Case("The fund allocated Rs.500 crore and Rs 20 lakh.", ("Rs.500 crore", 5_000_000_000), ("Rs 20 lakh", 2_000_000)),
        Case("The floods washed away 3,451km of roads.", ("3,451", 3451)),
        // vague amounts, fractions, compounds
        Case("A couple hundred people came; several dozen left.", bounded: ("A couple hundred", 200, 200, 300), ("several dozen", 36, 36, 119)),
        Case("It won a two-thirds majority after a quarter century.", bounded: ("two-thirds", 2.0 / 3, 2.0 / 3, 2.0 / 3)),
        Case("Two and a half thousand people signed.", ("Two and a half thousand", 2500)),
        Case("A one-year-old and a 4-year-old were among the 12 dead.", ("one", 1), ("4", 4), ("12", 12)),
        Case("He was one of 3 survivors; half of them, some 1,200, fled.",
             bounded: ("one", 1, 1, 1), ("3", 3, 3, 3), ("half", 0.5, 0.5, 0.5), ("some 1,200", 1200, 1080, 1320)),
        Case("The hostages — 76 females and 61 males — were rescued. Díaz, 58, was freed.", ("76", 76), ("61", 61), ("58", 58)),
        // signs, and dates that are no ranges
        Case("GDP shrank -0.3% while it was minus 12 degrees and -5C outside.", ("-0.3%", -0.3), ("minus 12", -12)),
        Case("The 1975-1990 civil war killed 150,000.", ("150,000", 150_000)),
        // ranges with a qualifier or shared parts, wire-style scales and percents
        Case("Some 30-40 people were hurt; half-a-million fled.", bounded: ("Some 30-40", 30, 27, 44), ("half-a-million", 500_000, 500_000, 500_000)),
        Case("Exports fell 1.2 mln tonnes, or 7.5 pc.", bounded: ("1.2 mln", 1_200_000, 1_150_000, 1_250_000), ("7.5 pc", 7.5, 7.5, 7.5)),
        Case("It will cost from $1 to $2 billion; 3 million-4 million will pay.",
             bounded: ("from $1 to $2 billion", 1e9, 1e9, 2e9), ("3 million-4 million", 3e6, 3e6, 4e6)),
        Case("Aid reached 12\u{00A0}000 families and HK$20 was raised.", ("12\u{00A0}000", 12_000), ("HK$20", 20)),
        Case("On the one hand, he is the world number one; the team won 3-1.", ("3", 3)),
    ]

    @Test(arguments: cases)
    func sentence(_ c: Case) throws {
        let mentions = try Support.lexer.mentions(in: c.text, published: Day(year: 2024, month: 4, day: 27)).filter { $0.layer == .number }
        let found = mentions.map { "'\(Support.text(of: $0, in: c.text))' \($0.quantity!.value) [\(String(describing: $0.quantity!.low)), \(String(describing: $0.quantity!.high))] (\($0.rule))" }
        guard mentions.count == c.expect.count else {
            Issue.record("expected \(c.expect.map(\.0)), found \(found)")
            return
        }
        for (mention, (text, value, low, high)) in zip(mentions, c.expect) {
            let q = mention.quantity!
            #expect(Support.text(of: mention, in: c.text) == text && Support.close(q.value, value) && Support.close(q.low, low) && Support.close(q.high, high),
                    "expected '\(text)' \(value) [\(String(describing: low)), \(String(describing: high))], found \(found)")
        }
    }
}
