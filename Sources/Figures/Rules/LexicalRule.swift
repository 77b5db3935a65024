import Foundation
import PCRE2

/// What a lexical rule's match is.
enum LexicalLayer: String, Sendable {
    /// A number: its captures are read by the quantity interpreter.
    case number
    /// A date or period: its captures are read by the date interpreter.
    case date
    /// Not a figure (a phone number, a version, an ordinal, a time of day…): the text is consumed
    /// so that no other rule reads a number in it, and nothing is reported.
    case ignore
}

/// An example of a rule: a text, and what scanning it must give.
struct RuleExample: Sendable {
    /// The input.
    let text: String
    /// The text of the expected mention (the whole input when not given).
    let match: String?
    /// The expected value: a number for numbers, an ISO string for dates.
    let value: TableValue?
    let low: TableValue?
    let high: TableValue?
    let kind: String?
    let qualifier: String?
    /// The publication date relative dates resolve against (the file's `reference_date` when not
    /// given).
    let published: Day?
    let line: Int?
}

/// A rule of the lexical layer: a PCRE2 pattern, compiled once, anchored, caseless and extended,
/// that recognizes a number or a date starting at a candidate position.
struct LexicalRule: Sendable {
    static let fields: Set<String> = ["name", "layer", "pattern", "before", "kind", "priority", "role", "description", "examples", "counter_examples"]
    static let exampleFields: Set<String> = ["text", "match", "value", "low", "high", "kind", "qualifier", "published"]

    let name: String
    let layer: LexicalLayer
    /// For numbers: the kind to report when the captures do not decide it.
    let kind: String?
    /// Breaks ties between matches of the same length: higher wins.
    let priority: Int
    /// `publication`: a date this rule finds near the start of an article (a `date YYYY-MM-DD`
    /// header, a dateline) is the article's publication date when no manifest gives one.
    let isPublication: Bool
    let source: String
    let file: String
    let line: Int?
    let examples: [RuleExample]
    let counterExamples: [String]
    let referenceDate: Day?
    /// Context that must stand right before the match, written as a pattern that must end where
    /// the rule starts ("Resolution" before "2334"). Not part of the mention. Rules start at a
    /// digit, a symbol or a word of the tables; what comes before is said here.
    let beforeSource: String?
    /// Set by ``compile(grammar:)``.
    var pattern: Pattern?
    var before: Pattern?
    /// The pattern with every look before its start neutralized (``ContextFreePattern``), for
    /// probing prefixes of a text; `nil` when no such variant is safe.
    var probe: Pattern?
    /// The bytes a match can start with (PCRE2's start-of-match analysis), or `nil`.
    var firstBytes: [Bool]?

