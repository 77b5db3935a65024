import Foundation

extension Claim {
    /// Writes the claim as one JSON Lines record with the fields of `figures extract`:
    /// article, category, value, qualifier, low, high, unit, population, modality, refers_to,
    /// attributed_to, start, end, text, sentence, rule, and id, part_of, list, whole, place, published,
    /// outlet.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key(ascii: "article"); json.string(article)
        json.key(ascii: "id"); json.string(id)
        json.key(ascii: "category"); json.string(category)
        json.key(ascii: "value"); json.number(value)
        json.key(ascii: "qualifier"); json.string(qualifier.rawValue)
        json.key(ascii: "low"); json.number(low)
        json.key(ascii: "high"); json.number(high)
        json.key(ascii: "unit"); json.string(unit.rawValue)
        json.key(ascii: "population"); json.string(population)
        json.key(ascii: "modality"); json.string(modality.rawValue)
        json.key(ascii: "refers_to"); json.string(refersTo)
        json.key(ascii: "attributed_to"); json.string(attributedTo)
        json.key(ascii: "start"); json.number(start)
        json.key(ascii: "end"); json.number(end)
        json.key(ascii: "text"); json.string(text)
        json.key(ascii: "sentence"); json.string(sentence)
        json.key(ascii: "rule"); json.string(rule)
        json.key(ascii: "part_of"); json.string(partOf)
        json.key(ascii: "list"); json.string(list)
        json.key(ascii: "whole"); json.number(whole)
        json.key(ascii: "place"); json.string(place)
        json.key(ascii: "published"); json.string(published?.iso)
        json.key(ascii: "outlet"); json.string(outlet)
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
