import Foundation
import Testing
@testable import Figures

@Suite struct ExtractorTests {
    let extractor = Extractor(rules: Support.rules)

    @Test func provenanceIsExactBytes() throws {
        let text = "“Bogotá” — At least 19 people were killed on Saturday, officials said."
        let claims = try extractor.claims(in: Article(id: "a", text: text, published: Day(year: 2024, month: 4, day: 27)))
        let claim = try #require(claims.first)
        let bytes = Array(text.utf8)
        #expect(claim.start == 18) // “ Bogotá ” — and spaces are 3+7+3+1+3+1 bytes
        #expect(String(decoding: bytes[claim.start..<claim.end], as: UTF8.self) == claim.text)
        #expect(claim.text == "At least 19 people")
        #expect(claim.sentence == text)
        #expect(claim.qualifier == .atLeast && claim.low == 19 && claim.high == nil)
        #expect(claim.refersTo == "2024-04-27")
        #expect(claim.attributedTo == "officials")
        #expect(claim.id == "a@18")
    }

    @Test func undatedArticleClaimsHaveNoDate() throws {
        let claims = try extractor.claims(in: Article(id: "u", text: "Israel has killed more than 34,300 Palestinians since an Oct. 7 attack."))
        #expect(claims.count == 1)
        #expect(claims[0].refersTo == nil)
        #expect(claims[0].published == nil)
    }

    @Test func headerGivesThePublicationDate() throws {
        let text = " date 2025-07-13 Hamas said Wednesday it agreed to release 10 living Israeli captives."
        let claim = try #require(try extractor.claims(in: Article(id: "h", text: text)).first)
        #expect(claim.published == Day(year: 2025, month: 7, day: 13))
        #expect(claim.refersTo == "2025-07-09")
        #expect(claim.modality == .agreed)
        #expect(claim.population == "Israelis")
    }

    @Test func listsAndPartsAreLinked() throws {
        let text = "A deal in November saw the release of 81 Israelis and 24 foreigners in exchange for 240 Palestinians, including 71 women and 169 children."
        let claims = try extractor.claims(in: Article(id: "d", text: text, published: Day(year: 2024, month: 4, day: 27)))
        let byValue = Dictionary(uniqueKeysWithValues: claims.map { (Int($0.value), $0) })
        #expect(byValue[81]?.category == "captives_released" && byValue[24]?.category == "captives_released")
        #expect(byValue[81]?.list != nil && byValue[81]?.list == byValue[24]?.list)
        #expect(byValue[240]?.category == "prisoners_released")
        #expect(byValue[71]?.partOf == byValue[240]?.id && byValue[169]?.partOf == byValue[240]?.id)
        #expect(byValue[169]?.population == "children")
        #expect(claims.allSatisfy { $0.refersTo == "2023-11" })
    }

    @Test func figureWithItsVerbLeftOutCountsWhatTheFigureBeforeCounts() throws {
        let text = "Seven people were killed at a bowling alley, and eight at a bar about 4 miles away, officials said. "
            + "Five people were killed, and 30 in hospital."
        let claims = try extractor.claims(in: Article(id: "g", text: text, published: Day(year: 2023, month: 10, day: 26)))
        let byValue = Dictionary(uniqueKeysWithValues: claims.map { (Int($0.value), $0) })
        #expect(byValue[8]?.category == "killed")
        #expect(byValue[8]?.list == byValue[7]?.id)
        #expect(byValue[8]?.attributedTo == "officials")
        // "in hospital" is no place: the 30 are not counted as killed.
        #expect(byValue[30]?.category != "killed")
    }

    @Test func dateOfTheStatementYieldsToTheDateOfTheEvent() throws {
        // Published Wednesday 2024-05-15.
        let text = "The ministry said on Monday that 50 people were killed in strikes on Sunday. "
            + "The ministry said on Monday that 20 people were wounded."
        let claims = try extractor.claims(in: Article(id: "r", text: text, published: Day(year: 2024, month: 5, day: 15)))
        let byValue = Dictionary(uniqueKeysWithValues: claims.map { (Int($0.value), $0) })
        #expect(byValue[50]?.refersTo == "2024-05-12")
        // With no other date, the day the source spoke is the best there is.
        #expect(byValue[20]?.refersTo == "2024-05-13")
    }

