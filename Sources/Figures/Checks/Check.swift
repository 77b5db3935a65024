import Foundation

/// How serious a failed check is, from least to most.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Worth knowing, not a contradiction: a claim that cannot be placed in time.
    case info
    /// Probably wrong, or wrong unless something unstated explains it: a stale figure, parts
    /// that fall short of their whole.
    case warning
    /// The figures cannot all be right: a conflict, a reversal, parts over their whole.
    case error

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One consistency check that ran over some claims, with its outcome. A failed check is a
/// finding: it carries a reason code, a severity, and the claims it rests on.
public struct Check: Sendable, Hashable {
    /// What a check looks for.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Reports of the same event, level or total that cannot all be right.
        case conflict
        /// A running total that falls, or captives held that rise with no capture.
        case reversal
        /// Parts that do not add up to their whole.
        case sumMismatch = "sum_mismatch"
        /// A part larger than its whole, or a share over 100%.
        case partExceedsWhole = "part_exceeds_whole"
        /// A figure much older than others published the same day.
        case stale
        /// Claims that cannot be placed in time.
        case undated
    }

    /// Whether the claims passed the check.
    public enum Outcome: String, Sendable, Hashable {
        case pass, fail
    }

    public let kind: Kind
    /// The rule that ran; see ``CheckRule``.
    public let rule: CheckRule
    public let outcome: Outcome
    /// Why the check failed (a reason code such as `reports_disagree`); `nil` when it passed.
    public let reason: String?
    /// How serious the failure is; `nil` when the check passed.
    public let severity: Severity?
    /// The category of the claims checked.
    public let category: String
    /// The place the claims are about (see ``Claim/place``); `nil` when unknown.
    public let place: String?
    /// The group counted, as written in the claims; `nil` is everyone.
    public let population: String?
    /// The day, month or interval the check is about.
    public let refersTo: String?
    /// Every claim the check compared, in time order.
    public let claims: [Claim]
    /// The claims a failure rests on (those that disagree); empty when the check passed.
    public let evidence: [Claim]
    /// One sentence saying what was compared and what came out, for readers.
    public let message: String

    public init(rule: CheckRule, outcome: Outcome, reason: String?, severity: Severity?, category: String, place: String? = nil,
                population: String?, refersTo: String?, claims: [Claim], evidence: [Claim], message: String) {
        self.kind = rule.kind
        self.rule = rule
        self.outcome = outcome
        self.reason = reason
        self.severity = outcome == .fail ? (severity ?? .error) : nil
        self.category = category
        self.place = place
        self.population = population
        self.refersTo = refersTo
        self.claims = claims
        self.evidence = outcome == .fail ? evidence : []
        self.message = message
    }
}

extension Check {
    /// A category or kind for readers: `captives_released` → `captives released`.
    static func words(_ slug: String) -> String { slug.replacingOccurrences(of: "_", with: " ") }
}

/// A named, documented consistency rule. Every ``Check`` names the rule that ran it.
public struct CheckRule: Sendable, Hashable, CustomStringConvertible {
    /// A stable name, e.g. `conflict.same_event`.
    public let name: String
    public let kind: Check.Kind
    /// What the rule checks, for the report's readers.
    public let summary: String

    public var description: String { name }

    /// Every rule, in the order the report lists them.
    public static let all: [CheckRule] = [
        .sameEvent, .sameLevel, .sameTotal,
        .runningTotalFalls, .heldWithoutCapture,
        .sumInArticle, .sumAcrossArticles,
        .partOfWhole, .ofWhole, .share, .subgroup,
        .staleSameDay,
        .undated,
    ]
}