    init(_ node: TableNode, referenceDate: Day?) throws {
        // Name the rule first, so that every error about it says which rule.
        let ruleName = node.node.mapping?["name"]?.string
        let fields = try (ruleName.map { node.naming($0) } ?? node).fields(allowed: LexicalRule.fields, what: "a lexical rule")
        guard let nameNode = fields["name"] else { throw node.error("a rule needs a 'name'") }
        let name = try nameNode.string()
        let named = node.naming(name)
        guard let layerNode = fields["layer"], let layer = LexicalLayer(rawValue: try layerNode.string()) else {
            throw named.error("'layer' must be one of number, date, ignore")
        }
        guard let patternNode = fields["pattern"] else { throw named.error("a rule needs a 'pattern'") }
        self.name = name
        self.layer = layer
        self.source = try patternNode.naming(name).string()
        self.beforeSource = try fields["before"]?.naming(name).string()
        self.kind = try fields["kind"]?.naming(name).string()
        if let kind, layer == .number, Quantity.Kind(rawValue: kind) == nil {
            throw named.error("unknown number kind '\(kind)'; use one of \(Quantity.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.priority = try fields["priority"]?.naming(name).int() ?? 0
        switch try fields["role"]?.naming(name).string() {
        case nil: isPublication = false
        case "publication": isPublication = true
        case let other?: throw named.error("unknown role '\(other)'; the only role is 'publication'")
        }
        self.file = node.file
        self.line = node.line
        self.referenceDate = referenceDate
        var examples: [RuleExample] = []
        for example in try fields["examples"]?.naming(name).sequence() ?? [] {
            if example.node.scalar != nil {
                examples.append(RuleExample(text: try example.string(), match: nil, value: nil, low: nil, high: nil, kind: nil, qualifier: nil, published: nil, line: example.line))
                continue
            }
            let f = try example.fields(allowed: LexicalRule.exampleFields, what: "an example")
            guard let text = f["text"] else { throw example.error("an example needs a 'text'") }
            examples.append(RuleExample(
                text: try text.string(),
                match: try f["match"]?.string(),
                value: try f["value"].map(TableValue.init),
                low: try f["low"].map(TableValue.init),
                high: try f["high"].map(TableValue.init),
                kind: try f["kind"]?.string(),
                qualifier: try f["qualifier"]?.string(),
                published: try f["published"]?.day(),
                line: example.line))
        }
        self.examples = examples
        self.counterExamples = try fields["counter_examples"]?.naming(name).strings() ?? []
    }

    func error(_ message: String) -> RuleError {
        RuleError(file: file, line: line, rule: name, message: message)
    }

    /// Grammar pieces of up to this many bytes (with what they call) are pasted into the
    /// patterns that run rather than called: the count, money and range rules ran 14 to 21%
    /// fewer instructions a call (each called piece is a capture group of the DEFINE block,
    /// which every match resets and copies out, and a call costs a JIT frame). Larger pieces
    /// stay calls: pasted everywhere, the range rule is too large for PCRE2.
    static let pastedPieceSize = 1000

    /// Compiles the pattern with the grammar pieces it calls.
    mutating func compile(grammar: Grammar) throws {
        // Rules run anchored at many positions of long texts, where PCRE2's start-of-match
        // optimizations (a scan ahead for a required character) cost more than they save; the
        // analysis of a second compile, with them, gives the bytes a match can start with.
        let options: CompileOptions = [.caseless, .extended, .anchored, .duplicateNames, .noStartOptimize]
        pattern = try RuleCompiler.compile(source, grammar: grammar, options: options, pasting: LexicalRule.pastedPieceSize, rule: name, file: file, line: line)
        if let variant = ContextFreePattern.variant(of: pattern!.source) {
            probe = variant == pattern!.source ? pattern : try? Pattern(variant, options: options)
        }
        firstBytes = try RuleCompiler.compile(source, grammar: grammar, options: [.caseless, .extended, .anchored, .duplicateNames], rule: name, file: file, line: line).possibleFirstBytes
        if let beforeSource {
            before = try RuleCompiler.compile("(?<![\\p{L}\\p{N}])(?:\(beforeSource)\n)\\z", grammar: grammar, options: [.caseless, .extended, .duplicateNames], pasting: LexicalRule.pastedPieceSize, rule: name, file: file, line: line)
        }
    }
}

/// Compiles rule patterns with their grammar and turns PCRE2's errors into ``RuleError``s that
/// point into the rule or the grammar piece at fault.
enum RuleCompiler {
    /// With `pasting` above 0, grammar pieces of up to that many bytes are pasted rather than
    /// called (``Grammar/paster(limit:flags:)``), unless the pattern sets the option x anywhere;
    /// a pattern that then does not compile (too large) is compiled with calls, which also
    /// places any error in the rule or its piece.
    static func compile(_ source: String, grammar: Grammar, options: CompileOptions, pasting limit: Int = 0, rule: String, file: String, line: Int?) throws -> Pattern {
        let composed = grammar.compose(source)
        if limit > 0, composed.unknown.isEmpty, options.contains(.extended), !options.contains(.multiline), !options.contains(.dotAll),
           composed.pattern.range(of: #"\(\?(\^|[imnsJUx-]*x[imnsJUx-]*[:)])"#, options: .regularExpression) == nil {
            // The options a piece runs with, set again where it is pasted: i as compiled, no m, s, n, U.
            let flags = options.contains(.caseless) ? "i-msnU" : "-imsnU"
            let pasted = grammar.compose(source, paste: grammar.paster(limit: limit, flags: flags))
            if let pattern = try? Pattern(pasted.pattern, options: options) { return pattern }
        }
        if let unknown = composed.unknown.first {
            throw RuleError(file: file, line: line, rule: rule, message: "the pattern calls (?&\(unknown)), which no 'define' section names")
        }
        do {
            return try Pattern(composed.pattern, options: options)
        } catch {
            let offset = error.offset ?? 0
            if offset >= composed.ruleOffset {
                throw RuleError(file: file, line: line, rule: rule,
                                message: "the pattern does not compile: \(error.message) at offset \(offset - composed.ruleOffset)")
            }
            if let placed = composed.prefix.first(where: { $0.range.contains(offset) || $0.range.upperBound == offset }) {
                throw RuleError(file: placed.piece.file, line: placed.piece.line, rule: rule,
                                message: "grammar piece '\(placed.piece.name)' does not compile: \(error.message) at offset \(offset - placed.range.lowerBound)")
            }
            throw RuleError(file: file, line: line, rule: rule, message: "the pattern does not compile: \(error.message) (offset \(offset) in the composed pattern)")
        }
    }
}
