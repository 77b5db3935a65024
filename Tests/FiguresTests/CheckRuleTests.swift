import Testing
@testable import Figures

/// Each consistency rule, passing and failing, on claims written for the purpose.
struct CheckRuleTests {
    typealias F = CheckFixture
    static let nov = "2023-11"

    // MARK: conflict

    @Test func sameEventAgreesAndDisagrees() throws {
        let agree = F.run([F.claim("a", "prisoners_released", 240, population: "Palestinians", refersTo: Self.nov),
                           F.claim("b", "prisoners_released", 240, population: "Palestinian prisoners", refersTo: Self.nov),
                           F.claim("c", "prisoners_released", 250, .approximately, low: 225, high: 275, population: "Palestinians", refersTo: Self.nov)])
        let pass = try #require(F.checks(agree, .sameEvent).first)
        #expect(pass.outcome == .pass && pass.claims.count == 3 && pass.evidence.isEmpty && pass.severity == nil)

        let disagree = F.run([F.claim("a", "captives_released", 81, population: "Israelis", refersTo: Self.nov),
                              F.claim("b", "captives_released", 80, population: "Israeli captives", refersTo: Self.nov),
                              F.claim("c", "captives_released", 81, population: "Israelis", refersTo: "2023-12")])
        let fail = try #require(F.checks(disagree, .sameEvent).first)
        #expect(fail.outcome == .fail && fail.reason == "reports_disagree" && fail.severity == .error)
        #expect(Set(fail.evidence.map(\.article)) == ["a", "b"])
        #expect(fail.population == "Israelis" && fail.refersTo == Self.nov && fail.category == "captives_released")
        #expect(F.checks(disagree, .sameEvent).count == 1, "December is another event")
    }

    @Test func withinOneArticleDifferentFiguresAreNotAConflict() {
        let result = F.run([F.claim("a", "killed", 17_134, refersTo: "2023-02-06/2023-02-09", start: 10),
                            F.claim("a", "killed", 3_162, refersTo: "2023-02-06/2023-02-09", start: 90)])
        #expect(F.checks(result, .sameTotal).isEmpty)
    }

    @Test func sameLevelAndSameTotal() throws {
        let level = F.run([F.claim("a", "prisoners_held", 9_000, population: "Palestinians", refersTo: "2024-04-27"),
                           F.claim("b", "prisoners_held", 7_500, population: "Palestinians", refersTo: "2024-04-27")])
        #expect(try #require(F.checks(level, .sameLevel).first).outcome == .fail)
        let total = F.run([F.claim("a", "killed", 34_300, .moreThan, high: .some(nil), population: "Palestinians", refersTo: "2023-10-07/2024-04-27"),
                           F.claim("b", "killed", 38_000, .nearly, low: 34_200, population: "Palestinians", refersTo: "2023-10/2024-04-27")])
        let check = try #require(F.checks(total, .sameTotal).first)
        #expect(check.outcome == .pass, "≥ 34,300 and [34,200, 38,000] overlap; a month and a day in it start the same series")
        #expect(check.refersTo == "2023-10-07/2024-04-27")
    }

    // MARK: reversal

    @Test func runningTotalMustNotFall() throws {
        let rising = F.run([F.claim("a", "killed", 20_000, .nearly, low: 18_000, population: "people", refersTo: "2023-10-07/2023-12-20"),
                            F.claim("b", "killed", 34_300, .moreThan, high: .some(nil), population: "Palestinians", refersTo: "2023-10-07/2024-04-27"),
                            F.claim("c", "killed", 38_000, .nearly, low: 34_200, population: "Palestinians", refersTo: "2023-10-07/2024-07-04"),
                            F.claim("d", "killed", 58_000, .moreThan, high: .some(nil), population: "Palestinians", refersTo: "2023-10-21/2025-07-13")])
        let pass = try #require(F.checks(rising, .runningTotalFalls).first)
        #expect(pass.outcome == .pass && pass.claims.map(\.article) == ["a", "b", "c", "d"] && pass.population == "Palestinians")

        let falling = F.run([F.claim("a", "killed", 15_000, population: "Sudanese", refersTo: "2024-01-01/2024-03-01"),
                             F.claim("b", "killed", 11_000, .nearly, low: 9_900, population: "Sudanese", refersTo: "2024-01-01/2024-05-01"),
                             F.claim("c", "killed", 20_000, population: "Sudanese", refersTo: "2024-01-01/2024-07-01")])
        let fail = try #require(F.checks(falling, .runningTotalFalls).first)
        #expect(fail.outcome == .fail && fail.reason == "running_total_falls" && fail.evidence.map(\.article) == ["a", "b"])
    }

