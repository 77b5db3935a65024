import Foundation

extension Claim {
    /// Writes the claim as one JSON Lines record with the fields of `figures extract`:
    /// article, category, value, qualifier, low, high, unit, population, modality, refers_to,
    /// attributed_to, start, end, text, sentence, rule, and id, part_of, list, whole, place, published,
    /// outlet.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("article"); json.string(article)
        json.key("id"); json.string(id)
        json.key("category"); json.string(category)
        json.key("value"); json.number(value)
        json.key("qualifier"); json.string(qualifier.rawValue)
        json.key("low"); json.number(low)
        json.key("high"); json.number(high)
        json.key("unit"); json.string(unit.rawValue)
        json.key("population"); json.string(population)
        json.key("modality"); json.string(modality.rawValue)
        json.key("refers_to"); json.string(refersTo)
        json.key("attributed_to"); json.string(attributedTo)
        json.key("start"); json.number(start)
        json.key("end"); json.number(end)
        json.key("text"); json.string(text)
        json.key("sentence"); json.string(sentence)
        json.key("rule"); json.string(rule)
        json.key("part_of"); json.string(partOf)
        json.key("list"); json.string(list)
        json.key("whole"); json.number(whole)
        json.key("place"); json.string(place)
        json.key("published"); json.string(published?.iso)
        json.key("outlet"); json.string(outlet)
        json.endObject()
        json.newline()
    }

    /// Reads a claim from a JSON object as `figures extract` writes it. Fields a report does not
    /// need may be missing; `article`, `category`, `value`, `start` and `end` are required.
    public init(json object: [String: Any]) throws {
        func string(_ key: String) -> String? { object[key] as? String }
        func number(_ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue }
        guard let article = string("article"), let category = string("category"), let value = number("value"),
              let start = number("start"), let end = number("end") else {
            throw ClaimDecodingError(message: "a claim needs article, category, value, start and end")
        }
        guard let qualifier = Qualifier(rawValue: string("qualifier") ?? "exact") else {
            throw ClaimDecodingError(message: "unknown qualifier '\(string("qualifier") ?? "")'")
        }
        guard let unit = Unit(rawValue: string("unit") ?? "people") else {
            throw ClaimDecodingError(message: "unknown unit '\(string("unit") ?? "")'")
        }
        guard let modality = Modality(rawValue: string("modality") ?? "reported") else {
            throw ClaimDecodingError(message: "unknown modality '\(string("modality") ?? "")'")
        }
        var published: Day? = nil
        if let p = string("published") {
            guard let day = Day(iso: p) else { throw ClaimDecodingError(message: "'published' is not YYYY-MM-DD: \(p)") }
            published = day
        }
        self.init(article: article, category: category, value: value, qualifier: qualifier,
                  low: object.keys.contains("low") ? number("low") : value,
                  high: object.keys.contains("high") ? number("high") : value,
                  unit: unit, population: string("population"), modality: modality,
                  refersTo: string("refers_to"), attributedTo: string("attributed_to"),
                  start: Int(start), end: Int(end), text: string("text") ?? "", sentence: string("sentence") ?? "",
                  rule: string("rule") ?? "", partOf: string("part_of"), list: string("list"), whole: number("whole"), place: string("place"),
                  published: published, outlet: string("outlet"))
    }
}

/// A claims record that cannot be read.
public struct ClaimDecodingError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
