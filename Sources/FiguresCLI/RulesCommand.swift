import ArgumentParser
import Figures

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Load and check the rule tables, and list their rules.")

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "Print the pattern of this rule as compiled, with its grammar pieces.")
    var show: String?

    func run() throws {
        let rules = try ruleOptions.load()
        if let show {
            guard let pattern = rules.compiledPattern(of: show) else { throw ValidationError("no rule named '\(show)'") }
            print(pattern)
            return
        }
        print("rule files:")
        for file in rules.files { print("  \(file)") }
        print("lexical rules:")
        for name in rules.lexicalRuleNames { print("  \(name)") }
    }
}