    @Test func runningTotalsOfPartsAndOfLaterStarts() throws {
        // A named group's total above a later total for everyone: the total fell.
        let overEveryone = F.run([F.claim("a", "killed", 30_000, population: "Palestinians", refersTo: "2023-10-07/2024-03-01"),
                                  F.claim("b", "killed", 25_000, population: "people", refersTo: "2023-10-07/2024-04-01")])
        #expect(try #require(F.checks(overEveryone, .runningTotalFalls).first).outcome == .fail)
        // Everyone's earlier total above a later named total: not a contradiction, not compared.
        let everyoneFirst = F.run([F.claim("a", "killed", 30_000, population: "people", refersTo: "2023-10-07/2024-03-01"),
                                   F.claim("b", "killed", 25_000, population: "Palestinians", refersTo: "2023-10-07/2024-04-01")])
        #expect(F.checks(everyoneFirst, .runningTotalFalls).isEmpty)
        // A total since a later start may be below an earlier total since an earlier start.
        let laterStart = F.run([F.claim("a", "killed", 30_000, population: "Palestinians", refersTo: "2023-10-07/2024-03-01"),
                                F.claim("b", "killed", 25_000, population: "Palestinians", refersTo: "2023-10-21/2024-04-01")])
        #expect(F.checks(laterStart, .runningTotalFalls).isEmpty)
        // Series whose starts are months apart are different series.
        let otherWar = F.run([F.claim("a", "killed", 30_000, population: "Palestinians", refersTo: "2023-10-07/2024-03-01"),
                              F.claim("b", "killed", 25_000, population: "Palestinians", refersTo: "2024-02-01/2024-04-01")])
        #expect(F.checks(otherWar, .runningTotalFalls).isEmpty)
    }

    @Test func heldRisesOnlyWithACapture() throws {
        let held = [F.claim("a", "captives_held", 129, refersTo: "2023-12-19"),
                    F.claim("b", "captives_held", 134, population: "Israelis", refersTo: "2024-04-27")]
        let before = F.claim("c", "captives_taken", 250, refersTo: "2023-10-07")
        let rise = try #require(F.checks(F.run(held + [before]), .heldWithoutCapture).first)
        #expect(rise.outcome == .fail && rise.reason == "rises_without_capture" && rise.evidence.map(\.article) == ["a", "b"])
        #expect(rise.population == "Israelis" && rise.refersTo == "2023-12-19/2024-04-27")

        // A running total of captures since before the first level says nothing about the window.
        let sinceOct = F.claim("d", "captives_taken", 100, .atLeast, high: .some(999), refersTo: "2023-10-07/2024-07-04")
        #expect(try #require(F.checks(F.run(held + [sinceOct]), .heldWithoutCapture).first).outcome == .fail)

        // A capture in between excuses a rise up to its size, not more.
        let between = F.claim("e", "captives_taken", 5, population: "Israelis", refersTo: "2024-02-10")
        #expect(try #require(F.checks(F.run(held + [between]), .heldWithoutCapture).first).outcome == .pass)
        let small = F.claim("e", "captives_taken", 2, population: "Israelis", refersTo: "2024-02-10")
        #expect(try #require(F.checks(F.run(held + [small]), .heldWithoutCapture).first).outcome == .fail)
        // A capture of another group does not.
        let others = F.claim("e", "captives_taken", 50, population: "Thais", refersTo: "2024-02-10")
        #expect(try #require(F.checks(F.run(held + [others]), .heldWithoutCapture).first).outcome == .fail)

        // Falling is fine.
        let falling = F.run([F.claim("a", "captives_held", 134, population: "Israelis", refersTo: "2024-04-27"),
                             F.claim("b", "captives_held", 120, population: "Israelis", refersTo: "2024-06-01")])
        #expect(try #require(F.checks(falling, .heldWithoutCapture).first).outcome == .pass)
    }

    // MARK: sums

