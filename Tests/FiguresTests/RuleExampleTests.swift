import Testing
@testable import Figures

/// One generic driver runs the examples and counter-examples of every lexical rule in the
/// standard tables (see STYLE.md on Duckling): nobody writes a test per phrase.
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let example: RuleExample
        let published: Day?
        var testDescription: String { "\(rule): \(example.text)" }
    }

    static let examples: [Case] = Support.rules.lexicalRules.flatMap { rule in
        rule.examples.map { Case(rule: rule.name, example: $0, published: $0.published ?? rule.referenceDate) }
    }

    static let counterExamples: [(String, String)] = Support.rules.lexicalRules.flatMap { rule in
        rule.counterExamples.map { (rule.name, $0) }
    }

    @Test func everyRuleHasExamples() {
        for rule in Support.rules.lexicalRules {
            #expect(!rule.examples.isEmpty || !rule.counterExamples.isEmpty, "rule '\(rule.name)' has no examples")
        }
        #expect(Self.examples.count > 50)
    }

    @Test(arguments: examples)
    func example(_ c: Case) throws {
        let e = c.example
        let rule = Support.rules.lexicalRules.first { $0.name == c.rule }!
        let session = Support.lexer.session()
        let mentions = rule.isPublication
            ? try session.publicationMentions(in: e.text, published: c.published)
            : try session.mentions(in: e.text, published: c.published)
        let wanted = e.match ?? e.text
        let found = mentions.first { Support.text(of: $0, in: e.text) == wanted }
        guard let mention = found else {
            Issue.record("'\(e.text)': no mention '\(wanted)'; got \(mentions.map { Support.text(of: $0, in: e.text) + " (\($0.rule))" })")
            return
        }
        #expect(mention.rule == c.rule, "'\(wanted)' was read by '\(mention.rule)', not by its own rule")
        if let kind = e.kind { #expect(mention.kind == kind, "'\(wanted)': kind") }
        switch mention.value {
        case .quantity(let q):
            if let v = e.value { #expect(Support.close(q.value, v.double), "'\(wanted)': value \(q.value), expected \(v)") }
            if let low = e.low { #expect(Support.close(q.low, low.double), "'\(wanted)': low \(String(describing: q.low)), expected \(low)") }
            if let high = e.high { #expect(Support.close(q.high, high.double), "'\(wanted)': high \(String(describing: q.high)), expected \(high)") }
            if let qualifier = e.qualifier { #expect(q.qualifier.rawValue == qualifier, "'\(wanted)': qualifier") }
        case .time(let t):
            if let v = e.value { #expect(t.iso == v.string, "'\(wanted)': value \(t.iso), expected \(v)") }
        }
    }

    @Test(arguments: counterExamples.map { "\($0.0) ⟂ \($0.1)" })
    func counterExample(_ label: String) throws {
        let text = String(label.split(separator: "⟂", maxSplits: 1)[1].dropFirst())
        let mentions = try Support.lexer.mentions(in: text, published: Day(year: 2024, month: 4, day: 27))
        #expect(mentions.isEmpty, "'\(text)' gave \(mentions.map { Support.text(of: $0, in: text) + " (\($0.rule))" })")
    }
}
