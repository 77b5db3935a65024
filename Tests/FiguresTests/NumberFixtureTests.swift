import Foundation
import Testing
@testable import Figures

/// Runs the number corpus of the lexical layer (Fixtures/lexical/README.md, sections 1, 2 and
/// 4): every line of `numbers.jsonl` must give exactly its list of records, and every line of
/// `negatives.jsonl` none at all. One generic driver, one test case per line (see STYLE.md on
/// Duckling); nobody writes a test per phrase.
struct NumberFixtureTests {
    /// Lines that fail only because of a date record (the date layer's side), by `file:line`,
    /// with the reason. `withKnownIssue` reports an error as soon as such a line passes, so the
    /// list cannot go stale. Empty: every line passes.
    static let knownFailures: [String: String] = [:]

    @Test(arguments: NumberFixtureLine.load("numbers.jsonl"))
    func numbersLine(_ line: NumberFixtureLine) throws {
        try checkKnowing(line)
    }

    @Test(arguments: NumberFixtureLine.load("negatives.jsonl"))
    func negativesLine(_ line: NumberFixtureLine) throws {
        #expect(line.expect.isEmpty, "a negative line expects nothing")
        try checkKnowing(line)
    }

    @Test func corporaAreComplete() {
        #expect(NumberFixtureLine.load("numbers.jsonl").count == 364)
        #expect(NumberFixtureLine.load("negatives.jsonl").count == 116)
        for id in Self.knownFailures.keys {
            let file = String(id.split(separator: ":")[0])
            #expect(NumberFixtureLine.load(file).contains { $0.id == id }, "known failure \(id) names no fixture line")
        }
    }

    private func checkKnowing(_ line: NumberFixtureLine) throws {
        let mentions = try Support.lexer.mentions(in: line.text, published: line.published)
        if let reason = Self.knownFailures[line.id] {
            withKnownIssue(Comment(rawValue: reason)) { line.check(mentions) }
        } else {
            line.check(mentions)
        }
    }
}

/// One line of a lexical fixture file, with the records it must give. (The type names carry
/// "Number" so that they do not clash with other drivers of the same files.)
struct NumberFixtureLine: Sendable, CustomTestStringConvertible {
    /// An expected record. Number records compare text, kind, value, low and high; date records
    /// text, kind and value.
    struct Record: Sendable, CustomStringConvertible {
        enum Value: Sendable {
            case number(value: Double, low: Double?, high: Double?)
            case date(String)
        }

        let text: String
        let kind: String
        let value: Value

        var description: String {
            switch value {
            case let .number(v, low, high): return "number \(kind) '\(text)' \(v) [\(low.map { "\($0)" } ?? "null"), \(high.map { "\($0)" } ?? "null")]"
            case .date(let v): return "date \(kind) '\(text)' \(v)"
            }
        }
    }

    /// `file:line`.
    let id: String
    let text: String
    let published: Day?
    let expect: [Record]

    var testDescription: String { "\(id): \(text)" }

    /// Reads `Fixtures/lexical/<file>`.
    static func load(_ file: String) -> [NumberFixtureLine] {
        Support.jsonLines("Fixtures/lexical/" + file).enumerated().map { index, object in
            let records = (object["expect"] as? [[String: Any]] ?? []).map { record in
                let text = record["text"] as? String ?? ""
                let kind = record["kind"] as? String ?? ""
                if record["layer"] as? String == "date" {
                    return Record(text: text, kind: kind, value: .date(record["value"] as? String ?? ""))
                }
                return Record(text: text, kind: kind, value: .number(
                    value: (record["value"] as? NSNumber)?.doubleValue ?? .nan,
                    low: (record["low"] as? NSNumber)?.doubleValue,
                    high: (record["high"] as? NSNumber)?.doubleValue))
            }
            return NumberFixtureLine(
                id: "\(file):\(index + 1)",
                text: object["text"] as? String ?? "",
                published: (object["published"] as? String).flatMap(Day.init(iso:)),
                expect: records)
        }
    }

    /// Records an issue for every difference between `mentions` and the expected records.
    func check(_ mentions: [Mention]) {
        let found = mentions.map { describe($0) }
        guard mentions.count == expect.count else {
            Issue.record("expected \(expect.count) records \(expect), found \(mentions.count): \(found)")
            return
        }
        for (mention, record) in zip(mentions, expect) {
            let text = Support.text(of: mention, in: self.text)
            #expect(text == record.text, "text: expected \(record), found \(describe(mention))")
            #expect(mention.kind == record.kind, "kind: expected \(record), found \(describe(mention))")
            switch (record.value, mention.value) {
            case let (.number(value, low, high), .quantity(q)):
                #expect(Support.close(q.value, value) && Support.close(q.low, low) && Support.close(q.high, high),
                        "value or bounds: expected \(record), found \(describe(mention))")
            case let (.date(value), .time(t)):
                #expect(t.iso == value, "value: expected \(record), found \(describe(mention))")
            default:
                Issue.record("layer: expected \(record), found \(describe(mention))")
            }
        }
    }

    private func describe(_ mention: Mention) -> String {
        let text = Support.text(of: mention, in: self.text)
        switch mention.value {
        case .quantity(let q):
            return "number \(mention.kind) '\(text)' \(q.value) [\(q.low.map { "\($0)" } ?? "null"), \(q.high.map { "\($0)" } ?? "null")] (\(mention.rule))"
        case .time(let t):
            return "date \(mention.kind) '\(text)' \(t.iso) (\(mention.rule))"
        }
    }
}
