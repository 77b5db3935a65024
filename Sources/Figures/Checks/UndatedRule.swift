extension CheckRule {
    /// Every claim can be placed in time.
    public static let undated = CheckRule(
        name: "undated.no_time", kind: .undated,
        summary: "Every claim can be placed in time; those that cannot are listed, not guessed.")
}

extension CheckContext {
    /// **undated** (reason `no_time`, info): per category, the claims whose `refers_to` is
    /// missing or unreadable (or an open interval with no publication day to end it). They are
    /// listed, not guessed, and take part in no other check except the part-whole checks that
    /// need no time. The check lists only them (none when it passes: its message counts the
    /// claims that can be placed), so that the report does not list every claim once more. Its
    /// population is the group the claims it is about share, if they share one; its place, the one
    /// they share, if they share one.
    func undatedChecks(into checks: inout [Check]) {
        var buckets: [Int32: [Int]] = [:]
        for i in claims.indices { buckets[claims[i].categoryID, default: []].append(i) }
        for members in buckets.values.sorted(by: { records[$0[0]].category < records[$1[0]].category }) {
            let category = records[members[0]].category
            let undated = members.filter { !claims[$0].isDated }
            // Shared when every claim has the first one's (compared by number).
            let described = undated.isEmpty ? members : undated
            let population = described.allSatisfy({ claims[$0].populationID == claims[described[0]].populationID })
                ? self.population(described[0]) : nil
            let message: String
            if undated.isEmpty {
                message = members.count == 1 ? "The claim of \(words(category)) can be placed in time." : "All \(members.count) claims of \(words(category)) can be placed in time."
            } else {
                message = "\(undated.count) of \(members.count) claims of \(words(category)) cannot be placed in time: \(cite(undated))."
            }
            // The place the claims share, if they share one (not the first claim's: a check over
            // every claim of a category is about no one place).
            let listed = described
            let place = listed.allSatisfy({ claims[$0].placeID == claims[listed[0]].placeID }) ? self.place(of: listed[0]) : nil
            checks.append(check(.undated, failed: !undated.isEmpty, reason: "no_time", severity: .info, indices: undated,
                                category: category, place: place, population: population, refersTo: nil,
                                message: message))
        }
    }
}