    @Test func partsAddUpWithinAnArticle() throws {
        let whole = F.claim("a", "prisoners_released", 240, population: "Palestinians", refersTo: Self.nov, start: 100)
        func parts(_ w: Double, _ c: Double) -> [Claim] {
            [F.claim("a", "prisoners_released", w, population: "women", refersTo: Self.nov, start: 120, partOf: whole.id, list: "a@120"),
             F.claim("a", "prisoners_released", c, population: "children", refersTo: Self.nov, start: 140, partOf: whole.id, list: "a@120")]
        }
        let good = try #require(F.checks(F.run([whole] + parts(71, 169)), .sumInArticle).first)
        #expect(good.outcome == .pass && good.claims.count == 3 && good.population == "Palestinians")
        let over = try #require(F.checks(F.run([whole] + parts(171, 169)), .sumInArticle).first)
        #expect(over.outcome == .fail && over.reason == "parts_exceed_whole" && over.severity == .error && over.evidence.count == 3)
        // Parts named with "including" are a selection: falling short of the whole is fine.
        let short = try #require(F.checks(F.run([whole] + parts(50, 60)), .sumInArticle).first)
        #expect(short.outcome == .pass)
    }

    @Test func listedPartsAddUpAcrossArticles() throws {
        let listed = [F.claim("a", "captives_released", 81, population: "Israelis", refersTo: Self.nov, start: 10, list: "a@10"),
                      F.claim("a", "captives_released", 24, population: "foreigners", refersTo: Self.nov, start: 30, list: "a@10")]
        let good = try #require(F.checks(F.run(listed + [F.claim("b", "captives_released", 105, refersTo: Self.nov)]), .sumAcrossArticles).first)
        #expect(good.outcome == .pass && Set(good.claims.map(\.value)) == [81, 24, 105] && good.population == nil)
        let bad = try #require(F.checks(F.run(listed + [F.claim("b", "captives_released", 115, refersTo: Self.nov)]), .sumAcrossArticles).first)
        #expect(bad.outcome == .fail && bad.reason == "parts_fall_short")
        // Parts of another event are not summed against this one.
        #expect(F.checks(F.run(listed + [F.claim("b", "captives_released", 115, refersTo: "2023-12")]), .sumAcrossArticles).isEmpty)
    }

    // MARK: parts and wholes

    @Test func partOfItsWhole() throws {
        let whole = F.claim("a", "prisoners_released", 240, population: "Palestinians", refersTo: Self.nov, start: 100)
        let ok = F.claim("a", "prisoners_released", 71, population: "women", refersTo: Self.nov, start: 120, partOf: whole.id)
        let over = F.claim("a", "prisoners_released", 250, population: "children", refersTo: Self.nov, start: 120, partOf: whole.id)
        #expect(try #require(F.checks(F.run([whole, ok]), .partOfWhole).first).outcome == .pass)
        let fail = try #require(F.checks(F.run([whole, over]), .partOfWhole).first)
        #expect(fail.outcome == .fail && fail.reason == "part_over_whole" && fail.evidence.count == 2)
    }

    @Test func ofWholeAndShares() throws {
        let fine = F.claim("a", "displaced", 1_900_000, low: 1_850_000, high: 1_950_000, population: "Gaza's residents",
                           refersTo: "2023-12-20", text: "1.9 million", whole: 2_400_000)
        let pass = try #require(F.checks(F.run([fine]), .ofWhole).first)
        #expect(pass.outcome == .pass && pass.message.contains("79.2%"))
        let over = F.claim("a", "displaced", 2_600_000, low: 2_550_000, high: 2_650_000, refersTo: "2023-12-20", whole: 2_400_000)
        #expect(try #require(F.checks(F.run([over]), .ofWhole).first).reason == "part_over_whole")
        // A part as large as its whole, within the precision as written, is not over it.
        let edge = F.claim("a", "displaced", 2_400_000, low: 2_350_000, high: 2_450_000, refersTo: "2023-12-20", whole: 2_400_000)
        #expect(try #require(F.checks(F.run([edge]), .ofWhole).first).outcome == .pass)

        let share = F.claim("a", "displaced", 85, refersTo: "2024-04-27", unit: .percent)
        #expect(try #require(F.checks(F.run([share]), .share).first).outcome == .pass)
        let tooMuch = F.claim("a", "displaced", 112, refersTo: "2024-04-27", unit: .percent)
        let fail = try #require(F.checks(F.run([tooMuch]), .share).first)
        #expect(fail.outcome == .fail && fail.reason == "share_over_100")
    }

