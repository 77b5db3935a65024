import Foundation
import Testing
@testable import PCRE2

@Suite struct CompileTests {
    @Test func compileErrorCarriesMessageCodeAndOffset() throws {
        let error = #expect(throws: PCRE2Error.self) { try Pattern("ab(c") }
        #expect(error?.kind == .compile)
        #expect(error?.offset == 4)
        #expect(error?.message.contains("missing closing parenthesis") == true)
        #expect((error?.code ?? 0) > 100) // compile error codes are positive, above 100
    }

    @Test func compileErrorOffsetIsInBytes() throws {
        // "é" is two bytes: the bad quantifier is at byte 3, not character 2.
        let error = #expect(throws: PCRE2Error.self) { try Pattern("é(*") }
        #expect(error?.kind == .compile)
        #expect(error?.offset == 3 || error?.offset == 4)
    }

    @Test func reportsCaptureCountAndNames() throws {
        let p = try Pattern(#"(?<number>\d+)\s+(?<what>\w+)(x)?"#)
        #expect(p.captureCount == 3)
        #expect(p.groupNames == ["number": 1, "what": 2])
    }

    @Test func isJITCompiledByDefaultAndNotWithNoJIT() throws {
        #expect(try Pattern("abc").isJITCompiled)
        #expect(try !Pattern("abc", options: .noJIT).isJITCompiled)
    }
}

@Suite struct OptionTests {
    @Test func caseless() throws {
        #expect(try Pattern("killed", options: .caseless).isMatch("KILLED"))
        #expect(try !Pattern("killed").isMatch("KILLED"))
    }

