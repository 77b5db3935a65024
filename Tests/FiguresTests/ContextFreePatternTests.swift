import Foundation
import Testing
import PCRE2
@testable import Figures

/// The context-free variant of a rule pattern: assertions that look before the start are
/// replaced by the value that lets more texts match, and none is made where that is unsafe.
@Suite struct ContextFreePatternTests {
    func variant(_ source: String) -> String? { ContextFreePattern.variant(of: source) }

    @Test func lookbehindBecomesTrue() {
        #expect(variant(#"(?<= \bin\s ) may"#) == "(?:) may")
        #expect(variant(#"(?<! \d[/.-] ) \d+"#) == #"(?:) \d+"#)
    }

    @Test func insideANegativeAssertionItBecomesFalse() {
        #expect(variant(#"(?! (?<= \p{L} [ ] ) x ) \w+"#) == #"(?! (?:(*F)) x ) \w+"#)
        #expect(variant(#"(?! (?! (?<= a ) x ) ) y"#) == #"(?! (?! (?:) x ) ) y"#)
    }

    @Test func wordBoundaryAtTheStartOnly() {
        #expect(variant(#"\bab"#) == "(?:)ab")
        #expect(variant(#"ab \b c"#) == #"ab \b c"#)
        #expect(variant(#"(?: x )? \b y"#) == #"(?: x )? (?:) y"#)
        #expect(variant(#"a | \b y"#) == #"a | (?:) y"#)
        #expect(variant(#"a? \b y"#) == #"a? (?:) y"#)
        #expect(variant(#"a+ \b y"#) == #"a+ \b y"#)
    }

    @Test func piecesTakeTheContextOfTheirCalls() {
        #expect(variant(#"(?(DEFINE)(?<p>(?<=x)))(?&p) y"#) == #"(?(DEFINE)(?<p>(?:)))(?&p) y"#)
        #expect(variant(#"(?(DEFINE)(?<p>(?<=x)))(?! (?&p) ) y"#) == #"(?(DEFINE)(?<p>(?:(*F))))(?! (?&p) ) y"#)
        // Called both ways: no value is safe.
        #expect(variant(#"(?(DEFINE)(?<p>(?<=x)))(?&p) (?! (?&p) ) y"#) == nil)
    }

    @Test func noVariantWhereAValueIsUnsafe() {
        #expect(variant(#"(?> (?<=x) a | ab ) c"#) == nil)
        #expect(variant(#"(?(?<=x) a | b )"#) == nil)
        #expect(variant(#"(?(?= \b a ) a | b )"#) == nil)
        #expect(variant(#"(?: (?<=x) a )++ b"#) == nil)
        #expect(variant(#"(?<=x) a (*COMMIT) b"#) == nil)
        // Syntax the parser does not follow (found by FollowerCacheDifferentialTests).
        #expect(variant(#"(*plb:\s) \d+"#) == nil)
        #expect(variant(#"(?-x)7#(?<= 7#)w"#) == nil)
        #expect(variant(#"(?^)7#(?<= 7#)w"#) == nil)
        #expect(variant(#"(?(DEFINE)(?<p>(?<=x)))(?! \g<p> ) y (?&p)"#) == nil)
        #expect(variant(#"(?<!x) a (?! (?R) )"#) == nil)
        #expect(variant(#"(?: (?<= (\s) ) )? (\d+) (x)? (?(2) a | b )"#) == nil)
        #expect(variant(#"\Q\E \B 12"#) == #"\Q\E (?:) 12"#)
    }

    @Test func nothingToReplaceGivesTheSource() {
        let source = ##"[0-9]+ (?: [.\]‐-] [0-9]+ )* (?-i: [A-Z] )? \# x (?# note ) \Q(?<=\E"##
        #expect(variant(source) == source)
        #expect(variant("(?: a") == nil)
    }

    /// Every standard rule has a variant that compiles, except where none is safe, and a variant
    /// never refuses a text its rule matches (each rule's own examples, at any context).
    @Test func standardRulesVariantsMatchTheirExamples() throws {
        let rules = Support.rules.scanner.rules
        #expect(rules.filter { $0.rule.probe != nil }.count == rules.count)
        for compiled in rules {
            guard let probe = compiled.rule.probe else { continue }
            let rule = Matcher(compiled.pattern), variant = Matcher(probe)
            for example in compiled.rule.examples {
                let bytes = Array(example.text.utf8)
                try bytes.withUnsafeBufferPointer { buffer in
                    for start in 0..<buffer.count where try rule.matches(buffer, from: start) {
                        let rest = UnsafeBufferPointer(rebasing: buffer[start...])
                        #expect(try variant.canMatch(prefix: rest), "\(compiled.rule.name) at \(start) of '\(example.text)'")
                    }
                }
            }
        }
    }
}
