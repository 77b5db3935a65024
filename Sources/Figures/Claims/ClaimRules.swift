/// The claim rules (sections `categories` and `claims`, and the population tables of
/// `claims.yaml`), loaded once.
struct ClaimRules: Sendable {
    let categories: [Category]

    init(files: [RuleFile], lexicon: Lexicon, grammar: Grammar) throws {
        var categories: [Category] = []
        for file in files {
            for (name, node) in file.categories {
                let fields = try node.fields(allowed: ["kind", "description", "rises_only_with"], what: "a category")
                guard let kindNode = fields["kind"], let kind = Category.Kind(rawValue: try kindNode.string()) else {
                    throw node.error("a category needs 'kind': one of \(Category.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let category = Category(name: name, kind: kind, description: try fields["description"]?.string() ?? "",
                                        risesOnlyWith: try fields["rises_only_with"]?.string())
                categories.removeAll { $0.name == name }
                categories.append(category)
            }
        }
        self.categories = categories
    }
}

extension RuleBook {
    /// The claim categories declared in the rule tables, in order.
    public var categories: [Category] { claimRules.categories }

    /// The category named `name`, if declared.
    public func category(named name: String) -> Category? { claimRules.categories.first { $0.name == name } }
}
