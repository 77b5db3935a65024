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
    private static let nameBytes: [[UInt8]] = Field.allCases.map { Array($0.name.utf8) }

    /// Where a field's value stands on the line being read.
    private struct Span {
        /// 0: absent or null; 1: a string without escapes; 2: a string with escapes; 3: a number.
        var kind: UInt8 = 0
        var start = 0, end = 0
    }

    /// The values of the line being read, by field (reused from line to line).
    private var spans = [Span](repeating: Span(), count: Field.allCases.count)
    private var numbers = [Double](repeating: 0, count: Field.allCases.count)
    /// For each field, the field that followed it on the last line (the next key is usually
    /// that one); the last entry is the first field of the last line.
    private var following = [Int](repeating: 0, count: Field.allCases.count + 1)

    /// Repeated values (an article's id on each of its claims, categories, places, periods)
    /// are made once and shared: a million claims repeat a few thousand strings.
    private var texts = Field.allCases.map { Interner<String>(keeps: $0 != .text && $0 != .sentence) }
    private var days = Interner<Day>()
    private var qualifiers = Interner<Qualifier>(), units = Interner<Claim.Unit>(), modalities = Interner<Claim.Modality>()
    /// Bytes of a string with escapes, being decoded.
    private var scratch: [UInt8] = []

    /// The claim on `line`, or `nil` when the line must be read the slow way.
    mutating func claim(_ line: UnsafeBufferPointer<UInt8>) -> Claim? {
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
        var previous = Field.allCases.count
        repeat {
            space()
            guard let key = rawString(line, &i) else { return nil }
            space()
            guard take(UInt8(ascii: ":")) else { return nil }
            space()
            let field: Field?
            let guess = following[previous]
            if ClaimRecordParser.nameBytes[guess].count == key.count,
               ClaimRecordParser.nameBytes[guess].withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) {
                field = Field(rawValue: guess)
            } else {
                field = ClaimRecordParser.field(key)
            }
            if let field {
                guard seen & (1 << field.rawValue) == 0 else { return nil }
                seen |= 1 << field.rawValue
                following[previous] = field.rawValue
                previous = field.rawValue
                spans[field.rawValue].kind = 0
            }
            guard i < n else { return nil }
            switch line[i] {
            case UInt8(ascii: "\""):
                guard let field else {
                    guard readString(line, &i) != nil else { return nil }
                    break
                }
                guard !field.isNumber, let span = stringSpan(line, &i) else { return nil }
                spans[field.rawValue] = span
            case UInt8(ascii: "n"):
                guard i + 4 <= n, line[i + 1] == UInt8(ascii: "u"), line[i + 2] == UInt8(ascii: "l"), line[i + 3] == UInt8(ascii: "l") else { return nil }
                i += 4
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard field.map(\.isNumber) ?? true, let number = readNumber(line, &i) else { return nil }
                if let field {
                    numbers[field.rawValue] = number
                    spans[field.rawValue].kind = 3
                }
            default:
                return nil
            }
            space()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        space()
        guard i == n else { return nil }

        // Every string is made (and checked to be UTF-8), as before.
        var failed = false
        func text(_ field: Field) -> String? {
            let span = spans[field.rawValue]
            guard seen & (1 << field.rawValue) != 0, span.kind == 1 || span.kind == 2 else { return nil }
            let made = ClaimRecordParser.intern(span, line, &texts[field.rawValue]) { String(validating: $0, as: UTF8.self) }
            if made == nil { failed = true }
            return made
        }
        func number(_ field: Field) -> Double? {
            seen & (1 << field.rawValue) != 0 && spans[field.rawValue].kind == 3 ? numbers[field.rawValue] : nil
        }
        func present(_ field: Field) -> Bool {
            let span = spans[field.rawValue]
            return seen & (1 << field.rawValue) != 0 && (span.kind == 1 || span.kind == 2)
        }
        // The enumerations and the publication day, read from their bytes.
        var qualifier = Qualifier.exact, unit = Claim.Unit.people, modality = Claim.Modality.reported
        if present(.qualifier) {
            guard let q = ClaimRecordParser.intern(spans[Field.qualifier.rawValue], line, &qualifiers, { String(validating: $0, as: UTF8.self).flatMap(Qualifier.init(rawValue:)) })
            else { return nil }
            qualifier = q
        }
        if present(.unit) {
            guard let u = ClaimRecordParser.intern(spans[Field.unit.rawValue], line, &units, { String(validating: $0, as: UTF8.self).flatMap(Claim.Unit.init(rawValue:)) })
            else { return nil }
            unit = u
        }
        if present(.modality) {
            guard let m = ClaimRecordParser.intern(spans[Field.modality.rawValue], line, &modalities, { String(validating: $0, as: UTF8.self).flatMap(Claim.Modality.init(rawValue:)) })
            else { return nil }
            modality = m
        }
        guard let article = text(.article), let category = text(.category), let value = number(.value),
              let start = number(.start).flatMap(Int.init(exactly:)), let end = number(.end).flatMap(Int.init(exactly:)) else { return nil }
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
        if present(.published) {
            guard let day = ClaimRecordParser.intern(spans[Field.published.rawValue], line, &days, { String(validating: $0, as: UTF8.self).flatMap(Day.init(iso:)) })
            else { return nil }
            claim.published = day
        }
        return failed ? nil : claim
    }

    /// The value of a string's bytes (as they stand on the line, or unescaped), from `interner`.
    private static func intern<T>(_ span: Span, _ line: UnsafeBufferPointer<UInt8>, _ interner: inout Interner<T>,
                                  _ make: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        if span.kind == 1 { return interner.value(UnsafeBufferPointer(rebasing: line[span.start..<span.end]), make: make) }
        var k = span.start - 1
        var bytes: [UInt8] = []
        guard unescape(line, &k, into: &bytes) else { return nil }
        return bytes.withUnsafeBufferPointer { interner.value($0, make: make) }
    }

    /// The span of a string value (its bytes without the quotes); `nil` when it is not a JSON
    /// string (its escapes are checked here, its UTF-8 when it is made).
    private mutating func stringSpan(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Span? {
        let start = i + 1
        if rawString(line, &i) != nil { return Span(kind: 1, start: start, end: i - 1) }
        var k = i
        guard ClaimRecordParser.unescape(line, &k, into: &scratch) else { return nil }
        i = k
        return Span(kind: 2, start: start, end: k - 1)
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
        guard ClaimRecordParser.unescape(line, &i, into: &scratch) else { return nil }
        return scratch.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
    }

    /// Unescapes the string at `i` (its opening quote) into ``scratch`` and moves `i` past its
    /// closing quote; `false` when it is not a JSON string this parser reads.
    private static func unescape(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int, into scratch: inout [UInt8]) -> Bool {
        guard i < line.count, line[i] == UInt8(ascii: "\"") else { return false }
        var k = i + 1
        scratch.removeAll(keepingCapacity: true)
        while k < line.count, line[k] != UInt8(ascii: "\"") {
            let byte = line[k]
            guard byte >= 0x20 else { return false }
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                k += 1
                continue
            }
            guard k + 1 < line.count else { return false }
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
                      let scalar = Unicode.Scalar(code) else { return false }
                scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
                k += 4
            default:
                return false
            }
            k += 2
        }
        guard k < line.count else { return false }
        i = k + 1
        return true
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

