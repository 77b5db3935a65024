import Foundation
import PCRE2

/// All the rule tables Figures runs on, loaded, checked and compiled once.
///
/// The standard tables ship with the package (`Resources/rules/en`). A user adds or overrides
/// rules with files of their own, loaded after them: a rule with the same name replaces the
/// standard one, table entries are added or replaced (a `null` value deletes one), `disable`
/// lists rules to drop. Nothing is compiled after loading.
///
/// ```swift
/// let rules = try RuleBook.load(["my-rules.yaml"])   // the standard tables plus mine
/// let lexer = Lexer(rules: rules)
/// ```
public final class RuleBook: Sendable {
    /// The files loaded, in order.
    public let files: [String]
    let lexicon: Lexicon
    let grammar: Grammar
    /// The claim categories declared (read from the tables, without compiling a pattern).
    let declaredCategories: [Category]
    /// The number words and qualifier bounds.
    let numberLexicon: NumberLexicon
    /// The lexical and claim rules, compiled when the book was loaded; else compiled on first
    /// use by ``compiledLater``.
    private let compiledNow: Parts?
    private let compiledLater: Compiled
    private var parts: Parts { compiledNow ?? compiledLater.parts }
    var lexicalRules: [LexicalRule] { parts.lexicalRules }
    var scanner: LexicalScanner { parts.scanner }
    /// The scanner for the first bytes of an article, with the publication rules that can start
    /// at any word (datelines).
    var publicationScanner: LexicalScanner { parts.publicationScanner }
    var claimRules: ClaimRules { parts.claimRules }

    /// The standard tables, loaded once per process.
    public static func standard() throws -> RuleBook {
        try standardBook.get()
    }

    private static let standardBook: Result<RuleBook, Error> = Result {
        try RuleBook(paths: [standardDirectory], includingStandard: false)
    }

    /// The folder of the standard rule tables shipped as package resources.
    public static var standardDirectory: String {
        if let override = ProcessInfo.processInfo.environment["FIGURES_RULES"] { return override }
        return Bundle.module.bundlePath + "/rules/en"
    }

    /// Loads the standard tables and then each of `paths` (files or folders of `.yaml` files).
    public static func load(_ paths: [String]) throws -> RuleBook {
        try RuleBook(paths: paths, includingStandard: true)
    }

    /// Loads the standard tables and `paths` to check claims with (``Checker``, ``Report``),
    /// which needs only the tables. With the standard tables alone, the rules' patterns are
    /// compiled the first time the book is used to extract (that takes most of the loading, and
    /// the standard patterns cannot fail to compile). With tables of the caller's own in `paths`
    /// everything is compiled now, as by ``load(_:)``, so that an error in their patterns is
    /// thrown here, naming the file and the rule.
    public static func forChecking(_ paths: [String] = []) throws -> RuleBook {
        try RuleBook(paths: paths, includingStandard: true, compiling: !paths.isEmpty)
    }

    /// Loads tables from `paths`, after the standard ones when `includingStandard`.
    public convenience init(paths: [String], includingStandard: Bool) throws {
        try self.init(paths: paths, includingStandard: includingStandard, compiling: true)
    }

    /// Loads tables from `paths`; compiles their rules now when `compiling`, else on first use.
    private init(paths: [String], includingStandard: Bool, compiling: Bool) throws {
        var filePaths: [String] = []
        if includingStandard { filePaths += try RuleFile.paths(at: RuleBook.standardDirectory) }
        for path in paths { filePaths += try RuleFile.paths(at: path) }
        let parsed = try filePaths.map(RuleFile.read)
        self.files = filePaths

        // Tables first: grammar pieces are built from them.
        var lexicon = Lexicon()
        for file in parsed { for (table, entries) in file.tables { lexicon.merge(table, entries) } }
        var grammar = Grammar()
        for file in parsed { for (name, node) in file.defines { try grammar.define(name, node, lexicon: lexicon) } }
        self.lexicon = lexicon
        self.grammar = grammar
        let categories = try ClaimRules.categories(in: parsed)
        declaredCategories = categories.declared
        numberLexicon = try NumberLexicon(lexicon)
        compiledLater = Compiled { [lexicon, grammar, numberLexicon] in
            try Parts(files: parsed, lexicon: lexicon, grammar: grammar, numberLexicon: numberLexicon, categories: categories)
        }
        compiledNow = compiling ? try compiledLater.compile() : nil
    }

    /// What the rules compile to.
    /// (A class: the book hands out its parts on every use, which must not copy them.)
    final class Parts: Sendable {
        let lexicalRules: [LexicalRule]
        let scanner: LexicalScanner
        let publicationScanner: LexicalScanner
        let claimRules: ClaimRules

