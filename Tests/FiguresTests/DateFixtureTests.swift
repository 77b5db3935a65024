import Foundation
import Testing
@testable import Figures

/// Runs the lexical date corpus (Fixtures/lexical, README section 3): every line of `dates.jsonl`
/// must give exactly its list of records, both layers, in order, with the right spans. The date
/// records of `numbers.jsonl` and the date-related lines of `negatives.jsonl` are checked too.
/// One generic driver, one test case per line (see STYLE.md on Duckling).
struct DateFixtureTests {
    /// Lines that fail only because of a number record (the number layer's side), by file and
    /// line number, with the reason. `withKnownIssue` fails once such a line passes again, so the
    /// list cannot go stale.
    static let knownFailures: [String: String] = [:]

    @Test(arguments: FixtureLine.load("dates.jsonl"))
    func datesLine(_ line: FixtureLine) throws {
        try checkKnowing(line) { try line.check(layers: [.date, .number]) }
    }

    /// The numbers corpus holds a few dates ("since October 7", "last month"): they must come out
    /// right, and no date may appear where the line has none ("the 2022 floods" is one date).
    @Test(arguments: FixtureLine.load("numbers.jsonl"))
    func numbersLineDates(_ line: FixtureLine) throws {
        try line.check(layers: [.date])
    }

    /// Look-alikes ("May" as a modal, "The Sunday Times", "1600 Pennsylvania Avenue") give no date.
    @Test(arguments: FixtureLine.load("negatives.jsonl"))
    func negativesLineHasNoDate(_ line: FixtureLine) throws {
        try line.check(layers: [.date])
    }

    @Test func corpusIsComplete() {
        #expect(FixtureLine.load("dates.jsonl").count == 324)
        #expect(FixtureLine.load("negatives.jsonl").count == 116)
    }

    private func checkKnowing(_ line: FixtureLine, _ body: () throws -> Void) throws {
        if let reason = DateFixtureTests.knownFailures[line.id] {
            withKnownIssue(Comment(rawValue: reason)) { try body() }
        } else {
            try body()
        }
    }
}

/// One line of a lexical fixture file: a text, its publication date and the records it gives.
struct FixtureLine: Decodable, Sendable, CustomTestStringConvertible {
    struct Record: Decodable, Sendable, CustomStringConvertible {
        enum Value: Decodable, Sendable {
            case number(Double)
            case text(String)

            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Double.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
            }
        }

        let text: String
        let layerName: String
        let kind: String
        let value: Value

        var layer: Mention.Layer { Mention.Layer(rawValue: layerName) ?? .number }

        enum CodingKeys: String, CodingKey { case text, layerName = "layer", kind, value }

        var description: String {
            switch value {
            case .number(let n): return "\(layer.rawValue) \(kind) \(n) '\(text)'"
            case .text(let s): return "\(layer.rawValue) \(kind) \(s) '\(text)'"
            }
        }
    }

    let text: String
    let published: String
    let expect: [Record]
    /// `file:line`, set by ``load(_:)``.
    var id = ""

    enum CodingKeys: String, CodingKey { case text, published, expect }

    var testDescription: String { "\(id) \(text.prefix(70))" }

    static func load(_ file: String) -> [FixtureLine] {
        let path = Support.path("Fixtures/lexical/" + file)
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, text in
            guard !text.isEmpty, var line = try? JSONDecoder().decode(FixtureLine.self, from: Data(text.utf8)) else { return nil }
            line.id = "\(file):\(index + 1)"
            return line
        }
    }

    /// Scans the text and compares the records of `layers` with the expected ones: the same
    /// number, in order, each with its text, span, kind and value.
    func check(layers: Set<Mention.Layer>) throws {
        let day = try #require(Day(iso: published), "bad published date \(published)")
        let mentions = try Support.lexer.mentions(in: text, published: day).filter { layers.contains($0.layer) }
        let wanted = expect.filter { layers.contains($0.layer) }
        let got = mentions.map { Support.text(of: $0, in: text) + " (\($0.kind) \(Self.value(of: $0)), \($0.rule))" }
        #expect(mentions.count == wanted.count, "\(id): expected \(wanted), got \(got)")
        let spans = FixtureLine.spans(of: expect.map(\.text), in: text)
        let expectedSpans = zip(expect, spans).filter { layers.contains($0.0.layer) }.map(\.1)
        for (index, (mention, record)) in zip(mentions, wanted).enumerated() {
            let found = Support.text(of: mention, in: text)
            #expect(found == record.text, "\(id): record \(index) is '\(found)', expected '\(record.text)'; got \(got)")
            #expect(mention.layer == record.layer, "\(id): '\(found)' is a \(mention.layer.rawValue), expected a \(record.layer.rawValue)")
            #expect(mention.kind == record.kind, "\(id): '\(found)' has kind \(mention.kind), expected \(record.kind)")
            if let span = expectedSpans[index] {
                #expect(mention.range.lowerBound == span, "\(id): '\(found)' starts at byte \(mention.range.lowerBound), expected \(span)")
            }
            switch (mention.value, record.value) {
            case (.time(let t), .text(let v)):
                #expect(t.iso == v, "\(id): '\(found)' is \(t.iso), expected \(v)")
            case (.quantity(let q), .number(let v)):
                #expect(Support.close(q.value, v), "\(id): '\(found)' is \(q.value), expected \(v)")
            default:
                Issue.record("\(id): '\(found)' has a value of the wrong layer")
            }
        }
    }

    private static func value(of mention: Mention) -> String {
        switch mention.value {
        case .time(let t): return t.iso
        case .quantity(let q): return String(q.value)
        }
    }

    /// The byte offsets of the records by the README's span rule: the first occurrence of each
    /// text at or after the end of the previous one that sits on word boundaries.
    static func spans(of texts: [String], in text: String) -> [Int?] {
        let bytes = Array(text.utf8)
        var from = 0
        return texts.map { needle in
            let n = Array(needle.utf8)
            var i = from
            while i + n.count <= bytes.count {
                if Array(bytes[i..<(i + n.count)]) == n, !isWord(before: i, bytes), !isWord(at: i + n.count, bytes) {
                    from = i + n.count
                    return i
                }
                i += 1
            }
            return nil
        }
    }

    /// A letter, digit or `_` (any non-ASCII letter counts: "é").
    private static func isWord(at i: Int, _ bytes: [UInt8]) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        if b >= 0x80 { return isLetter(startingAt: i, bytes) }
        return ByteClass.isLetter(b) || ByteClass.isDigit(b) || b == UInt8(ascii: "_")
    }

    private static func isWord(before i: Int, _ bytes: [UInt8]) -> Bool {
        guard i > 0 else { return false }
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isWord(at: start, bytes)
    }

    private static func isLetter(startingAt i: Int, _ bytes: [UInt8]) -> Bool {
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
