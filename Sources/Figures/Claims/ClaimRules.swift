import PCRE2

/// The claims layer's rules and tables (`claims.yaml`: sections `categories` and `claims`,
/// tables `populations`, `nationality_nouns`, `nationality_adjectives`, `abbreviations`), loaded
/// and compiled once.
struct ClaimRules: Sendable {
    /// A population noun: what it normalizes to and its role in releases and detentions.
    struct PopulationWord: Sendable {
        let population: String?
        let role: String?
        /// The category a figure of this noun has when no rule binds it.
        let implies: String?
        /// A weak role yields to the roles of the sentence's other nouns.
        let weak: Bool
    }

    let categories: [Category]
    let categoryRules: [ClaimRule]
    let modalityRules: [ClaimRule]
    let attributionRules: [ClaimRule]
    /// The distinct `requires` patterns of the category, modality and attribution rules, in
    /// order; rules with the same pattern share it.
    let requirements: [Pattern]
    let requirementIndex: [String: Int]
    /// The same patterns anchored: run only where ``requirementFilter`` says one may start.
    let anchoredRequirements: [Pattern]
    /// Which requirements may occur in a sentence, found in one pass over it.
    let requirementFilter: WordStartFilter
    let populations: WordTable<PopulationWord>
    let nationalities: WordTable<String>
    /// Participles that make the whole of a part a claim of its own (table `whole_participles`):
    /// "two-thirds of the 1,100 people killed", "two of four kidnapped Americans".
    let wholeParticiples: WordTable<String>
    /// Verbs that bound a figure written without a qualifier (table `bound_verbs`).
    let boundVerbs: WordTable<Qualifier>
    let splitter: SentenceSplitter
    /// Grammar pieces the binder runs itself (see claims.yaml).
    let nounPhrase: Pattern
    let ofThem: Pattern
    let listContinuation: Pattern
    let partIntroduction: Pattern
    let partOfThem: Pattern
    /// `(?&dateline_lead)` and `(?&dateline_rest)`: before and after the date of a dateline.
    let datelineLead, datelineRest: Pattern
    /// `(?&pronoun_part_lead)`: from a bound figure's noun phrase to a figure followed by "of
    /// whom" or "of them".
    let pronounPartLead: Pattern
    /// `(?&pronoun_part_rest)`: what follows such a figure ("of them", "critically").
    let pronounPartRest: Pattern
    let runningTotal: Pattern
    let eventClause: Pattern
    let exchangeLink: Pattern
    let previousValue: Pattern
    /// A figure whose verb is left out ("…, and 1,900 in the north-west"): the text before it
    /// (ending where it starts) and after it.
    let gappedLead: Pattern
    let gappedRest: Pattern
    /// `(?&pronoun_source_lead)`: a pronoun that ends where a source's cue starts ("he told").
    let pronounSourceLead: Pattern
    /// `(?&restated_lead)`: before another estimate of the figure bound before it ("residents put
    /// the figure at more than 20"), ending where it starts.
    let restatedLead: Pattern
    /// A figure that is part of the previous sentence's last figure ("Of those, 1.8 million …",
    /// "700,000 of them …"): the sentence's start before it, and what follows it.
    let anaphoricPartLead: Pattern
    /// A figure that names the whole the sentence then takes a part of ("Of the 300 passengers,
    /// 40 are missing"): the text before it.
    let wholeIntroduction: Pattern
    /// `(?&whole_lead)`: a sentence's opening whole, up to its part ("Of the 253 hostages, ").
    let wholeLead: Pattern
    /// Before a figure named as a part ("including 600 children"): it is no member of a list
    /// that follows it.
    let partLead: Pattern
    /// Before a date on which something began ("which erupted in April 2023"): a running total
    /// runs from that month.
    let startLead: Pattern
    /// "since dawn", "overnight": a figure of the day of publication.
    let sinceToday: Pattern
    let anaphoricPartRest: Pattern
    /// `(?&reporting_date_lead)` ending where a date starts: the date the source spoke.
    let reportingDateLead: Pattern
    /// A figure in parentheses after a name, in a breakdown of a figure before it ("382 are in
    /// hospitals in Balasore (105), Bhadrak (56) …"): the text before it, and after it.
    let breakdownLead: Pattern
    let breakdownRest: Pattern
    /// After a figure that is a rate, not a count ("30 prisoners for each hostage").
    let rate: Pattern
    /// Where a sentence puts things (a `place` capture), and the names places are reported as.
    let locative: Pattern
    /// ``locative`` anchored, and where it may start: run only there.
    let anchoredLocative: Pattern
    let locativeFilter: WordStartFilter
    let places: WordTable<String>
    let impliedUndone: Pattern
    /// The categories whose figures, with a "since …" in their sentence, run from that start to
    /// publication even when they are not cumulative ("8.6 million have been displaced since
    /// April 2023"): `dated_from_since: true` in the table.
    let datedFromSince: Set<String>
    /// `(?&since_cue)` ending where a date starts.
    let sinceCue: Pattern
    /// Whether ``sinceCue`` (bit 0) or ``runningTotal`` (bit 1) may match in a text, found by
    /// a pass over its bytes: most dates have no "since" before them, and the search a failing
    /// unanchored pattern makes costs far more than the pass.
    let cueFilter: WordStartFilter
    /// `(?&since_comparison)` ending where "since" starts.
    let sinceComparison: Pattern

