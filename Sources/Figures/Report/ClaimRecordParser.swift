import Foundation

/// Reads the claim records of a claims file straight from their bytes.
///
/// A report over a million claims reads a million JSON lines; Foundation's `JSONSerialization`
/// builds a dictionary of boxed values for each, which took most of the report's time. This
/// parser reads a line that is a flat JSON object of a claim's fields (as `figures extract`
/// writes it: strings, numbers and nulls) into a ``Claim`` with the meaning
/// ``Claim/init(json:)`` gives it. Anything else (an article record, a nested value, a boolean,
/// a field of an unexpected type, a repeated key, an unknown qualifier, bytes that are not
/// UTF-8, JSON it cannot vouch for) gives `nil`, and the caller reads the line the slow way,
/// which also reports the errors.
struct ClaimRecordParser {
    /// The fields of a claim record.
    private enum Field: Int, CaseIterable {
        case article, category, value, qualifier, low, high, unit, population, modality, refersTo, attributedTo, start, end
        case text, sentence, rule, partOf, list, whole, place, published, outlet

        var name: String {
            switch self {
            case .refersTo: return "refers_to"
            case .attributedTo: return "attributed_to"
            case .partOf: return "part_of"
            default: return String(describing: self)
            }
        }

        var isNumber: Bool {
            switch self {
            case .value, .low, .high, .start, .end, .whole: return true
            default: return false
            }
        }
    }

    /// The field names as bytes, by length, to recognize keys without making strings.
    private static let names: [Int: [(bytes: [UInt8], field: Field)]] =
        Dictionary(grouping: Field.allCases.map { (Array($0.name.utf8), $0) }, by: { $0.bytes.count })

    /// Publication days already read.
    private var days: [String: Day] = [:]
    /// Bytes of a string with escapes, being decoded.
    private var scratch: [UInt8] = []

