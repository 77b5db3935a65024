/// The merged word tables of all rule files (section `tables`): number words, qualifiers, vague
/// amounts, months, weekdays, populations… Later files add entries to a table or replace them.
struct Lexicon: Sendable {
    private(set) var tables: [String: [TableEntry]] = [:]

    mutating func merge(_ table: String, _ entries: [TableEntry]) {
        var existing = tables[table] ?? []
        for entry in entries {
            let key = WordKey(entry.phrase)
            existing.removeAll { WordKey($0.phrase) == key }
            if entry.value != .null { existing.append(entry) } // null deletes an entry
        }
        tables[table] = existing
    }

    func entries(_ table: String) -> [TableEntry] { tables[table] ?? [] }

    /// A table whose values are numbers, keyed by phrase.
    func numbers(_ table: String) throws -> WordTable<Double> {
        var result = WordTable<Double>()
        for entry in entries(table) {
            guard let value = entry.value.double else {
                throw entry.error(table: table, "expected a number, found \(entry.value)")
            }
            result[entry.phrase] = value
        }
        return result
    }

    /// A table with any values, keyed by phrase.
    func records(_ table: String) -> WordTable<TableValue> {
        var result = WordTable<TableValue>()
        for entry in entries(table) { result[entry.phrase] = entry.value }
        return result
    }

    /// The phrases of a table, as written.
    func phrases(_ table: String) -> [String] { entries(table).map(\.phrase) }
}