    @Test func subgroupAgainstEveryone() throws {
        let everyone = F.claim("b", "captives_released", 105, refersTo: Self.nov)
        let pass = try #require(F.checks(F.run([F.claim("a", "captives_released", 81, population: "Israelis", refersTo: Self.nov), everyone]), .subgroup).first)
        #expect(pass.outcome == .pass)
        let fail = try #require(F.checks(F.run([F.claim("a", "captives_released", 130, population: "Israelis", refersTo: Self.nov), everyone]), .subgroup).first)
        #expect(fail.outcome == .fail && fail.reason == "part_over_whole" && fail.evidence.map(\.article) == ["a", "b"])
        // Within one article it is a breakdown (by place, by source), not compared.
        let same = F.run([F.claim("b", "captives_released", 130, population: "Israelis", refersTo: Self.nov, start: 40), everyone])
        #expect(F.checks(same, .subgroup).isEmpty)
    }

    // MARK: stale, undated, not checked

    @Test func staleFigureOnTheSameDay() throws {
        let fresh = F.claim("a", "killed", 20_000, population: "Sudanese", refersTo: "2024-01-01/2024-06-01", published: "2024-06-01")
        let old = F.claim("b", "killed", 14_000, population: "Sudanese", refersTo: "2024-01-01/2024-03-01", published: "2024-06-01")
        let fail = try #require(F.checks(F.run([fresh, old]), .staleSameDay).first)
        #expect(fail.outcome == .fail && fail.reason == "older_than_same_day" && fail.severity == .warning)
        #expect(fail.evidence.map(\.article) == ["b", "a"])
        // Within the threshold it is not stale.
        #expect(try #require(F.checks(F.run([fresh, old], staleAfterDays: 120), .staleSameDay).first).outcome == .pass)
        // Published on different days: no check.
        let later = F.claim("b", "killed", 14_000, population: "Sudanese", refersTo: "2024-01-01/2024-03-01", published: "2024-03-01")
        #expect(F.checks(F.run([fresh, later]), .staleSameDay).isEmpty)
    }

    @Test func undatedClaimsAreListed() throws {
        let dated = F.claim("a", "killed", 12, refersTo: "2024-01-01")
        let undated = F.claim("b", "killed", 49, population: "Jordanians", refersTo: nil)
        let fail = try #require(F.checks(F.run([dated, undated]), .undated).first)
        #expect(fail.outcome == .fail && fail.reason == "no_time" && fail.severity == .info)
        #expect(fail.evidence.map(\.article) == ["b"] && fail.population == "Jordanians")
        // The check lists only the claims that cannot be placed; its message counts the others.
        #expect(fail.claims.map(\.article) == ["b"] && fail.message.hasPrefix("1 of 2 claims"))
        let pass = try #require(F.checks(F.run([dated]), .undated).first)
        #expect(pass.outcome == .pass && pass.claims.isEmpty && pass.message == "The claim of killed can be placed in time.")
        // An undated claim takes part in no check that needs time.
        let other = F.claim("c", "killed", 10, population: "Jordanians", refersTo: nil)
        #expect(F.run([undated, other]).checks.allSatisfy { $0.kind == .undated })
    }

    @Test func plannedFiguresAreNotCheckedAsFacts() throws {
        let reported = F.claim("a", "captives_released", 81, population: "Israelis", refersTo: Self.nov)
        let agreed = F.claim("b", "captives_released", 50, population: "Israelis", refersTo: Self.nov, modality: .agreed)
        let result = F.run([reported, agreed])
        #expect(result.checks.allSatisfy { !$0.claims.contains(agreed) })
        #expect(result.skipped.map(\.claim) == [agreed] && result.skipped[0].why.contains("agreed"))
        let unknown = F.run([F.claim("a", "other", 60, refersTo: nil, unit: .percent)])
        #expect(unknown.checks.isEmpty && unknown.skipped.count == 1)
    }

    /// Every rule is documented and named once.
    @Test func rulesAreNamedAndDocumented() {
        #expect(Set(CheckRule.all.map(\.name)).count == CheckRule.all.count)
        #expect(Set(CheckRule.all.map(\.kind)) == Set(Check.Kind.allCases))
        #expect(CheckRule.all.allSatisfy { !$0.summary.isEmpty })
    }
}
