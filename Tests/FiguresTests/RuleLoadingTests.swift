import Foundation
import Testing
@testable import Figures

/// Rule tables a user writes: added, overridden, disabled, and refused with a clear error.
@Suite struct RuleLoadingTests {
    /// Writes `yaml` to a temporary file and loads it after the standard tables.
    func load(_ yaml: String, name: String = "user.yaml") throws -> RuleBook {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("figures-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(name)
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try RuleBook.load([file.path])
    }

    func loadError(_ yaml: String) -> RuleError? {
        do { _ = try load(yaml); return nil } catch let error as RuleError { return error } catch {
            Issue.record("expected a RuleError, got \(error)")
            return nil
        }
    }

    @Test func userRuleIsAddedAndRuns() throws {
        let rules = try load("""
        rules:
          - name: "<numeral> souls"
            layer: number
            kind: count
            priority: 5
            pattern: '(?<value> (?&numeral) ) (?= \\s+ souls )'
            examples:
              - {text: "twelve souls", match: "twelve", value: 12}
        """)
        #expect(rules.lexicalRuleNames.last == "<numeral> souls")
        let mentions = try Lexer(rules: rules).mentions(in: "twelve souls were lost", published: nil)
        #expect(mentions.first?.rule == "<numeral> souls")
        #expect(mentions.first?.quantity?.value == 12)
    }

    /// Small grammar pieces are pasted into the patterns that run rather than called: a pasted
    /// piece keeps the options it was defined with, and one that would mean something else
    /// pasted is called.
    @Test func smallPiecesArePastedAsTheyWouldBeCalled() throws {
        let rules = try load("""
        define:
          greeting: 'hello'
        rules:
          - name: "<greeting> <numeral>"
            layer: number
            kind: count
            priority: 5
            pattern: '(?-i: (?&greeting) ) \\s+ (?<value> (?&numeral) )'
            examples:
              - {text: "HELLO 5", value: 5}
        """)
        let mentions = try Lexer(rules: rules).mentions(in: "HELLO 5", published: nil)
        #expect(mentions.first?.rule == "<greeting> <numeral>")
        #expect(Grammar.isPastable("(?: a | b (?! c ) (?<= d ) (?-i: e ) [(#] \\( )"))
        for called in ["(a)", "(?<x> a )", "(*COMMIT) a", "(?(<x>) a | b )", "(?1)", "(?-1)", "\\1", "\\k<x>", "a # note", "(?| a | b )"] {
            #expect(!Grammar.isPastable(called), "\(called)")
        }
    }

    @Test func tableEntriesCanBeAddedAndDeleted() throws {
        let rules = try load("""
        tables:
          qualifiers:
            a good: approximately
            nearly: null
        """)
        let lexer = Lexer(rules: rules)
        let added = try lexer.mentions(in: "a good 300 people", published: nil)
        #expect(added.first?.quantity?.qualifier == .approximately)
        let deleted = try lexer.mentions(in: "nearly 300 people", published: nil)
        #expect(deleted.first?.quantity?.qualifier == .exact)
    }

    @Test func sameNameReplacesAndDisableDrops() throws {
        let standard = try RuleBook.standard()
        let first = try #require(standard.lexicalRuleNames.first { $0 == "time of day" })
        let rules = try load("""
        disable: ["\(first)"]
        """)
        #expect(!rules.lexicalRuleNames.contains(first))
        #expect(rules.lexicalRuleNames.count == standard.lexicalRuleNames.count - 1)
    }

    @Test func claimCategoriesAreExtensible() throws {
        let rules = try load("""
        categories:
          evacuated: {kind: stock, description: People evacuated.}
        claims:
          - name: "<figure> <people> evacuated"
            category: evacuated
            priority: 5
            after: '{{np_any_or_bare}} (?&auxes) \\s+ evacuated'
            examples:
              - {text: "Some 400 residents were evacuated.", figure: "Some 400"}
        """)
        #expect(rules.category(named: "evacuated")?.kind == .stock)
        let claims = try Extractor(rules: rules).claims(in: Article(id: "e", text: "Some 400 residents were evacuated.", published: Day(year: 2024, month: 1, day: 1)))
        #expect(claims.map(\.category) == ["evacuated"])
    }

    @Test func aBookForCheckingHasTheTablesAndCompilesItsRulesWhenUsed() throws {
        let standard = try RuleBook.standard()
        let checking = try RuleBook.forChecking()
        #expect(checking.categories.map(\.name) == standard.categories.map(\.name))
        let claims = try Extractor(rules: standard).claims(in: Article(id: "a", text: "At least 40 people were killed on Monday.",
                                                                      published: Day(year: 2024, month: 1, day: 2)))
        #expect(Report(claims: claims, rules: checking).csv() == Report(claims: claims, rules: standard).csv())
        // Extracting with it compiles the rules then.
        #expect(try Extractor(rules: checking).claims(in: Article(id: "a", text: "At least 40 people were killed on Monday.",
                                                                  published: Day(year: 2024, month: 1, day: 2))) == claims)
    }

    /// A book for checking with tables of the user's own compiles them at once: a broken
    /// pattern is an error naming the file and the rule, not a crash when the book extracts.
    @Test func aBookForCheckingReportsAnErrorInTheUsersPatterns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("figures-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.yaml")
        try """
        claims:
          - name: "broken group"
            category: killed
            after: '\\s+ (?: souls lost'
        """.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try RuleBook.forChecking([file.path])
            Issue.record("a broken pattern was accepted")
        } catch let error as RuleError {
            #expect(error.file.hasSuffix("broken.yaml"))
            #expect(error.description.contains("broken group"))
        }
        // Through the command: exit status 2 and the file named on standard error.
        let result = try ReportCommandTests.run(["report", "--claims", ReportCommandTests.claims, "--rules", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.yaml"))
    }

    @Test func malformedYAMLNamesTheFile() {
        let error = loadError("rules: [ {name: x")
        #expect(error?.file.hasSuffix("user.yaml") == true)
        #expect(error?.message.contains("malformed YAML") == true)
    }

    @Test func unknownFieldNamesTheRuleAndTheLine() {
        let error = loadError("""
        rules:
          - name: "my rule"
            layer: number
            pattern: '\\d+'
            colour: blue
        """)
        #expect(error?.rule == "my rule")
        #expect(error?.line == 5)
        #expect(error?.message.contains("unknown field 'colour'") == true)
    }

    @Test func anAttributionScopeMustBeKnown() {
        let error = loadError("""
        claims:
          - name: "reckons"
            bind: attribution
            anchor: 'reckons'
            scope: before_anchor
            before: '(?<source> (?&source_np) ) \\s+'
        """)
        #expect(error?.rule == "reckons")
        #expect(error?.message.contains("unknown 'scope' value 'before_anchor'") == true)
    }

    @Test func patternErrorsCarryPCRE2MessageAndOffset() {
        let error = loadError("""
        rules:
          - name: "broken"
            layer: number
            pattern: '(?<value> \\d+'
        """)
        #expect(error?.rule == "broken")
        #expect(error?.message.contains("missing closing parenthesis") == true)
        #expect(error?.message.contains("at offset") == true)
        #expect(error?.description.contains("user.yaml") == true)
    }

    @Test func unknownCaptureAndUnknownPieceAreRefused() {
        let capture = loadError("""
        rules:
          - name: "typo"
            layer: number
            pattern: '(?<valeu> \\d+ )'
        """)
        #expect(capture?.message.contains("unknown capture group 'valeu'") == true)
        let piece = loadError("""
        rules:
          - name: "no piece"
            layer: number
            pattern: '(?<value> (?&numbr) )'
        """)
        #expect(piece?.message.contains("(?&numbr)") == true)
    }

    @Test func aRuleThatStartsAtAnyWordIsRefused() {
        let error = loadError("""
        rules:
          - name: "everywhere"
            layer: ignore
            pattern: '\\p{L}+ \\s+ \\d+'
        """)
        #expect(error?.rule == "everywhere")
        #expect(error?.message.contains("any word") == true)
    }
}
