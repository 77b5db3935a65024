import Testing
@testable import Figures

/// Where a figure is about, and that the report compares only figures of the same place.
@Suite struct PlaceTests {
    let extractor = Extractor(rules: Support.rules)
    let day = Day(year: 2024, month: 4, day: 27)

    func claims(_ text: String, id: String = "p") throws -> [Claim] {
        try extractor.claims(in: Article(id: id, text: text, published: day))
    }

    @Test func sentencePlaceThenArticlePlace() throws {
        let text = "Fighting raged across Sudan on Friday. At least 40 people were killed in El Fasher, officials said. "
            + "Another 12 were wounded. The war in Sudan has displaced 8 million people."
        let found = try claims(text)
        let byValue = Dictionary(uniqueKeysWithValues: found.map { (Int($0.value), $0.place) })
        #expect(byValue[40] == "El Fasher")      // "killed in El Fasher"
        #expect(byValue[12] == "Sudan")          // no place in its sentence: the article's
        #expect(byValue[8_000_000] == "Sudan")   // "the war in Sudan"
    }

    @Test func possessiveAndAliases() throws {
        let found = try claims("About 85% of Gaza's population has been displaced. The DRC said 12 people died in Goma.")
        #expect(found.first { $0.value == 85 }?.place == "Gaza")
        #expect(found.first { $0.value == 12 }?.place == "Goma")
        let us = try claims("Floods in the U.S. killed 30 people.")
        #expect(us.first?.place == "United States")
    }

    @Test func reportComparesOnlySamePlace() throws {
        let a = Article(id: "a", text: "Floods in Haiti have displaced 2,100 people, officials said on Saturday.", published: day)
        let b = Article(id: "b", text: "The war in Gaza has displaced 1.9 million people, the UN said on Saturday.", published: day)
        let c = Article(id: "c", text: "The war in Gaza has displaced 1.7 million people, officials said on Saturday.", published: day)
        let all = try [a, b, c].flatMap { try extractor.claims(in: $0) }
        #expect(Set(all.compactMap(\.place)) == ["Haiti", "Gaza"])
        let result = Checker(rules: Support.rules).run(all)
        let conflicts = result.checks.filter { $0.kind == .conflict }
        // Gaza's two figures are compared (and disagree); Haiti's is never compared with them.
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.place == "Gaza")
        #expect(conflicts.first?.claims.allSatisfy { $0.place == "Gaza" } == true)
    }
}
