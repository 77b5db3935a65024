import Yams

/// A YAML node of a rule table file with the file it came from: typed accessors that fail with a
/// ``RuleError`` naming the file, the line and the rule, and checks for unknown fields.
struct TableNode {
    let node: Node
    let file: String
    let rule: String?

    init(_ node: Node, file: String, rule: String? = nil) {
        self.node = node
        self.file = file
        self.rule = rule
    }

    /// Parses a whole file.
    static func parse(yaml: String, file: String) throws -> TableNode {
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                return TableNode(Node([(Node, Node)]()), file: file)
            }
            return TableNode(node, file: file)
        } catch let error as YamlError {
            // Yams quotes the document; keep its first line and where it points.
            let lines = "\(error)".split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let place = lines.last { $0.contains("line ") && $0.contains("column") } ?? ""
            let summary = lines.first.map { $0 + (place.isEmpty || place == $0 ? "" : " (" + place.trimmingCharacters(in: .whitespaces) + ")") } ?? "\(error)"
            throw RuleError(file: file, message: "malformed YAML: \(summary)")
        }
    }

    var line: Int? { node.mark?.line }

    func error(_ message: String) -> RuleError {
        RuleError(file: file, line: line, rule: rule, message: message)
    }

    func naming(_ rule: String) -> TableNode { TableNode(node, file: file, rule: rule) }

    // MARK: Shapes

    func mapping() throws -> [(key: String, value: TableNode)] {
        guard let mapping = node.mapping else { throw error("expected a mapping") }
        return try mapping.map { pair in
            guard let key = pair.key.string else { throw error("mapping keys must be strings") }
            return (key, TableNode(pair.value, file: file, rule: rule))
        }
    }

    /// The fields of a mapping, after checking that every key is one of `allowed`.
    func fields(allowed: Set<String>, what: String) throws -> [String: TableNode] {
        var result: [String: TableNode] = [:]
        for (key, value) in try mapping() {
            guard allowed.contains(key) else {
                throw value.error("unknown field '\(key)' in \(what); allowed: \(allowed.sorted().joined(separator: ", "))")
            }
            result[key] = value
        }
        return result
    }

    func sequence() throws -> [TableNode] {
        guard let sequence = node.sequence else { throw error("expected a list") }
        return sequence.map { TableNode($0, file: file, rule: rule) }
    }

    // MARK: Scalars

    var isNull: Bool { node.tag == .init(.null) || (node.scalar?.string == "null" || node.scalar?.string == "~") }

    func string() throws -> String {
        guard let scalar = node.scalar else { throw error("expected a string") }
        return scalar.string
    }

    func double() throws -> Double {
        guard let scalar = node.scalar else { throw error("expected a number") }
        let text = scalar.string.replacingOccurrences(of: "_", with: "")
        if let value = Double(text) { return value }
        // Allow simple fractions such as 1/3 in tables.
        let parts = text.split(separator: "/")
        if parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), b != 0 { return a / b }
        throw error("expected a number, found '\(scalar.string)'")
    }

    func optionalDouble() throws -> Double? { isNull ? nil : try double() }

    func int() throws -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else { throw error("expected an integer") }
        return value
    }

    func bool() throws -> Bool {
        guard let scalar = node.scalar else { throw error("expected true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("expected true or false, found '\(scalar.string)'")
        }
    }

    func strings() throws -> [String] {
        if node.scalar != nil { return [try string()] }
        return try sequence().map { try $0.string() }
    }

    func day() throws -> Day {
        let text = try string()
        guard let day = Day(iso: text) else { throw error("expected a YYYY-MM-DD date, found '\(text)'") }
        return day
    }
}