    @Test func runningTotalRunsFromTheEventToPublication() throws {
        let text = "A powerful earthquake struck on Monday. Officials said 17,134 people had died. "
            + "The war, which erupted on April 15 last year, has uprooted more than 8.8 million people."
        let claims = try extractor.claims(in: Article(id: "q", text: text, published: Day(year: 2024, month: 5, day: 16)))
        let byValue = Dictionary(uniqueKeysWithValues: claims.map { (Int($0.value), $0) })
        #expect(byValue[17_134]?.refersTo == "2024-05-13/2024-05-16")
        #expect(byValue[8_800_000]?.refersTo == "2023-04-15/2024-05-16")
        let war = "The conflict, which erupted in April 2023, has killed at least 15,000 people."
        let toll = try #require(try extractor.claims(in: Article(id: "m", text: war, published: Day(year: 2024, month: 6, day: 11))).first)
        #expect(toll.refersTo == "2023-04-01/2024-06-11")
        let floods = "Officials said 53 people had died since the floods began in May."
        let dead = try #require(try extractor.claims(in: Article(id: "f", text: floods, published: Day(year: 2022, month: 6, day: 19))).first)
        #expect(dead.refersTo == "2022-05-01/2022-06-19")
        // "since dawn" is the day of publication, whatever start the article names later.
        let gaza = "Israeli attacks have killed at least 65 Palestinians since dawn, medical sources told Al Jazeera. "
            + "The ministry said 137,000 others have been wounded since October 7, 2023."
        let today = try extractor.claims(in: Article(id: "g", text: gaza, published: Day(year: 2025, month: 7, day: 5)))
        #expect(today.first { $0.value == 65 }?.refersTo == "2025-07-05")
        #expect(today.first { $0.value == 65 }?.attributedTo == "medical sources")
        #expect(today.first { $0.value == 137_000 }?.refersTo == "2023-10-07/2025-07-05")
    }

    @Test func ofThoseRefersToTheSentenceBefore() throws {
        let text = "The war has uprooted more than 8.8 million people, the United Nations said. "
            + "Of those, some 1.8 million have crossed into neighbouring countries. "
            + "Some 6,417 Yazidis were abducted. Of those, 3,509 have been rescued. "
            + "The four crossed the border so that one of them could see a doctor."
        let claims = try extractor.claims(in: Article(id: "o", text: text, published: Day(year: 2024, month: 5, day: 14)))
        let byValue = Dictionary(uniqueKeysWithValues: claims.map { (Int($0.value), $0) })
        let part = try #require(byValue[1_800_000])
        #expect(part.category == "displaced" && part.qualifier == .approximately)
        #expect(part.partOf == byValue[8_800_000]?.id)
        #expect(part.attributedTo == "United Nations")
        // The sentence before supplies the context "were rescued" needs (hostages, abducted).
        #expect(byValue[3_509]?.category == "captives_released")
        // "one of them" in the middle of a sentence is no figure of the sentence before.
        #expect(byValue[1] == nil)
    }


    @Test func earlierValueCountsWhatTheNearestFigureBeforeCounts() throws {
        let text = "The death toll rose to 381 on Monday, up from 377 on Sunday evening, officials said. "
            + "The toll in the three-train accident has been revised to 275 from 288. "
            + "The fire killed 40 people, with 20 injured, up from 15. "
            + "Some 1,146 people were kidnapped in 2022, according to the agency, down from 1,273 in 2021."
        let byValue = try claimsByValue(text, id: "p", published: Day(year: 2013, month: 4, day: 29))
        #expect(byValue[377]?.category == "killed")
        #expect(byValue[275]?.category == "killed" && byValue[288]?.category == "killed")
        #expect(byValue[15]?.category == "injured")
        #expect(byValue[1_273]?.category == "captives_taken")
    }
    @Test func partsNamedLaterInTheSentenceBelongToTheirWhole() throws {
        let text = "ISIS abducted 6,417 Yazidis when it overran Sinjar in August 2014, 3,548 of them women and girls."
        let claims = try extractor.claims(in: Article(id: "y", text: text, published: Day(year: 2019, month: 5, day: 1)))
        let byValue = Dictionary(uniqueKeysWithValues: claims.map { (Int($0.value), $0) })
        #expect(byValue[3_548]?.category == "captives_taken")
        #expect(byValue[3_548]?.partOf == byValue[6_417]?.id)
        #expect(byValue[3_548]?.population == "women")
    }

