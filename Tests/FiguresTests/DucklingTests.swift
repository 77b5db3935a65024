import Foundation
import Testing
@testable import Figures

/// Runs the peer corpus of Duckling's English numerals (Fixtures/peers/duckling_numeral_en.jsonl):
/// each phrase must give one number record that spans the whole phrase and reads to Duckling's
/// value, unless it is listed in Fixtures/peers/duckling-out-of-scope.json with the reason it
/// does not belong to news text. A listed phrase must still fail, so the list cannot go stale.
struct DucklingTests {
    struct Phrase: Sendable, CustomTestStringConvertible {
        let id: String
        let input: String
        let value: Double
        var testDescription: String { "\(id): \(input) = \(value)" }
    }

    static let corpus: [Phrase] = Support.jsonLines("Fixtures/peers/duckling_numeral_en.jsonl").compactMap { object in
        guard let id = object["id"] as? String, let input = object["input"] as? String,
              let expected = (object["expected"] as? [[String: Any]])?.first,
              let value = (expected["value"] as? String).flatMap(Double.init) else { return nil }
        return Phrase(id: id, input: input, value: value)
    }

    /// Phrase → reason, from duckling-out-of-scope.json.
    static let outOfScope: [String: String] = {
        guard let data = FileManager.default.contents(atPath: Support.path("Fixtures/peers/duckling-out-of-scope.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = object["out_of_scope"] as? [[String: String]] else { return [:] }
        var result: [String: String] = [:]
        for entry in entries { if let input = entry["input"] { result[input] = entry["reason"] ?? "" } }
        return result
    }()

    static let inScope = corpus.filter { outOfScope[$0.input] == nil }
    static let listed = corpus.filter { outOfScope[$0.input] != nil }

    /// The records the layer gives for a phrase, and whether they read it to its value.
    static func reads(_ phrase: Phrase) throws -> (Bool, [String]) {
        let mentions = try Support.lexer.mentions(in: phrase.input, published: Day(year: 2024, month: 4, day: 27))
        let found = mentions.map { "\($0.layer.rawValue) '\(Support.text(of: $0, in: phrase.input))' \($0.quantity.map { "\($0.value)" } ?? $0.kind) (\($0.rule))" }
        guard mentions.count == 1, let quantity = mentions[0].quantity,
              Support.text(of: mentions[0], in: phrase.input) == phrase.input else { return (false, found) }
        return (Support.close(quantity.value, phrase.value), found)
    }

    @Test func corpusLoads() {
        #expect(Self.corpus.count == 105)
    }

    @Test func outOfScopeListIsSound() {
        for (input, reason) in Self.outOfScope {
            #expect(Self.corpus.contains { $0.input == input }, "'\(input)' is listed as out of scope but is not in the corpus")
            #expect(reason.count > 20, "'\(input)' needs a reason")
        }
        #expect(Self.listed.count <= 20, "out of scope should stay the exception")
    }

    @Test(arguments: inScope)
    func phrase(_ phrase: Phrase) throws {
        let (ok, found) = try Self.reads(phrase)
        #expect(ok, "'\(phrase.input)' should read to \(phrase.value) as one record; found \(found)")
    }

    @Test(arguments: listed)
    func outOfScopePhraseStillFails(_ phrase: Phrase) throws {
        let (ok, _) = try Self.reads(phrase)
        #expect(!ok, "'\(phrase.input)' now reads to \(phrase.value): remove it from duckling-out-of-scope.json")
    }
}
