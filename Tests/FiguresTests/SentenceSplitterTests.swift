import Testing
@testable import Figures

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) throws -> [String] {
        let mentions = try Support.lexer.mentions(in: text, published: Day(year: 2024, month: 4, day: 27))
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            Support.rules.claimRules.splitter.split(b, protecting: mentions).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    @Test func splitsAtFullStopsBeforeCapitals() throws {
        #expect(try sentences("Twelve were killed. Police said so! Was it true? Yes.") ==
                ["Twelve were killed.", "Police said so!", "Was it true?", "Yes."])
    }

    @Test func abbreviationsAndDatesDoNotEndSentences() throws {
        #expect(try sentences("Since Oct. 7, Dr. Smith of the U.S. Army counted 12 dead. Gen. Halevi agreed.") ==
                ["Since Oct. 7, Dr. Smith of the U.S. Army counted 12 dead.", "Gen. Halevi agreed."])
    }

    @Test func decimalsAndInitialsDoNotEndSentences() throws {
        #expect(try sentences("Some 1.9 million fled, J. Smith said. It rose.") == ["Some 1.9 million fled, J. Smith said.", "It rose."])
    }

    @Test func quotationsStayWhole() throws {
        let text = "“They killed 12. Then 40 more,” Arouri told Press TV. The UN agreed."
        #expect(try sentences(text) == ["“They killed 12. Then 40 more,” Arouri told Press TV.", "The UN agreed."])
    }

    @Test func closingQuoteAfterAFullStopEndsTheSentence() throws {
        #expect(try sentences("He said: “It is over.” The talks ended.") == ["He said: “It is over.”", "The talks ended."])
    }

    @Test func blankLinesAndShortLinesEndSentences() throws {
        let text = "Hamas leader contacts mediators\n\nCairo, July 4 (RHC)-- The movement said 12 died.\nNext line."
        #expect(try sentences(text) == ["Hamas leader contacts mediators", "Cairo, July 4 (RHC)-- The movement said 12 died.", "Next line."])
    }

    @Test func hardWrappedLinesJoin() throws {
        let text = "The ministry said that at least twelve people had been killed in the strikes\nand forty others were wounded on Saturday."
        #expect(try sentences(text).count == 1)
    }
}