    @Test func wholeNamedFirstIsNoMemberOfTheList() throws {
        let text = "Of the 300 passengers, 40 are still missing and 25 are confirmed dead."
        let claims = try extractor.claims(in: Article(id: "w", text: text, published: Day(year: 2023, month: 6, day: 16)))
        let byValue = Dictionary(uniqueKeysWithValues: claims.map { (Int($0.value), $0) })
        #expect(byValue[300] == nil)
        #expect(byValue[40]?.category == "missing")
        #expect(byValue[25]?.category == "killed")
    }

    @Test func wholeWithItsOwnParticipleIsAClaim() throws {
        let text = "Two of four kidnapped Americans were found dead. "
            + "Nearly two-thirds of the 1,100 people killed were civilians. "
            + "The UN said 1.9 million of Gaza's 2.4 million residents have been forced to flee."
        let byValue = try claimsByValue(text, id: "k", published: Day(year: 2023, month: 3, day: 8))
        #expect(byValue[2]?.category == "killed")
        #expect(byValue[4]?.category == "captives_taken" && byValue[4]?.population == "Americans")
        #expect(byValue[2]?.partOf == byValue[4]?.id)
        #expect(byValue[1_100]?.category == "killed")
        // A whole with no participle of its own is only the whole.
        #expect(byValue[2_400_000] == nil)
    }

    @Test func breakdownInParenthesesIsPartsOfTheFigureBefore() throws {
        let text = "Of the 1,175 injured, 793 have been discharged and 382 are still in hospitals in "
            + "Balasore (105), Bhadrak (56), Cuttack (202) and Bhubaneswar (19), he said. "
            + "The 12 people killed included John Smith (45) and Mary Jones (32). "
            + "Of the 1,400 people killed on October 7, about 800 were civilians."
        let byValue = try claimsByValue(text, id: "b", published: Day(year: 2023, month: 6, day: 4))
        for part in [105, 56, 202, 19] {
            #expect(byValue[part]?.category == "injured")
            #expect(byValue[part]?.partOf == byValue[382]?.id)
        }
        #expect(byValue[793]?.partOf == byValue[1_175]?.id)
        // Ages add up to more than the figure before them: no parts.
        #expect(byValue[45] == nil && byValue[32] == nil)
        // A part taken from a whole with its participle, and who the part are.
        #expect(byValue[800]?.partOf == byValue[1_400]?.id && byValue[800]?.population == "civilians")
    }

    @Test func displacedSinceAStartRunFromItToPublication() throws {
        let text = "More than 8.6 million people have been displaced since 15 April 2023. "
            + "Some 129 captives have been held in Gaza since the October 7 attacks."
        let byValue = try claimsByValue(text, id: "s", published: Day(year: 2024, month: 6, day: 10))
        #expect(byValue[8_600_000]?.refersTo == "2023-04-15/2024-06-10")
        // Captives held are a level at a date (the category is not dated_from_since).
        #expect(byValue[129]?.refersTo == "2024-06-10")
    }

    @Test func aFigureOfWhomWithAVerbOfItsOwnIsAPartOfTheCountBefore() throws {
        let text = "Hamas is still holding around 130 hostages, about 30 of whom are believed to be dead. "
            + "Nearly 500 migrants were on board, 80 of them are still missing."
        let byValue = try claimsByValue(text, id: "w", published: Day(year: 2024, month: 5, day: 1))
        #expect(byValue[30]?.category == "killed" && byValue[30]?.population == "hostages")
        #expect(byValue[30]?.partOf == byValue[130]?.id && byValue[130]?.category == "captives_held")
        // The count before is no claim ("on board"): its people, but no whole.
        #expect(byValue[80]?.category == "missing" && byValue[80]?.population == "migrants" && byValue[80]?.partOf == nil)
        #expect(byValue[500] == nil)
        // Listed after its whole with no verb of its own: a part, not a member of a list.
        let held = try claimsByValue("The militants still hold about 60 hostages, 35 of whom are believed to be alive.",
                                     id: "h", published: Day(year: 2024, month: 5, day: 1))
        #expect(held[35]?.partOf == held[60]?.id && held[35]?.population == "hostages" && held[35]?.category == "captives_held")
    }