    /// The categories the files declare, in order (a later one replaces one of the same name),
    /// and those dated from a "since …".
    static func categories(in files: [RuleFile]) throws -> (declared: [Category], datedFromSince: Set<String>) {
        var categories: [Category] = []
        var datedFromSince: Set<String> = []
        for file in files {
            for (name, node) in file.categories {
                let fields = try node.fields(allowed: ["kind", "description", "rises_only_with", "dated_from_since"], what: "a category")
                let dated = try fields["dated_from_since"]?.string()
                guard dated == nil || dated == "true" || dated == "false" else { throw node.error("'dated_from_since' is true or false") }
                if dated == "true" { datedFromSince.insert(name) } else { datedFromSince.remove(name) }
                guard let kindNode = fields["kind"], let kind = Category.Kind(rawValue: try kindNode.string()) else {
                    throw node.error("a category needs 'kind': one of \(Category.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let category = Category(name: name, kind: kind, description: try fields["description"]?.string() ?? "",
                                        risesOnlyWith: try fields["rises_only_with"]?.string())
                categories.removeAll { $0.name == name }
                categories.append(category)
            }
        }
        return (categories, datedFromSince)
    }

    /// Compiles the rules of `files`, whose categories are `categories` (``categories(in:)``).
    init(files: [RuleFile], lexicon: Lexicon, grammar: Grammar, categories declared: (declared: [Category], datedFromSince: Set<String>)) throws {
        let categories = declared.declared
        self.categories = categories
        self.datedFromSince = declared.datedFromSince
        let names = Set(categories.map(\.name))

        var rules: [ClaimRule] = []
        var disabled: Set<String> = []
        for file in files {
            for node in file.claims {
                let rule = try ClaimRule(node, grammar: grammar, categories: names)
                if let existing = rules.firstIndex(where: { $0.name == rule.name }) {
                    if rules[existing].file == rule.file {
                        throw RuleError(file: rule.file, line: rule.line, rule: rule.name, message: "a claim rule with this name is already defined in this file")
                    }
                    rules[existing] = rule
                } else {
                    rules.append(rule)
                }
            }
            disabled.formUnion(file.disable)
        }
        rules.removeAll { disabled.contains($0.name) }
        categoryRules = rules.filter { if case .category = $0.binding { return true }; return false }
        modalityRules = rules.filter { if case .modality = $0.binding { return true }; return false }
        attributionRules = rules.filter { $0.binding == .attribution }
        var requirements: [Pattern] = []
        var requirementIndex: [String: Int] = [:]
        let all = categoryRules + modalityRules + attributionRules
        for pattern in all.compactMap(\.requires) + all.compactMap(\.unless) where requirementIndex[pattern.source] == nil {
            requirementIndex[pattern.source] = requirements.count
            requirements.append(pattern)
        }
        self.requirements = requirements
        self.requirementIndex = requirementIndex
        anchoredRequirements = try requirements.map { try Pattern($0.source, options: $0.options.union([.anchored, .noStartOptimize])) }
        requirementFilter = try WordStartFilter(requirements)

        var populations = WordTable<PopulationWord>()
        for entry in lexicon.entries("populations") {
            guard case .record = entry.value else { throw entry.error(table: "populations", "expected {population: NAME or null, role: captive|prisoner}") }
            let implies = entry.value["implies"]?.string
            if let implies, !categories.contains(where: { $0.name == implies }) {
                throw entry.error(table: "populations", "'implies' names unknown category '\(implies)'")
            }
            populations[entry.phrase] = PopulationWord(population: entry.value["population"]?.string, role: entry.value["role"]?.string,
                                                       implies: implies, weak: entry.value["weak"]?.string == "true")
        }
        for entry in lexicon.entries("nationality_nouns") {
            populations[entry.phrase] = PopulationWord(population: entry.value.string, role: nil, implies: nil, weak: false)
        }
        self.populations = populations
        var nationalities = WordTable<String>()
        for table in ["nationality_adjectives", "nationality_nouns"] {
            for entry in lexicon.entries(table) {
                guard let name = entry.value.string else { throw entry.error(table: table, "expected the population's name") }
                nationalities[entry.phrase] = name
            }
        }
        self.nationalities = nationalities
        var wholeParticiples = WordTable<String>()
        for entry in lexicon.entries("whole_participles") {
            guard let name = entry.value.string else { throw entry.error(table: "whole_participles", "expected a category") }
            wholeParticiples[entry.phrase] = name
        }
        self.wholeParticiples = wholeParticiples
        var boundVerbs = WordTable<Qualifier>()
        for entry in lexicon.entries("bound_verbs") {
            guard let name = entry.value.string, let qualifier = Qualifier(rawValue: name) else {
                throw entry.error(table: "bound_verbs", "expected a qualifier: \(Qualifier.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            boundVerbs[entry.phrase] = qualifier
        }
        self.boundVerbs = boundVerbs
        var abbreviations = WordTable<Bool>()
        for entry in lexicon.entries("abbreviations") { abbreviations[entry.phrase] = true }
        splitter = SentenceSplitter(abbreviations: abbreviations)

        func piece(_ source: String, anchored: Bool = true) throws -> Pattern {
            try RuleCompiler.compile(source, grammar: grammar, options: anchored ? [.caseless, .extended, .anchored, .duplicateNames, .noStartOptimize] : [.caseless, .extended, .duplicateNames],
                                     rule: "claims grammar: \(source)", file: "claims.yaml", line: nil)
        }
        nounPhrase = try piece("{{np}}")
        ofThem = try piece(#"\s+ of \s+ (?: them | whom ) \s+ (?<population> (?: (?&modifier) \s+ ){0,2} (?&person_noun) ) (?![\p{L}])"#)
        listContinuation = try piece("(?&list_continuation)")
        partIntroduction = try piece("(?&part_introduction)")
        partOfThem = try piece("(?&part_of_them)")
        datelineLead = try piece("(?&dateline_lead)", anchored: false)
        datelineRest = try piece("(?&dateline_rest)")
        pronounPartLead = try piece("(?&pronoun_part_lead)")
        pronounPartRest = try piece("(?&pronoun_part_rest)")
        runningTotal = try piece("(?&running_total)", anchored: false)
        eventClause = try piece("(?&event_clause)", anchored: false)
        exchangeLink = try piece("(?&exchange_link)")
        previousValue = try piece("(?&previous_value)")
        gappedLead = try piece("(?&gapped_lead)\\z", anchored: false)
        gappedRest = try piece("(?&gapped_rest)")
        restatedLead = try piece("(?&restated_lead)\\z", anchored: false)
        pronounSourceLead = try piece("(?&pronoun_source_lead)", anchored: false)
        anaphoricPartLead = try piece("(?&anaphoric_part_lead)\\z")
        wholeIntroduction = try piece("(?&whole_introduction)\\z", anchored: false)
        wholeLead = try piece("{{whole_lead}}")
        partLead = try piece("(?&part_lead)\\z", anchored: false)
        startLead = try piece("(?&start_lead)\\z", anchored: false)
        sinceToday = try piece("(?&since_today)", anchored: false)
        anaphoricPartRest = try piece("(?&anaphoric_part_rest)")
        reportingDateLead = try piece("(?&reporting_date_lead)\\z", anchored: false)
        breakdownLead = try piece("(?&breakdown_lead)\\z", anchored: false)
        breakdownRest = try piece("(?&breakdown_rest)")
        rate = try piece("(?&rate)")
        locative = try piece("{{locative}}", anchored: false)
        anchoredLocative = try piece("{{locative}}")
        locativeFilter = try WordStartFilter([locative], atWordStarts: false)
        var places = WordTable<String>()
        for entry in lexicon.entries("places") {
            guard let name = entry.value.string else { throw entry.error(table: "places", "expected the name the place is reported as") }
            places[entry.phrase] = name
        }
        self.places = places
        impliedUndone = try piece("(?&implied_undone)")
        sinceCue = try piece("(?&since_cue)\\z", anchored: false)
        cueFilter = try WordStartFilter([sinceCue, runningTotal], atWordStarts: false)
        sinceComparison = try piece("(?<![\\p{L}\\p{N}])(?&since_comparison)\\z", anchored: false)
    }
}

extension RuleBook {
    /// The claim categories declared in the rule tables, in order.
    public var categories: [Category] { declaredCategories }

    /// The category named `name`, if declared.
    public func category(named name: String) -> Category? { declaredCategories.first { $0.name == name } }

    /// The names of the claim rules, in the order they were loaded.
    public var claimRuleNames: [String] {
        (claimRules.categoryRules + claimRules.modalityRules + claimRules.attributionRules).map(\.name)
    }
}
