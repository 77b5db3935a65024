import Foundation

/// Who a figure counts, reduced to a key so that claims written differently about the same
/// group fall together.
///
/// - No population, or a word for everyone ("people", "residents", "the population",
///   "victims"), is **everyone**: the key `nil`. Every named group is a part of everyone.
/// - Otherwise the key is the written group lower-cased, with curly apostrophes straightened,
///   a leading "the"/"all" dropped, a trailing word naming the counted role ("captives",
///   "prisoners", "hostages") dropped after a demonym, and a plural "s" dropped:
///   "Israelis", "Israeli captives" and "israeli" share the key `israeli`.
/// - A place's people are one group however phrased: "Gaza's population", "Gaza's residents",
///   "residents of Gaza" and "the people of Gaza" share the key `gaza residents`.
///
/// Named groups are otherwise taken as unrelated: "women" is linked to "Palestinians" only
/// through a claim's `part_of`.
struct PopulationKey {
    /// Words that stand for everyone the articles are about.
    static let everyone: Set<String> = ["", "people", "persons", "individuals", "everyone", "population", "residents",
                                        "inhabitants", "victims", "others", "civilians and combatants",
                                        // role nouns name everyone on one side of a release or a detention
                                        "hostages", "captives", "abductees", "prisoners", "detainees"]
    /// Words naming a place's people.
    static let placeWords: Set<String> = ["population", "residents", "inhabitants", "people"]
    /// Role words that repeat the category after a group's name.
    static let roleWords: Set<String> = ["captives", "captive", "hostages", "hostage", "prisoners", "prisoner",
                                         "detainees", "detainee", "nationals", "citizens"]

    /// The key of a written population; `nil` is everyone.
    static func key(_ written: String?) -> String? {
        guard let written else { return nil }
        var text = written.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
        for prefix in ["the ", "all "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if everyone.contains(text) { return nil }
        var words = text.split(separator: " ").map(String.init)
        // "Gaza's population", "Gaza's residents" → "gaza residents"
        if words.count >= 2, placeWords.contains(words[words.count - 1]), words[words.count - 2].hasSuffix("'s") {
            let place = words[..<(words.count - 1)].joined(separator: " ").dropLast(2)
            return place + " residents"
        }
        // "residents of Gaza", "the population of Gaza" → "gaza residents"
        if words.count >= 3, placeWords.contains(words[0]), words[1] == "of" {
            return words[2...].joined(separator: " ") + " residents"
        }
        // "Israeli captives" → "israeli"
        if words.count == 2, roleWords.contains(words[1]) { words.removeLast() }
        if let last = words.last { words[words.count - 1] = singular(last) }
        return words.joined(separator: " ")
    }

    /// Drops a plural "s" ("israelis" → "israeli"); irregular plurals stay as they are.
    static func singular(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("'s") else { return word }
        return String(word.dropLast())
    }
}
