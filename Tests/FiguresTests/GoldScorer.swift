import Foundation
@testable import Figures

/// The scoring of `../shared/acceptance/score.py`, in Swift, so that CI can hold the extractor
/// to it: a claim matches a gold claim when article, category and value agree and its byte range
/// overlaps an occurrence of the gold span; optional gold claims are neither required nor counted
/// against precision; dates agree at the coarser granularity.
struct GoldScorer {
    struct Result: CustomStringConvertible {
        var tp = 0, fp = 0, fn = 0
        var attributes: [String: (right: Int, total: Int)] = [:]
        var misses: [String] = []

        var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        func rate(_ attribute: String) -> Double {
            guard let a = attributes[attribute], a.total > 0 else { return 1 }
            return Double(a.right) / Double(a.total)
        }
        var description: String {
            let attrs = attributes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.right)/\($0.value.total)" }.joined(separator: ", ")
            return String(format: "F1 %.3f (precision %.3f, recall %.3f); tp %d fp %d fn %d; ", f1, precision, recall, tp, fp, fn) + attrs
                + (misses.isEmpty ? "" : "\n  " + misses.joined(separator: "\n  "))
        }
    }

    /// Extracts claims from every article of a gold file and scores them.
    static func score(gold goldPath: String, texts: String, manifest: String) throws -> Result {
        let data = try Data(contentsOf: URL(fileURLWithPath: Support.path(goldPath)))
        let gold = (try JSONSerialization.jsonObject(with: data) as! [String: Any])["articles"] as! [String: [[String: Any]]]
        let manifest = try Manifest.read(Support.path(manifest))
        let extractor = Extractor(rules: Support.rules)
        var result = Result()
        for (id, golds) in gold.sorted(by: { $0.key < $1.key }) {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Support.path("\(texts)/\(id).txt"))))
            var article = Article(id: id, bytes: bytes)
            manifest.apply(to: &article)
            let claims = try extractor.claims(in: article).filter { $0.category != "other" }
            var used = Set<Int>()
            for g in golds {
                let category = g["category"] as! String
                let value = (g["value"] as! NSNumber).doubleValue
                let span = Array((g["span"] as! String).utf8)
                let spans = occurrences(of: span, in: bytes)
                let optional = (g["optional"] as? Bool) ?? false
                let hit = claims.indices.first { i in
                    !used.contains(i) && claims[i].category == category
                        && abs(claims[i].value - value) <= 1e-6 * max(1, abs(value))
                        && spans.contains { claims[i].start < $0.upperBound && $0.lowerBound < claims[i].end }
                }
                guard let hit else {
                    if !optional { result.fn += 1; result.misses.append("missed \(id): \(category) \(value) «\(g["span"]!)»") }
                    continue
                }
                used.insert(hit)
                if optional { continue }
                result.tp += 1
                let c = claims[hit]
                check("qualifier", (g["qualifier"] as? String) ?? "exact", c.qualifier.rawValue, &result)
                check("unit", (g["unit"] as? String) ?? "people", c.unit.rawValue, &result)
                check("modality", (g["modality"] as? String) ?? "reported", c.modality.rawValue, &result)
                if g.keys.contains("population") {
                    let ok = samePopulation(g["population"] as? String, c.population)
                    result.attributes["population", default: (0, 0)].total += 1
                    if ok { result.attributes["population"]!.right += 1 }
                }
                // (score.py does not score the source; the gold files name it, so it is scored
                // here like a population: either name within the other, or both none.)
                if g.keys.contains("attributed_to") {
                    let want = g["attributed_to"] as? String
                    let ok = want == nil ? c.attributedTo == nil : (c.attributedTo != nil && samePopulation(want, c.attributedTo))
                    result.attributes["attributed_to", default: (0, 0)].total += 1
                    if ok { result.attributes["attributed_to"]!.right += 1 }
                    else { result.misses.append("attributed_to \(id): «\(g["span"]!)» want \(want ?? "nil") got \(c.attributedTo ?? "nil")") }
                }
                if let when = g["refers_to"] as? String {
                    result.attributes["refers_to", default: (0, 0)].total += 1
                    if sameWhen(when, c.refersTo) { result.attributes["refers_to"]!.right += 1 }
                    else { result.misses.append("refers_to \(id): «\(g["span"]!)» want \(when) got \(c.refersTo ?? "nil")") }
                }
            }
            for i in claims.indices where !used.contains(i) {
                result.fp += 1
                result.misses.append("extra \(id): \(claims[i].category) \(claims[i].value) «\(claims[i].text)»")
            }
        }
        return result
    }

    private static func check(_ key: String, _ want: String, _ have: String, _ result: inout Result) {
        result.attributes[key, default: (0, 0)].total += 1
        if want == have { result.attributes[key]!.right += 1 }
    }

    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Range<Int>] = []
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { found.append(start..<(start + needle.count)) }
        }
        return found
    }

    static func normalize(_ s: String?) -> String? {
        guard let s else { return nil }
        var t = s.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "'s", with: "")
        t = t.trimmingCharacters(in: .whitespaces)
        while t.hasSuffix("s") { t.removeLast() }
        return t
    }

    static func samePopulation(_ gold: String?, _ got: String?) -> Bool {
        guard let g = normalize(gold) else { return true }
        guard let s = normalize(got) else { return false }
        return g.contains(s) || s.contains(g)
    }

    static func sameWhen(_ gold: String, _ got: String?) -> Bool {
        guard let got else { return false }
        let g = gold.split(separator: "/"), s = got.split(separator: "/")
        return g.count == s.count && zip(g, s).allSatisfy { $0.hasPrefix($1) || $1.hasPrefix($0) }
    }
}