    @Test func aPartIntroducedBeforeItsFigureWithAVerbOfItsOwnIsAPart() throws {
        let text = "Hamas is still holding 136 hostages, of whom at least 25 are believed to be dead. "
            + "The attack killed 40 people, including 12 children who died in the school. "
            + "About 240 people were taken hostage, among them 30 children who were later released."
        let byValue = try claimsByValue(text, id: "i", published: Day(year: 2024, month: 5, day: 1))
        // "of whom": the part counts the whole's people.
        #expect(byValue[25]?.category == "killed" && byValue[25]?.population == "hostages")
        #expect(byValue[25]?.partOf == byValue[136]?.id && byValue[136]?.category == "captives_held")
        #expect(byValue[12]?.partOf == byValue[40]?.id && byValue[12]?.population == "children")
        // A part of another category: linked, and no sum is checked across categories.
        #expect(byValue[30]?.category == "captives_released" && byValue[30]?.partOf == byValue[240]?.id)
    }

    @Test func anotherEstimateOfTheSameCountCountsWhatTheFigureBeforeCounts() throws {
        let text = "Ethiopian authorities said 7 people died, while local residents put the figure at more than 20. "
            + "Police said 12 people were wounded; hospital staff gave the number as 30. "
            + "Some 300 people were displaced and the ministry put the number of homes destroyed at 120."
        let byValue = try claimsByValue(text, id: "r", published: Day(year: 2024, month: 5, day: 1))
        #expect(byValue[20]?.category == "killed" && byValue[20]?.attributedTo == "local residents" && byValue[20]?.qualifier == .moreThan)
        #expect(byValue[30]?.category == "injured")
        #expect(byValue[7]?.attributedTo == "Ethiopian authorities" && byValue[12]?.attributedTo == "Police")
        // Another estimate, not a second group: no list, so the two are never added up.
        #expect(byValue[20]?.list == nil && byValue[7]?.list == nil)
        // "the number of homes destroyed at 120" counts no people.
        #expect(byValue[120] == nil)
    }

    @Test func aBreakdownAfterADashOrAColonIsPartsOfTheFigureBefore() throws {
        let text = "Twenty people were killed: 12 soldiers and eight civilians. "
            + "The 25 hostages freed on Friday — 17 Filipinos, three Ukrainians and five Thais — were taken to hospital. "
            + "Nearly 7 million people are internally displaced — one of the largest such crises in the world."
        let byValue = try claimsByValue(text, id: "d", published: Day(year: 2024, month: 5, day: 1))
        #expect(byValue[12]?.partOf == byValue[20]?.id && byValue[8]?.partOf == byValue[20]?.id)
        #expect(byValue[8]?.population == "civilians" && byValue[8]?.category == "killed")
        // "Friday — 17" is a day and a count, not a range of days.
        for value in [17, 3, 5] {
            #expect(byValue[value]?.partOf == byValue[25]?.id && byValue[value]?.category == "captives_released", "\(value)")
        }
        // "— one of the largest": no figure of people.
        #expect(byValue[1] == nil && byValue[7_000_000]?.category == "displaced")
        // A sentence that names the people of the figure before, then breaks them down.
        let next = try claimsByValue("Houthi rebels on Wednesday released the 25 crew members of the ship. "
            + "The crew — 17 Filipinos, three Ukrainians and five Bulgarians — were flown to Muscat. "
            + "Troops freed 137 hostages. The hostages — 76 females and 61 males — were rescued in a forest.",
                                     id: "c", published: Day(year: 2024, month: 1, day: 24))
        for value in [17, 3, 5] {
            #expect(next[value]?.category == "captives_released" && next[value]?.partOf == next[25]?.id, "\(value)")
        }
        #expect(next[76]?.partOf == next[137]?.id && next[61]?.partOf == next[137]?.id)
    }

