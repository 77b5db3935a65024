/// A value from a rule table, detached from YAML so that the loaded rules are `Sendable`.
enum TableValue: Sendable, Hashable {
    case null
    case scalar(String)
    case list([TableValue])
    case record([String: TableValue])

    init(_ node: TableNode) throws {
        if let sequence = node.node.sequence {
            self = .list(try sequence.map { try TableValue(TableNode($0, file: node.file, rule: node.rule)) })
        } else if node.node.mapping != nil {
            var record: [String: TableValue] = [:]
            for (key, value) in try node.mapping() { record[key] = try TableValue(value) }
            self = .record(record)
        } else if node.isNull {
            self = .null
        } else {
            self = .scalar(try node.string())
        }
    }

    var string: String? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    var double: Double? {
        guard case .scalar(let s) = self else { return nil }
        if let v = Double(s.replacingOccurrences(of: "_", with: "")) { return v }
        let parts = s.split(separator: "/")
        if parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), b != 0 { return a / b }
        return nil
    }

    subscript(field: String) -> TableValue? {
        if case .record(let r) = self { return r[field] }
        return nil
    }
}

/// One entry of a lexicon table, with where it was written (for error messages).
struct TableEntry: Sendable {
    let phrase: String
    let value: TableValue
    let file: String
    let line: Int?

    func error(table: String, _ message: String) -> RuleError {
        RuleError(file: file, line: line, rule: "tables.\(table).\(phrase)", message: message)
    }
}