    /// The claim on `line`, or `nil` when the line must be read the slow way.
    mutating func claim(_ line: UnsafeBufferPointer<UInt8>) -> Claim? {
        var strings = [String?](repeating: nil, count: Field.allCases.count)
        var numbers = [Double?](repeating: nil, count: Field.allCases.count)
        var seen: UInt32 = 0
        var i = 0
        let n = line.count

        func space() { while i < n, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D || line[i] == 0x0A { i += 1 } }
        func take(_ byte: UInt8) -> Bool {
            guard i < n, line[i] == byte else { return false }
            i += 1
            return true
        }

        space()
        guard take(UInt8(ascii: "{")) else { return nil }
        space()
        repeat {
            space()
            guard let key = rawString(line, &i) else { return nil }
            space()
            guard take(UInt8(ascii: ":")) else { return nil }
            space()
            let field = ClaimRecordParser.field(key)
            if let field {
                guard seen & (1 << field.rawValue) == 0 else { return nil }
                seen |= 1 << field.rawValue
            }
            guard i < n else { return nil }
            switch line[i] {
            case UInt8(ascii: "\""):
                guard field.map({ !$0.isNumber }) ?? true, let text = readString(line, &i) else { return nil }
                if let field { strings[field.rawValue] = text }
            case UInt8(ascii: "n"):
                guard i + 4 <= n, line[i + 1] == UInt8(ascii: "u"), line[i + 2] == UInt8(ascii: "l"), line[i + 3] == UInt8(ascii: "l") else { return nil }
                i += 4
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard field.map(\.isNumber) ?? true, let number = readNumber(line, &i) else { return nil }
                if let field { numbers[field.rawValue] = number }
            default:
                return nil
            }
            space()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        space()
        guard i == n else { return nil }

        func text(_ field: Field) -> String? { strings[field.rawValue] }
        func number(_ field: Field) -> Double? { numbers[field.rawValue] }
        guard let article = text(.article), let category = text(.category), let value = number(.value),
              let start = number(.start).flatMap(Int.init(exactly:)), let end = number(.end).flatMap(Int.init(exactly:)),
              let qualifier = Qualifier(rawValue: text(.qualifier) ?? "exact"), let unit = Claim.Unit(rawValue: text(.unit) ?? "people"),
              let modality = Claim.Modality(rawValue: text(.modality) ?? "reported") else { return nil }
        // A bound written as null is unbounded; a missing one is the value.
        var claim = Claim(article: article, category: category, value: value, qualifier: qualifier,
                          low: seen & (1 << Field.low.rawValue) != 0 ? number(.low) : value,
                          high: seen & (1 << Field.high.rawValue) != 0 ? number(.high) : value,
                          unit: unit, population: text(.population), modality: modality, refersTo: text(.refersTo),
                          attributedTo: text(.attributedTo), start: start, end: end, text: text(.text) ?? "",
                          sentence: text(.sentence) ?? "", rule: text(.rule) ?? "")
        claim.partOf = text(.partOf)
        claim.list = text(.list)
        claim.whole = number(.whole)
        claim.place = text(.place)
        claim.outlet = text(.outlet)
        if let published = text(.published) {
            if let day = days[published] {
                claim.published = day
            } else {
                guard let day = Day(iso: published) else { return nil }
                days[published] = day
                claim.published = day
            }
        }
        return claim
    }

    private static func field(_ key: UnsafeBufferPointer<UInt8>) -> Field? {
        names[key.count]?.first { $0.bytes.elementsEqual(key) }?.field
    }

    /// A string without escapes, as bytes (a key); `nil` when it has escapes.
    private func rawString(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UnsafeBufferPointer<UInt8>? {
        guard i < line.count, line[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        var k = start
        while k < line.count, line[k] != UInt8(ascii: "\"") {
            guard line[k] != UInt8(ascii: "\\"), line[k] >= 0x20 else { return nil }
            k += 1
        }
        guard k < line.count else { return nil }
        i = k + 1
        return UnsafeBufferPointer(rebasing: line[start..<k])
    }

    /// A string value, unescaped; `nil` when it is not valid JSON or not UTF-8.
    private mutating func readString(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> String? {
        if let raw = rawString(line, &i) { return String(validating: raw, as: UTF8.self) }
        guard i < line.count, line[i] == UInt8(ascii: "\"") else { return nil }
        var k = i + 1
        scratch.removeAll(keepingCapacity: true)
        while k < line.count, line[k] != UInt8(ascii: "\"") {
            let byte = line[k]
            guard byte >= 0x20 else { return nil }
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                k += 1
                continue
            }
            guard k + 1 < line.count else { return nil }
            switch line[k + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(line[k + 1])
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                // A code point of the basic plane; surrogate pairs go the slow way.
                guard k + 6 <= line.count, let code = UInt32(String(decoding: UnsafeBufferPointer(rebasing: line[(k + 2)..<(k + 6)]), as: UTF8.self), radix: 16),
                      let scalar = Unicode.Scalar(code) else { return nil }
                scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
                k += 4
            default:
                return nil
            }
            k += 2
        }
        guard k < line.count else { return nil }
        i = k + 1
        return scratch.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
    }

    /// A JSON number; `nil` when it is not one.
    private func readNumber(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Double? {
        func digit(_ k: Int) -> Bool { k < line.count && line[k] >= UInt8(ascii: "0") && line[k] <= UInt8(ascii: "9") }
        let start = i
        var k = i
        if line[k] == UInt8(ascii: "-") { k += 1 }
        guard digit(k) else { return nil }
        var whole = 0
        var digits = 0
        if line[k] == UInt8(ascii: "0") {
            k += 1
        } else {
            while digit(k) {
                whole = whole &* 10 &+ Int(line[k] - UInt8(ascii: "0"))
                digits += 1
                k += 1
            }
        }
        var integral = true
        if k < line.count, line[k] == UInt8(ascii: ".") {
            k += 1
            guard digit(k) else { return nil }
            while digit(k) { k += 1 }
            integral = false
        }
        if k < line.count, line[k] == UInt8(ascii: "e") || line[k] == UInt8(ascii: "E") {
            k += 1
            if k < line.count, line[k] == UInt8(ascii: "+") || line[k] == UInt8(ascii: "-") { k += 1 }
            guard digit(k) else { return nil }
            while digit(k) { k += 1 }
            integral = false
        }
        i = k
        if integral, digits <= 15 { return Double(line[start] == UInt8(ascii: "-") ? -whole : whole) }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: line[start..<k]), as: UTF8.self))
    }
}