    /// Who states a figure: (text, figure, attributed_to).
    static let sourceCases: [(String, Int, String?)] = {
        // A source given with its acronym is named by it, and a later bare common noun names the
        // source the article named with it; a common noun no earlier source ends with stays.
        let text = "The number of people killed rose to 4,011, the National Disaster Risk Reduction and Management Council (NDRRMC) said. "
            + "The council said 18,557 people were injured. "
            + "More than 15,550 people have been killed, according to the Armed Conflict Location and Event Data Project (ACLED). "
            + "The Health Ministry said 40 people died in the north. The ministry said 12 more were wounded. Police said 3 people were missing."
        // A sentence without a source goes on with the one before (a pronoun's source is that
        // one too), but not when it has a cue of its own whose source was not found, nor when it
        // looks back to an earlier year.
        let next = "At least 275 people died, Chief Secretary P K Jena said on Sunday. "
            + "Of the 1,175 injured, 793 have been discharged, he told reporters. "
            + "The ministry gave a lower figure, saying 1,294 people had been confirmed dead. "
            + "Baku said it would free 32 Armenian soldiers. The 2020 war killed more than 6,500 soldiers on both sides."
        return [(text, 4_011, "NDRRMC"), (text, 18_557, "NDRRMC"), (text, 15_550, "ACLED"),
                (text, 40, "Health Ministry"), (text, 12, "Health Ministry"), (text, 3, "Police"),
                (next, 793, "Chief Secretary P K Jena"), (next, 1_175, "Chief Secretary P K Jena"), (next, 1_294, nil), (next, 32, "Baku"), (next, 6_500, nil),
                // The owner of a document, not its possessive.
                ("More than 34,000 people have been killed, according to Gaza's health ministry.", 34_000, "Gaza's health ministry"),
                ("According to UNHCR's annual Global Trends report, 117.3 million people were displaced.", 117_300_000, "UNHCR")]
    }()

    @Test(arguments: sourceCases)
    func whoStatesAFigure(_ text: String, _ value: Int, _ expected: String?) throws {
        let byValue = try claimsByValue(text, id: "s", published: Day(year: 2024, month: 5, day: 1))
        #expect(byValue[value]?.attributedTo == expected)
    }

    @Test func aSourceThatPutsTheTollAtSpeaksOnlyOfTheFigureAfter() throws {
        let text = "Local officials initially said the attackers abducted 287 pupils, but the governor later put "
            + "the number of pupils held at 137. Health officials in the region on Friday put the death toll at 40."
        let byValue = try claimsByValue(text, id: "p", published: Day(year: 2024, month: 3, day: 9))
        #expect(byValue[287]?.attributedTo == "Local officials")
        #expect(byValue[40]?.attributedTo == "Health officials")
    }

    /// What a figure is about: (text, publication date, figure, refers_to).
    static let refersToCases: [(String, Day?, Int, String)] = [
        // A headline figure is about the earliest day of the news: published Thursday 26 October
        // 2023, the search is on Thursday, the shooting on Wednesday.
        ("Gunman kills 18 in Maine shooting\n\nPolice searched Thursday for the man who opened fire "
            + "at a bowling alley on Wednesday night. Officials said 13 people were wounded.",
         Day(year: 2023, month: 10, day: 26), 18, "2023-10-25"),
        // A dateline is not what the figures are about; "yesterday morning" is.
        ("GOMA, Oct 4 — At least 78 people died when a boat capsized on Lake Kivu yesterday morning.",
         Day(year: 2024, month: 10, day: 4), 78, "2024-10-03"),
        // Deaths that "have been reported" are a running total from the day of the event.
        ("The earthquake struck on Monday. In Syria, at least 3,162 deaths have been reported.",
         Day(year: 2023, month: 2, day: 9), 3_162, "2023-02-06/2023-02-09"),
        // "the deadliest to hit the U.S. mainland since Katrina in 2005" compares (the dots of
        // "U.S." do not end it); "since making landfall in Florida’s Big Bend late Thursday" starts.
        ("The storm has killed at least 130 people since making landfall in Florida’s Big Bend late Thursday, "
            + "making it the deadliest to hit the U.S. mainland since Katrina in 2005.",
         Day(year: 2024, month: 10, day: 1), 130, "2024-09-26/2024-10-01"),
        // The day a source spoke ("said this afternoon") is not what the figures are about when
        // the sentence names another day, nor for the sentences after it: published Sunday 17
        // March 2019, the attacks were on Friday.
        ("Police found another victim, raising the death toll from Friday's attacks to 50, the police chief said this afternoon. "
            + "The gunman killed 42 people at the first mosque.",
         Day(year: 2019, month: 3, day: 17), 50, "2019-03-15/2019-03-17"),
        ("Police found another victim, raising the death toll from Friday's attacks to 50, the police chief said this afternoon. "
            + "The gunman killed 42 people at the first mosque.",
         Day(year: 2019, month: 3, day: 17), 42, "2019-03-15"),
    ]

