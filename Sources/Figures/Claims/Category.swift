/// What a claim counts, as declared in the rule tables (section `categories` of `claims.yaml`).
public struct Category: Sendable, Hashable {
    /// How figures of a category behave over time; the report's checks depend on it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A running total since a start (killed, injured): a series that must not fall.
        case cumulative
        /// A level at a date (captives held, displaced): may rise and fall, but see
        /// ``Category/risesOnlyWith``.
        case stock
        /// One event (a release in one exchange): one true number, every report should agree.
        case event
    }

    public let name: String
    public let kind: Kind
    /// What the category means, for readers of the report.
    public let description: String
    /// For a stock that can only grow through another category (captives held grow only by
    /// captives taken): that category's name.
    public let risesOnlyWith: String?
}
