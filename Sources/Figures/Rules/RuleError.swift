/// A rule table that cannot be used: malformed YAML, an unknown field, a bad value, or a pattern
/// PCRE2 rejects. The message names the file, the line, the rule and, for patterns, PCRE2's
/// message with the offset.
public struct RuleError: Error, Sendable, CustomStringConvertible {
    /// The rule table file.
    public let file: String
    /// The line in the file, when known.
    public let line: Int?
    /// The rule (or table, or grammar piece) the error is about, when known.
    public let rule: String?
    /// What is wrong.
    public let message: String

    public init(file: String, line: Int? = nil, rule: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.rule = rule
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let rule { place += ": rule '\(rule)'" }
        return "\(place): \(message)"
    }
}
