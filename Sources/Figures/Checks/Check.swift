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
    /// The group counted, as written in the claims; `nil` is everyone, or several groups when
    /// the check compares them together (see ``populationLabel``).
    public let population: String?
    /// The group for readers: the population, `everyone`, the groups a check over several
    /// compares (`Israelis and foreigners`, `5 groups`), or `all groups` for an undated check
    /// over several.
    public let populationLabel: String
    /// The day, month or interval the check is about.
    public let refersTo: String?
    /// Every claim the check compared, in time order; an `undated` check lists only the claims
    /// that cannot be placed in time (none when it passes).
    public var claims: [Claim] { claimIndices.map { table.claims[$0] } }
    /// The claims a failure rests on (those that disagree); empty when the check passed.
    public var evidence: [Claim] { evidenceIndices.map { table.claims[$0] } }
    /// One sentence saying what was compared and what came out, for readers.
    public let message: String

    /// The claims, shared by all the checks of a run (a claim is compared by several checks,
    /// and a check over a large group lists thousands), and the positions in it of this check's
    /// claims and evidence.
    let table: ClaimTable
    let claimIndices: [Int]
    let evidenceIndices: [Int]
    /// The order in which the checker made it (`-1` for a check made elsewhere), to find its
    /// place in a report without comparing checks.
    var serial: Int

    public init(rule: CheckRule, outcome: Outcome, reason: String?, severity: Severity?, category: String, place: String? = nil,
                population: String?, populationLabel: String? = nil, refersTo: String?, claims: [Claim], evidence: [Claim], message: String) {
        self.init(rule: rule, outcome: outcome, reason: reason, severity: severity, category: category, place: place,
                  population: population, populationLabel: populationLabel, refersTo: refersTo, table: ClaimTable(claims + evidence),
                  claims: Array(claims.indices), evidence: Array(claims.count..<(claims.count + evidence.count)), message: message, serial: -1)
    }

    /// A check whose claims are positions in `table`.
    init(rule: CheckRule, outcome: Outcome, reason: String?, severity: Severity?, category: String, place: String?,
         population: String?, populationLabel: String?, refersTo: String?, table: ClaimTable, claims: [Int], evidence: [Int], message: String,
         serial: Int) {
        self.kind = rule.kind
        self.rule = rule
        self.outcome = outcome
        self.reason = reason
        self.severity = outcome == .fail ? (severity ?? .error) : nil
        self.category = category
        self.place = place
        self.population = population
        self.populationLabel = population ?? populationLabel ?? (rule.kind == .undated ? "all groups" : "everyone")
        self.refersTo = refersTo
        self.table = table
        self.claimIndices = claims
        self.evidenceIndices = outcome == .fail ? evidence : []
        self.message = message
        self.serial = serial
    }

    /// How many claims the check compared.
    var claimCount: Int { claimIndices.count }

    /// The first claim compared, in time order.
    var firstClaim: Claim? { claimIndices.first.map { table.claims[$0] } }
}

/// Claims shared by checks, which refer to them by position.
final class ClaimTable: Sendable {
    let claims: [Claim]
    init(_ claims: [Claim]) { self.claims = claims }

    /// Where `claim` is, when the table is sorted by article, offsets, category and value (as
    /// the checker's is).
    func position(of claim: Claim) -> Int? {
        var lo = 0, hi = claims.count
        let key = (claim.article, claim.start, claim.end, claim.category, claim.value)
        while lo < hi {
            let mid = (lo + hi) / 2
            let c = claims[mid]
            if (c.article, c.start, c.end, c.category, c.value) < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < claims.count && claims[lo] == claim ? lo : nil
    }
}

extension Check {
    /// A category or kind for readers: `captives_released` → `captives released`.
    static func words(_ slug: String) -> String {
        // ASCII slugs (every category the tables declare) are rewritten byte by byte; Foundation
        // decides for others.
        var text = slug
        let ascii = text.withUTF8 { utf8 -> String? in
            var underscore = false
            for byte in utf8 {
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "_") { underscore = true }
            }
            guard underscore else { return slug }
            return String(unsafeUninitializedCapacity: utf8.count) { buffer in
                for k in utf8.indices { buffer[k] = utf8[k] == UInt8(ascii: "_") ? UInt8(ascii: " ") : utf8[k] }
                return utf8.count
            }
        }
        return ascii ?? slug.replacingOccurrences(of: "_", with: " ")
    }

    /// Hashes what tells checks apart without reading every claim (a check over a large group
    /// lists thousands); equal checks still hash alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule.name)
        hasher.combine(outcome)
        hasher.combine(category)
        hasher.combine(place)
        hasher.combine(population)
        hasher.combine(refersTo)
        hasher.combine(claimIndices.count)
        hasher.combine(firstClaim?.id)
        hasher.combine(message)
    }

    public static func == (a: Check, b: Check) -> Bool {
        guard a.rule == b.rule, a.outcome == b.outcome, a.reason == b.reason, a.severity == b.severity, a.category == b.category,
              a.place == b.place, a.population == b.population, a.populationLabel == b.populationLabel, a.refersTo == b.refersTo,
              a.message == b.message, a.claimIndices.count == b.claimIndices.count, a.evidenceIndices.count == b.evidenceIndices.count
        else { return false }
        if a.table === b.table { return a.claimIndices == b.claimIndices && a.evidenceIndices == b.evidenceIndices }
        return zip(a.claimIndices, b.claimIndices).allSatisfy { a.table.claims[$0] == b.table.claims[$1] }
            && zip(a.evidenceIndices, b.evidenceIndices).allSatisfy { a.table.claims[$0] == b.table.claims[$1] }
    }
}

/// A named, documented consistency rule. Every ``Check`` names the rule that ran it.
public struct CheckRule: Sendable, Hashable, CustomStringConvertible {
    /// A stable name, e.g. `conflict.same_event`.
    public let name: String
    public let kind: Check.Kind
    /// What the rule checks, for the report's readers.
    public let summary: String

    public var description: String { name }

    /// The rule's place in ``all``, for ordering checks.
    var position: Int { CheckRule.positions[name] ?? 0 }

    private static let positions = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.name, $0) })

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
