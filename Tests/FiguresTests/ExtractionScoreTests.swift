import Testing
@testable import Figures

/// The extractor scored against gold claims, the way `../shared/acceptance/score.py` scores it.
@Suite struct ExtractionScoreTests {
    /// The acceptance bar of the claims issue: F1 at least 0.95 on the seeds, with qualifier,
    /// population and refers_to right for at least 90% of matches.
    @Test func seeds() throws {
        let result = try GoldScorer.score(gold: "Fixtures/seeds/gold.json", texts: "seeds", manifest: "seeds/manifest.json")
        #expect(result.f1 >= 0.95, "\(result)")
        for attribute in ["qualifier", "population", "refers_to"] {
            #expect(result.rate(attribute) >= 0.9, "\(attribute): \(result)")
        }
    }

    /// Fixtures from other outlets, wars and disasters, tuned on (dev): a floor against
    /// regressions, just under the score measured when it was set.
    @Test func devNews() throws {
        let result = try GoldScorer.score(gold: "Fixtures/news/dev/gold.json", texts: "Fixtures/news/dev", manifest: "Fixtures/news/dev/manifest.json")
        #expect(result.f1 >= 0.94, "\(result)")
        #expect(result.precision >= 0.94, "\(result)")
        #expect(result.rate("attributed_to") >= 0.75, "\(result)")
    }

    /// A second held-out split, written later from other outlets and events; its misses were
    /// read to find general gaps (so it is no longer unseen). A floor.
    @Test func heldout2News() throws {
        let result = try GoldScorer.score(gold: "Fixtures/news/heldout2/gold.json", texts: "Fixtures/news/heldout2", manifest: "Fixtures/news/heldout2/manifest.json")
        #expect(result.f1 >= 0.88, "\(result)")
        #expect(result.precision >= 0.94, "\(result)")
        #expect(result.rate("attributed_to") >= 0.7, "\(result)")
    }

    /// Fixtures not tuned on sentence by sentence (heldout; its misses have been read): how the
    /// tables generalize. A floor, not a target.
    @Test func heldoutNews() throws {
        let result = try GoldScorer.score(gold: "Fixtures/news/heldout/gold.json", texts: "Fixtures/news/heldout", manifest: "Fixtures/news/heldout/manifest.json")
        #expect(result.f1 >= 0.96, "\(result)")
        #expect(result.precision >= 0.95, "\(result)")
        #expect(result.rate("attributed_to") >= 0.65, "\(result)")
    }
}
