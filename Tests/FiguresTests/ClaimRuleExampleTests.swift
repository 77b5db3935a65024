import Testing
@testable import Figures

/// One generic driver for the examples and counter-examples of every claim rule in the standard
/// tables: each example must give a claim for its figure, with the attributes it states.
struct ClaimRuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let binding: ClaimRule.Binding
        let example: ClaimRule.Example
        var testDescription: String { "\(rule): \(example.text)" }
    }

    static let rules = Support.rules.claimRules
    static let all = rules.categoryRules + rules.modalityRules + rules.attributionRules
    static let examples: [Case] = all.flatMap { rule in rule.examples.map { Case(rule: rule.name, binding: rule.binding, example: $0) } }
    static let counterExamples: [String] = all.flatMap { rule in rule.counterExamples.map { "\(rule.name) ⟂ \($0)" } }

    @Test func everyClaimRuleHasExamples() {
        for rule in Self.all { #expect(!rule.examples.isEmpty, "claim rule '\(rule.name)' has no examples") }
    }

    @Test(arguments: examples)
    func example(_ c: Case) throws {
        let e = c.example
        let article = Article(id: "example", text: e.text, published: e.published ?? Day(year: 2024, month: 4, day: 27))
        let claims = try Extractor(rules: Support.rules).claims(in: article)
        guard let claim = claims.first(where: { $0.text.hasPrefix(e.figure) }) else {
            Issue.record("'\(e.text)': no claim for '\(e.figure)'; got \(claims.map { "\($0.category) «\($0.text)» (\($0.rule))" })")
            return
        }
        switch c.binding {
        case .category(let category):
            #expect(claim.category == (e.category ?? category), "'\(e.figure)': category")
            if e.category == nil { #expect(claim.rule == c.rule, "'\(e.figure)' was bound by '\(claim.rule)'") }
        case .modality(let modality):
            #expect(claim.modality == modality, "'\(e.figure)': modality")
        case .attribution:
            break
        }
        if let category = e.category { #expect(claim.category == category) }
        if let p = e.population {
            #expect(claim.population == p.string, "'\(e.figure)': population \(claim.population ?? "nil")")
        }
        if let when = e.refersTo { #expect(claim.refersTo == when, "'\(e.figure)': refers_to \(claim.refersTo ?? "nil")") }
        if let modality = e.modality { #expect(claim.modality.rawValue == modality, "'\(e.figure)': modality") }
        if let qualifier = e.qualifier { #expect(claim.qualifier.rawValue == qualifier, "'\(e.figure)': qualifier \(claim.qualifier)") }
        if let source = e.attributedTo { #expect(claim.attributedTo == source, "'\(e.figure)': attributed_to \(claim.attributedTo ?? "nil")") }
    }

    @Test(arguments: counterExamples)
    func counterExample(_ label: String) throws {
        let text = String(label.split(separator: "⟂", maxSplits: 1)[1].dropFirst())
        let claims = try Extractor(rules: Support.rules).claims(in: Article(id: "counter", text: text, published: Day(year: 2024, month: 4, day: 27)))
        #expect(claims.isEmpty, "'\(text)' gave \(claims.map { "\($0.category) «\($0.text)» (\($0.rule))" })")
    }
}
