import Testing
@testable import Figures

/// How the checker numbers claims: categories, places, populations and times found once and
/// reused from claim to claim, and groups found by their keys.
struct CheckContextTests {
    /// Claims whose category, place, population and time change from one claim to the next and
    /// come back (so each is found both as the last claim's and in the tables) get the group
    /// keys of their own fields, and a group is named by its most frequent written form.
    @Test func numbersReusedFromClaimToClaim() throws {
        var claims: [Claim] = []
        let forms = ["Israelis", "Israeli", "Israelis", "Palestinians", "Israelis"]
        for (n, form) in forms.enumerated() {
            var c = CheckFixture.claim("a\(n / 2)", n % 2 == 0 ? "killed" : "captives_released", Double(10 + n), population: form,
                                       refersTo: n % 3 == 0 ? "2024-01-01" : "2024-02-01", published: "2024-03-01", start: n * 10)
            c.place = n % 2 == 0 ? "Gaza" : nil
            claims.append(c)
        }
        let result = CheckFixture.run(claims)
        let names = claims.map { result.group(of: $0) }
        #expect(names == ["Gaza|killed|Israelis|2024-01-01", "captives_released|Israelis|2024-02-01", "Gaza|killed|Israelis|2024-02-01",
                          "captives_released|Palestinians|2024-01-01", "Gaza|killed|Israelis|2024-02-01"])
    }

    /// Every group is found by its key, and a key no group has finds none (before the first
    /// key, between keys and after the last).
    @Test func groupsFoundByKey() throws {
        let claims = (0..<40).map { n in
            CheckFixture.claim("a\(n % 7)", n % 3 == 0 ? "killed" : "injured", Double(n), population: n % 4 == 0 ? nil : "group\(n % 5)",
                               refersTo: "2024-0\(1 + n % 9)-01", start: n * 10)
        }
        let context = CheckContext(claims: claims, rules: Support.rules, options: .init())
        #expect(!context.groups.isEmpty)
        for (g, key) in context.groupKeys.enumerated() {
            #expect(context.groupNumber(of: key) == g)
            #expect(context.group(key) == context.groups[g])
            var absent = key
            absent.last = key.last &+ 1_000_000
            #expect(context.groupNumber(of: absent) == nil)
        }
        var before = context.groupKeys[0]
        before.place = -5
        #expect(context.groupNumber(of: before) == nil)
        #expect(context.group(nil) == nil)
    }
}