    @Test(arguments: refersToCases)
    func whatAFigureIsAbout(_ text: String, _ published: Day?, _ value: Int, _ expected: String) throws {
        let byValue = try claimsByValue(text, id: "r", published: published)
        #expect(byValue[value]?.refersTo == expected)
    }

    @Test func aSentenceThatOpensWithTheWholeGivesItsPartThePeople() throws {
        let text = "Of the 253 hostages, 105 were released during a week-long truce. Of the 240 people abducted, 110 were freed."
        let byValue = try claimsByValue(text, id: "o", published: Day(year: 2024, month: 5, day: 1))
        #expect(byValue[105]?.population == "hostages" && byValue[105]?.whole == 253 && byValue[253] == nil)
        // A whole with its participle is a claim of its own, and the part is a part of it.
        #expect(byValue[240]?.category == "captives_taken" && byValue[110]?.partOf == byValue[240]?.id)
    }

    @Test func theSidesOfAnExchangeAreNoPeopleReleased() throws {
        let claims = try extractor.claims(in: Article(id: "s", text: "The two sides exchanged 230 prisoners each.",
                                                      published: Day(year: 2024, month: 5, day: 1)))
        #expect(claims.map(\.value) == [230] && claims.first?.category == "prisoners_released")
    }

    /// The claims of `text` by value (the first claim of each value).
    private func claimsByValue(_ text: String, id: String, published: Day?) throws -> [Int: Claim] {
        let claims = try extractor.claims(in: Article(id: id, text: text, published: published))
        return Dictionary(claims.map { (Int($0.value), $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func sidesOfAnExchangeHaveOppositeRoles() throws {
        let text = "A previous deal saw the release of two passengers and 10 foreigners in exchange for 67 detainees. "
            + "In June, 90 Ukrainians were released in exchange for 90 Russian soldiers."
        let claims = try extractor.claims(in: Article(id: "x", text: text, published: Day(year: 2024, month: 9, day: 1)))
        let byValue = Dictionary(claims.map { (Int($0.value), $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byValue[2]?.category == "captives_released" && byValue[10]?.category == "captives_released")
        #expect(byValue[67]?.category == "prisoners_released")
        // Soldiers for soldiers: prisoners of war on both sides.
        #expect(claims.filter { Int($0.value) == 90 }.allSatisfy { $0.category == "prisoners_released" })
        // The other side of a planned exchange is planned too, however many words stand between.
        let deal = try extractor.claims(in: Article(id: "d", text: "Under the first phase, 33 Israeli hostages will be released over "
            + "six weeks in exchange for about 1,900 Palestinian prisoners.", published: Day(year: 2025, month: 1, day: 16)))
        #expect(deal.count == 2 && deal.allSatisfy { $0.modality == .planned })
        // A rate is no count.
        let rate = try extractor.claims(in: Article(id: "r", text: "Israel will free 30 Palestinian prisoners for each civilian hostage.",
                                                    published: Day(year: 2025, month: 1, day: 16)))
        #expect(rate.isEmpty)
    }

    @Test func nonPeopleFiguresGiveNoClaims() throws {
        let text = "The UN sent 200 aid trucks, $5 million and 40 tonnes of food over 70 days; 60% of the infrastructure was destroyed in 2023."
        #expect(try extractor.claims(in: Article(id: "n", text: text, published: Day(year: 2024, month: 4, day: 27))).isEmpty)
    }

    @Test func invalidUTF8IsProcessedNotLost() throws {
        var bytes = Array("At least 19 people were killed.".utf8)
        bytes.insert(0xFF, at: 3)
        let claims = try extractor.claims(in: Article(id: "bad", bytes: bytes))
        #expect(claims.count == 1)
        #expect(claims[0].start == 10)
    }

    @Test func batchKeepsInputOrderAndMatchesOneByOne() throws {
        let texts = (0..<200).map { i in "Officials said \(i + 1) people were killed and \(i + 2) wounded in strikes on Monday." }
        let articles = texts.enumerated().map { Article(id: "b\($0.offset)", text: $0.element, published: Day(year: 2024, month: 4, day: 27)) }
        let outcomes = extractor.process(articles, workers: 4)
        #expect(outcomes.map(\.article.id) == articles.map(\.id))
        for (article, outcome) in zip(articles, outcomes) {
            let claims = try outcome.result.get()
            #expect(claims == (try extractor.claims(in: article)))
            #expect(claims.count == 2)
        }
    }
}
