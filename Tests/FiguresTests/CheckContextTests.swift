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

    /// Group keys packed in three words sort as the keys do, everyone and no series (-1)
    /// included, and days on either side of zero.
    @Test func packedKeysCompareAsKeys() {
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<150).map { _ in
            GroupKey(place: Int32.random(in: 0...3, using: &generator), category: Int32.random(in: 0...3, using: &generator),
                     unit: Int8.random(in: 0...1, using: &generator), population: Int32.random(in: -1...2, using: &generator),
                     series: Int32.random(in: -1...2, using: &generator), first: Int32.random(in: -3...3, using: &generator) * 400_000,
                     last: Int32.random(in: -3...3, using: &generator) * 400_000)
        } + [GroupKey(place: Int32.max, category: Int32.max, unit: 1, population: Int32.max - 1, series: Int32.max - 1, first: .max, last: .min)]
        func order(_ a: (UInt64, UInt64, UInt64), _ b: (UInt64, UInt64, UInt64)) -> Int {
            a == b ? 0 : (a.0, a.1, a.2) < (b.0, b.1, b.2) ? -1 : 1
        }
        for a in keys {
            for b in keys { #expect(order(a.packed, b.packed) == a.compare(b), "\(a) \(b)") }
        }
    }
}