    @Test func extendedIgnoresWhitespaceAndComments() throws {
        let p = try Pattern(#"\d+ \s+ people  # a count"#, options: .extended)
        #expect(try p.firstMatch(in: "12 people")?.range == 0..<9)
    }

    @Test func multiline() throws {
        #expect(try Pattern("^b", options: .multiline).firstMatch(in: "a\nb")?.range == 2..<3)
        #expect(try Pattern("^b").firstMatch(in: "a\nb") == nil)
    }

    @Test func dotAll() throws {
        #expect(try Pattern("a.b", options: .dotAll).isMatch("a\nb"))
        #expect(try !Pattern("a.b").isMatch("a\nb"))
    }

    @Test func anchoredMatchesOnlyAtTheStartOffset() throws {
        let p = try Pattern(#"\d+"#, options: .anchored)
        #expect(try p.firstMatch(in: "ab 12") == nil)
        #expect(try p.firstMatch(in: "ab 12", from: 3)?.range == 3..<5)
    }

    @Test func unicodePropertiesAreOnByDefault() throws {
        // UCP: \w matches accented letters, and \d matches other scripts' digits.
        #expect(try Pattern(#"^\w+$"#).isMatch("Bogotá"))
        #expect(try Pattern(#"^\w+$"#, options: .bytes).isMatch("Bogotá") == false)
    }

    @Test func duplicateNames() throws {
        let p = try Pattern(#"(?:(?<n>\d+) dead|killed (?<n>\d+))"#, options: .duplicateNames)
        let m = try #require(try p.firstMatch(in: "killed 12"))
        #expect(m.range(of: 2) == 7..<9)
        #expect(p.namedGroups == ["n": [1, 2]])
        #expect(m.range(of: "n") == 7..<9) // the first group named n that took part
    }
}

@Suite struct ByteOffsetTests {
    @Test func curlyQuotesEmDashesAndAccentsGiveByteOffsets() throws {
        let text = "“Bogotá” — 12 killed"
        let p = try Pattern(#"(?<n>\d+) killed"#)
        let m = try #require(try p.firstMatch(in: text))
        // “ = 3 bytes, Bogotá = 7, ” = 3, space, — = 3, space: the digits start at byte 18.
        #expect(m.range == 18..<27)
        #expect(m.range(of: "n") == 18..<20)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[m.range], as: UTF8.self) == "12 killed")
        #expect(m.text(in: text) == "12 killed")
    }

    @Test func startOffsetIsAByteOffset() throws {
        let text = "é1 é2"
        let p = try Pattern(#"\d"#)
        #expect(try p.firstMatch(in: text, from: 0)?.range == 2..<3)
        #expect(try p.firstMatch(in: text, from: 3)?.range == 6..<7)
    }

    @Test func matchesBytesAndBuffersWithoutStrings() throws {
        let bytes: [UInt8] = Array("x 42 y".utf8)
        let p = try Pattern(#"\d+"#)
        #expect(try p.firstMatch(in: bytes)?.range == 2..<4)
        let m = try bytes.withUnsafeBufferPointer { (buffer) throws in try p.firstMatch(in: buffer) }
        #expect(m?.range == 2..<4)
    }

    @Test func emptySubject() throws {
        #expect(try Pattern("a").firstMatch(in: "") == nil)
        #expect(try Pattern("a*").firstMatch(in: "")?.range == 0..<0)
    }
}

@Suite struct CaptureTests {
    @Test func namedAndNumberedGroups() throws {
        let p = try Pattern(#"(?<qualifier>more than|nearly)?\s*(?<number>\d[\d,]*)"#)
        let m = try #require(try p.firstMatch(in: "killed more than 34,300"))
        #expect(m.range(of: "qualifier") == 7..<16)
        #expect(m.range(of: "number") == 17..<23)
        #expect(m.range(of: 1) == 7..<16)
        #expect(m.range(of: "missing") == nil)
        #expect(m.range(of: 9) == nil)
    }

    @Test func unsetGroupIsNil() throws {
        let p = try Pattern(#"(?<a>x)?(?<b>\d)"#)
        let m = try #require(try p.firstMatch(in: "5"))
        #expect(m.range(of: "a") == nil)
        #expect(m.range(of: "b") == 0..<1)
    }

    @Test func markTellsWhichAlternativeMatched() throws {
        let p = try Pattern(#"(?:killed(*MARK:killed)|wounded(*MARK:injured))"#)
        #expect(try p.firstMatch(in: "were wounded")?.mark == "injured")
        #expect(try p.firstMatch(in: "were killed")?.mark == "killed")
        #expect(try Pattern("x").firstMatch(in: "x")?.mark == nil)
    }
}

@Suite struct IterationTests {
    @Test func allMatches() throws {
        let ranges = try Pattern(#"\d+"#).matches(in: "1, 22 and 333").map(\.range)
        #expect(ranges == [0..<1, 3..<5, 10..<13])
    }

    @Test func emptyMatchesFollowPerlRules() throws {
        let ranges = try Pattern("x*").matches(in: "axb").map(\.range)
        #expect(ranges == [0..<0, 1..<2, 2..<2, 3..<3])
    }

    @Test func emptyMatchesStepOverWholeCharacters() throws {
        // Never stop inside the two bytes of "é".
        let ranges = try Pattern("x*").matches(in: "é").map(\.range)
        #expect(ranges == [0..<0, 2..<2])
    }

    @Test func iterationRestartsAfterTheMatchNotAfterTheLastGroup() throws {
        let ranges = try Pattern(#"(a)\w+"#).matches(in: "abc abd").map(\.range)
        #expect(ranges == [0..<3, 4..<7])
    }
}

@Suite struct InvalidUTF8Tests {
    @Test func invalidBytesAreBarriersNotCrashes() throws {
        let subject: [UInt8] = [0x61, 0xFF, 0x62, 0xC3] // a, invalid, b, truncated sequence
        #expect(try Pattern("b").firstMatch(in: subject)?.range == 2..<3)
        #expect(try Pattern(".").matches(in: subject).map(\.range) == [0..<1, 2..<3])
        #expect(try Pattern("a.b").firstMatch(in: subject) == nil)
    }

    @Test func emptyMatchIterationOverInvalidBytesTerminates() throws {
        let subject: [UInt8] = [0xFF, 0xFE, 0x61]
        let ranges = try Pattern("x*").matches(in: subject).map(\.range)
        // Invalid bytes never match, not even emptily: the search resumes after them.
        #expect(ranges == [0..<0, 2..<2, 3..<3])
    }
}

@Suite struct LimitTests {
    @Test func catastrophicBacktrackingFailsFastWithALimitError() throws {
        let p = try Pattern("(a+)+$")
        let subject = String(repeating: "a", count: 40) + "b"
        let start = ContinuousClock.now
        let error = #expect(throws: PCRE2Error.self) { try p.firstMatch(in: subject) }
        let elapsed = ContinuousClock.now - start
        #expect(error?.kind == .matchLimit)
        #expect(error?.isResourceLimit == true)
        // A guard against hanging, not a benchmark: PCRE2 stops after a million steps.
        #expect(elapsed < .seconds(1))
    }

    @Test func interpreterHitsTheLimitToo() throws {
        let p = try Pattern("(a+)+$", options: .noJIT)
        let error = #expect(throws: PCRE2Error.self) {
            try p.firstMatch(in: String(repeating: "a", count: 40) + "b")
        }
        #expect(error?.isResourceLimit == true)
    }

    @Test func customLimits() throws {
        // No literal the optimizer could look for first: the match really backtracks.
        let p = try Pattern(#"(\w+\s?)+\d"#, limits: MatchLimits(match: 1_000))
        let error = #expect(throws: PCRE2Error.self) {
            try p.firstMatch(in: String(repeating: "word ", count: 30))
        }
        #expect(error?.kind == .matchLimit)
    }

    @Test func longSubjectsGetALargerJITStack() throws {
        // Each repetition of a capturing alternation keeps a JIT stack frame; 200,000 of them do
        // not fit the default 32 KiB stack, so the matcher retries with a large one.
        let p = try Pattern(#"^(a|b)*c"#, limits: MatchLimits(match: 100_000_000))
        let subject = String(repeating: "ab", count: 100_000) + "c"
        #expect(try p.firstMatch(in: subject)?.range == 0..<200_001)
    }
}

@Suite struct ProbeTests {
    @Test func possibleFirstBytes() throws {
        let set = try #require(try Pattern("(?:killed|wounded)", options: .caseless).possibleFirstBytes)
        #expect(set[Int(UInt8(ascii: "k"))] && set[Int(UInt8(ascii: "K"))] && set[Int(UInt8(ascii: "w"))])
        #expect(!set[Int(UInt8(ascii: "a"))])
        #expect(try Pattern(".*").possibleFirstBytes == nil)
    }

    @Test func canMatchPrefix() throws {
        let p = try Pattern("(?:more than|nearly) \\d+", options: [.anchored, .caseless])
        #expect(try p.canMatch(prefix: Array("mo".utf8)))
        #expect(try p.canMatch(prefix: Array("Ne".utf8)))
        #expect(try !p.canMatch(prefix: Array("mu".utf8)))
        #expect(try p.canMatch(prefix: Array("nearly 5".utf8)))
    }
}

@Suite struct MatcherTests {
    @Test func reusableMatcherReadsRangesWithoutAllocating() throws {
        let p = try Pattern(#"(?<n>\d+)"#, options: .anchored)
        let matcher = Matcher(p)
        let bytes = Array("a 12 b 345".utf8)
        try bytes.withUnsafeBufferPointer { (buffer) throws in
            #expect(try !matcher.matches(buffer, from: 0))
            #expect(try matcher.matches(buffer, from: 2))
            #expect(matcher.range == 2..<4)
            #expect(try matcher.matches(buffer, from: 7))
            #expect(matcher.range(of: "n") == 7..<10)
            #expect(matcher.match.groups == [7..<10, 7..<10])
        }
    }
}

@Suite struct ConcurrencyTests {
    @Test func onePatternSharedByManyTasksGivesIdenticalResults() async throws {
        let pattern = try Pattern(#"(?<n>\d[\d,]*) (?<who>[A-Z]\w+)"#)
        let text = String(repeating: "Reports say 1,200 Israelis and 34,300 Palestinians — “Bogotá” 7 Days. ", count: 200)
        let expected = try pattern.matches(in: text)
        #expect(expected.count == 600)
        let results = await withTaskGroup(of: [Match].self) { group in
            for _ in 0..<16 {
                group.addTask { (try? pattern.matches(in: text)) ?? [] }
            }
            var all: [[Match]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16)
        for result in results { #expect(result == expected) }
    }
}

@Suite struct StartOptimizeTests {
    @Test func noStartOptimizeMatchesTheSame() throws {
        let subject = "Figures 2024-07-13 and 1999-1-2 but not 12-34"
        let a = try Pattern(#"\d{4}-\d{1,2}-\d{1,2}"#)
        let b = try Pattern(#"\d{4}-\d{1,2}-\d{1,2}"#, options: .noStartOptimize)
        #expect(try a.matches(in: subject).map(\.range) == b.matches(in: subject).map(\.range))
        #expect(try b.matches(in: subject).count == 2)
        // Without start optimizations PCRE2 offers no start analysis.
        #expect(try Pattern("(?:ab|cd)x", options: .noStartOptimize).possibleFirstBytes == nil)
        #expect(try Pattern("(?:ab|cd)x").possibleFirstBytes != nil)
    }
}
