import Foundation

/// One parsed rule table file, before its sections are merged with the other files.
///
/// A file is a YAML mapping with any of these sections (see `Resources/rules/en/README.md`):
/// `about`, `reference_date`, `tables`, `define`, `rules`, `claims`, `categories`, `disable`.
struct RuleFile {
    static let sections: Set<String> = ["about", "reference_date", "tables", "define", "rules", "claims", "categories", "disable"]

    let path: String
    var referenceDate: Day?
    var tables: [(table: String, entries: [TableEntry])] = []
    var defines: [(name: String, node: TableNode)] = []
    var rules: [TableNode] = []
    var claims: [TableNode] = []
    var categories: [(name: String, node: TableNode)] = []
    var disable: [String] = []

    init(path: String, contents: String) throws {
        self.path = path
        let root = try TableNode.parse(yaml: contents, file: path)
        if root.node.mapping == nil, root.node.scalar == nil { throw root.error("a rule table must be a mapping of sections") }
        guard root.node.mapping != nil else { return }
        let fields = try root.fields(allowed: RuleFile.sections, what: "the top level of a rule table")
        if let date = fields["reference_date"] { referenceDate = try date.day() }
        if let tables = fields["tables"] {
            for (name, table) in try tables.mapping() {
                let named = table.naming("tables.\(name)")
                var entries: [TableEntry] = []
                for (phrase, value) in try named.mapping() {
                    entries.append(TableEntry(phrase: phrase, value: try TableValue(value), file: path, line: value.line))
                }
                self.tables.append((name, entries))
            }
        }
        if let define = fields["define"] {
            defines = try define.mapping().map { ($0.key, $0.value.naming("define.\($0.key)")) }
        }
        if let rules = fields["rules"] { self.rules = try rules.sequence() }
        if let claims = fields["claims"] { self.claims = try claims.sequence() }
        if let categories = fields["categories"] {
            self.categories = try categories.mapping().map { ($0.key, $0.value.naming("categories.\($0.key)")) }
        }
        if let disable = fields["disable"] { self.disable = try disable.strings() }
    }

    /// Reads a file from disk.
    static func read(_ path: String) throws -> RuleFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError(file: path, message: "cannot read the rule table file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleError(file: path, message: "the rule table is not valid UTF-8")
        }
        return try RuleFile(path: path, contents: text)
    }

    /// The `.yaml` files of a folder, sorted by name, or the file itself.
    static func paths(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RuleError(file: path, message: "no such rule table file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { path + "/" + $0 }
    }
}