/// Values made from bytes, made once for each distinct run of bytes (up to a limit) and shared.
struct Interner<Value> {
    private var table: [UInt64: (bytes: [UInt8], value: Value)] = [:]
    private var lastBytes: [UInt8] = []
    private var last: Value?
    /// Whether values are kept beyond the last one: not for fields that rarely repeat except
    /// from one claim to the next (a claim's text, its sentence).
    private let keeps: Bool
    /// The most values kept (a field whose every value differs stops being kept once it
    /// reaches it).
    static var limit: Int { 1 << 16 }

    init(keeps: Bool = true) { self.keeps = keeps }

    /// The value of `bytes`: the one made before for the same bytes, else `make`'s.
    mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Value?) -> Value? {
        if let last, Interner.equal(lastBytes, bytes) { return last }
        guard keeps else {
            guard let value = make(bytes) else { return nil }
            lastBytes.removeAll(keepingCapacity: true)
            lastBytes.append(contentsOf: bytes)
            last = value
            return value
        }
        // FNV-1a over the bytes.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        if let known = table[hash], Interner.equal(known.bytes, bytes) {
            lastBytes = known.bytes
            last = known.value
            return known.value
        }
        guard let value = make(bytes) else { return nil }
        let copy = Array(bytes)
        if table.count < Interner.limit, table[hash] == nil { table[hash] = (copy, value) }
        lastBytes = copy
        last = value
        return value
    }

    private static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        if b.isEmpty { return true }
        return a.withUnsafeBufferPointer { memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }
    }
}
