/// The claim rules (sections `categories` and `claims` of the rule tables). Filled in by the
/// claims layer.
struct ClaimRules: Sendable {
    init(files: [RuleFile], lexicon: Lexicon, grammar: Grammar) throws {}
}
