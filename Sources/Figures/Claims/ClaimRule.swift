import PCRE2

/// A rule of the claims layer. Most rules bind a figure to a category: a `before` pattern that
/// must end right before the figure and/or an `after` pattern that must start right after it,
/// both matched on the sentence with mentions replaced by markers (``MarkedSentence``).
/// Modality rules work the same way and set whether a figure is planned, agreed, expected or
/// proposed; attribution rules find who states the sentence's figures.
struct ClaimRule: Sendable {
    enum Binding: Sendable, Equatable {
        case category(String)
        case modality(Claim.Modality)
        case attribution
    }

    /// Which figures a rule binds.
    enum FigureKind: String, Sendable {
        /// Counts, vague amounts, ranges of counts.
        case count
        /// Percentages and fractions of a group.
        case share
    }

    static let fields: Set<String> = ["name", "bind", "category", "modality", "by_role", "roles", "figure", "before", "after",
                                      "anchor", "scope", "requires", "unless", "priority", "description", "examples", "counter_examples"]
    static let exampleFields: Set<String> = ["text", "published", "figure", "category", "population", "refers_to", "modality",
                                             "attributed_to", "qualifier"]

    struct Example: Sendable {
        let text: String
        let published: Day?
        let figure: String
        let category: String?
        let population: TableValue?
        let refersTo: String?
        let modality: String?
        let attributedTo: String?
        let qualifier: String?
        let line: Int?
    }

    let name: String
    let binding: Binding
    let figure: FigureKind
    /// Population roles (captive, prisoner) that change the category.
    let byRole: [String: String]
    /// When set, only figures whose population has one of these roles.
    let roles: Set<String>?
    let priority: Int
    let before: Pattern?
    let after: Pattern?
    /// For attribution rules: the cue searched in the sentence ("said", "according to"); the
    /// source is found by `before` (ending where the cue starts) or `after` (from its end).
    let anchor: Pattern?
    /// For attribution rules: whether the source speaks only of figures after its anchor
    /// (`scope: after_anchor`: "the ministry put the toll at 1,200"), not of figures anywhere in
    /// the sentence (`scope: sentence`, the default: "12 were killed, police said").
    let onlyAfterAnchor: Bool
    let requires: Pattern?
    /// A pattern that must not occur anywhere in the sentence, or the rule is not tried ("in
    /// hospital" counts the injured, except in a sentence about an outbreak).
    let unless: Pattern?
    let file: String
    let line: Int?
    let examples: [Example]
    let counterExamples: [String]

    init(_ node: TableNode, grammar: Grammar, categories: Set<String>) throws {
        // Name the rule first, so that every error about it says which rule.
        let ruleName = node.node.mapping?["name"]?.string
        let fields = try (ruleName.map { node.naming($0) } ?? node).fields(allowed: ClaimRule.fields, what: "a claim rule")
        guard let name = try fields["name"]?.string() else { throw node.error("a claim rule needs a 'name'") }
        let named = node.naming(name)
        func compile(_ key: String, _ wrap: (String) -> String, _ options: CompileOptions) throws -> Pattern? {
            guard let source = try fields[key]?.naming(name).string() else { return nil }
            return try RuleCompiler.compile(wrap(source), grammar: grammar, options: options, rule: name, file: node.file, line: fields[key]?.line ?? node.line)
        }
        let common: CompileOptions = [.caseless, .extended, .duplicateNames]
        // A `before` pattern starts at a word boundary and ends where the figure starts.
        before = try compile("before", { "(?<![\\p{L}\\p{N}])(?:\($0)\n)\\z" }, common)
        after = try compile("after", { "(?:\($0)\n)" }, common.union([.anchored, .noStartOptimize]))
        anchor = try compile("anchor", { "(?<![\\p{L}\\p{N}])(?:\($0)\n)(?![\\p{L}\\p{N}])" }, common)
        requires = try compile("requires", { "(?<![\\p{L}\\p{N}])(?:\($0)\n)" }, common)
        unless = try compile("unless", { "(?<![\\p{L}\\p{N}])(?:\($0)\n)" }, common)

        switch try fields["bind"]?.string() ?? "category" {
        case "category":
            guard let category = try fields["category"]?.string() else { throw named.error("a claim rule needs a 'category'") }
            guard categories.contains(category) else {
                throw named.error("unknown category '\(category)'; declare it under 'categories' first")
            }
            binding = .category(category)
            guard before != nil || after != nil else { throw named.error("a category rule needs 'before' or 'after'") }
        case "modality":
            guard let text = try fields["modality"]?.string(), let modality = Claim.Modality(rawValue: text), modality != .reported else {
                throw named.error("a modality rule needs 'modality': planned, agreed, expected or proposed")
            }
            binding = .modality(modality)
            guard before != nil || after != nil else { throw named.error("a modality rule needs 'before' or 'after'") }
        case "attribution":
            binding = .attribution
            guard anchor != nil, let side = before ?? after else {
                throw named.error("an attribution rule needs an 'anchor' and a 'before' or 'after' pattern with a (?<source>…) group")
            }
            guard side.groupNames["source"] != nil else { throw named.error("an attribution pattern needs a (?<source>…) group") }
        case let other:
            throw named.error("unknown 'bind' value '\(other)'; use category, modality or attribution")
        }
        self.name = name
        figure = try FigureKind(rawValue: fields["figure"]?.string() ?? "count") ?? { throw named.error("'figure' must be count or share") }()
        var byRole: [String: String] = [:]
        for (role, category) in try fields["by_role"]?.mapping() ?? [] {
            let c = try category.string()
            guard categories.contains(c) else { throw named.error("by_role names unknown category '\(c)'") }
            byRole[role] = c
        }
        self.byRole = byRole
        roles = try fields["roles"].map { Set(try $0.strings()) }
        priority = try fields["priority"]?.int() ?? 0
        switch try fields["scope"]?.string() {
        case nil, "sentence": onlyAfterAnchor = false
        case "after_anchor": onlyAfterAnchor = true
        case let other?: throw named.error("unknown 'scope' value '\(other)'; use sentence or after_anchor")
        }
        file = node.file
        line = node.line
        var examples: [Example] = []
        for example in try fields["examples"]?.naming(name).sequence() ?? [] {
            let f = try example.fields(allowed: ClaimRule.exampleFields, what: "a claim example")
            guard let text = try f["text"]?.string(), let figure = try f["figure"]?.string() else {
                throw example.error("a claim example needs 'text' and 'figure'")
            }
            examples.append(Example(text: text, published: try f["published"]?.day(), figure: figure,
                                    category: try f["category"]?.string(), population: try f["population"].map(TableValue.init),
                                    refersTo: try f["refers_to"]?.string(), modality: try f["modality"]?.string(),
                                    attributedTo: try f["attributed_to"]?.string(), qualifier: try f["qualifier"]?.string(), line: example.line))
        }
        self.examples = examples
        counterExamples = try fields["counter_examples"]?.naming(name).strings() ?? []
    }
}