        init(files parsed: [RuleFile], lexicon: Lexicon, grammar: Grammar, numberLexicon: NumberLexicon,
             categories: (declared: [Category], datedFromSince: Set<String>)) throws {
            // Lexical rules: later files replace rules of the same name; `disable` drops them.
            var rules: [LexicalRule] = []
            var disabled: Set<String> = []
            for file in parsed {
                for node in file.rules {
                    let rule = try LexicalRule(node, referenceDate: file.referenceDate)
                    if let existing = rules.firstIndex(where: { $0.name == rule.name }) {
                        if rules[existing].file == rule.file {
                            throw rule.error("a rule with this name is already defined in this file")
                        }
                        rules[existing] = rule
                    } else {
                        rules.append(rule)
                    }
                }
                disabled.formUnion(file.disable)
            }
            rules.removeAll { disabled.contains($0.name) }
            var compiled: [LexicalScanner.CompiledRule] = []
            let pieceNames = Set(grammar.pieces.keys)
            for index in rules.indices {
                try rules[index].compile(grammar: grammar)
                let pattern = rules[index].pattern!
                for name in pattern.groupNames.keys where !pieceNames.contains(name) && Capture(rawValue: name) == nil {
                    throw rules[index].error("unknown capture group '\(name)'; rules may capture only \(Capture.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                compiled.append(.init(rule: rules[index], pattern: pattern, captures: CaptureMap(pattern), firstBytes: rules[index].firstBytes))
            }
            let reader = NumberReader(lexicon: numberLexicon)
            let vocabulary = RuleBook.vocabulary(lexicon: lexicon, rules: compiled)
            let quantities = QuantityInterpreter(lexicon: numberLexicon)
            let dates = DateInterpreter(lexicon: try DateLexicon(lexicon), numbers: reader)
            scanner = try LexicalScanner(rules: compiled, quantities: quantities, dates: dates, vocabulary: vocabulary, publication: false)
            publicationScanner = try LexicalScanner(rules: compiled, quantities: quantities, dates: dates, vocabulary: vocabulary, publication: true)
            lexicalRules = rules
            claimRules = try ClaimRules(files: parsed, lexicon: lexicon, grammar: grammar, categories: categories)
        }
    }

    /// The compiled rules, made once: at loading, or on first use.
    private final class Compiled: @unchecked Sendable {
        // SAFETY: `made` is written once, under `lock`, and read only under it; `make` is only
        // called under it, and reads the loaded tables it captured, which nothing changes. The
        // parts are immutable once made.
        private let lock = NSLock()
        private var made: Parts?
        private let make: () throws -> Parts

        init(_ make: @escaping () throws -> Parts) { self.make = make }

        /// The compiled rules, compiled unless they are; throws their first error.
        func compile() throws -> Parts {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let parts = try make()
            made = parts
            return parts
        }

        /// The compiled rules. Only the standard tables are compiled here (a book loaded
        /// ``RuleBook/forChecking(_:)`` without tables of its own), and they compile; an error
        /// would be a defect of the package, so it stops the program.
        var parts: Parts {
            do {
                return try compile()
            } catch {
                fatalError("figures: the rule tables cannot be compiled: \(error)")
            }
        }
    }

    /// The words lexical rules can start with: from the tables, the patterns and the examples,
    /// and every word of one or two letters (abbreviations and symbols such as HK$, US$, No.).
    static func vocabulary(lexicon: Lexicon, rules: [LexicalScanner.CompiledRule]) -> Set<String> {
        var vocabulary: Set<String> = []
        for entries in lexicon.tables.values {
            for entry in entries { vocabulary.formUnion(LexicalScanner.words(in: entry.phrase)) }
        }
        for rule in rules {
            vocabulary.formUnion(LexicalScanner.words(in: rule.pattern.source))
            for example in rule.rule.examples { vocabulary.formUnion(LexicalScanner.words(in: example.text)) }
        }
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        for a in letters {
            vocabulary.insert(a)
            for b in letters { vocabulary.insert(a + b) }
        }
        return vocabulary
    }

    /// The pattern of a lexical rule as handed to PCRE2 (with its DEFINE block), for debugging.
    public func compiledPattern(of rule: String) -> String? {
        lexicalRules.first { $0.name == rule }?.pattern?.source
    }

    /// The names of the lexical rules, in the order they were loaded.
    public var lexicalRuleNames: [String] { lexicalRules.map(\.name) }
}
