/// Writes JSON straight into a byte buffer: no `Encodable`, no intermediate `String` per field.
/// Used by every JSON Lines output, where speed matters. Objects and arrays nest up to 64 deep.
public struct JSONWriter {
    /// The bytes written so far.
    public var bytes: [UInt8] = []
    /// Whether the open object or array at each depth needs a comma before its next member: bit
    /// `d` for depth `d + 1` (a bit stack, not an array, so that no member touches the heap).
    private var needsComma: UInt64 = 0
    private var depth = 0

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); open() }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); close(); markWritten() }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); open() }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); close(); markWritten() }
    public mutating func newline() { bytes.append(0x0A) }

    /// Writes `"name":`; the value follows with one of the value methods.
    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        setNeedsComma(false)
    }

    /// Writes `"name":` for a name that needs no escaping (the fixed keys of our own records),
    /// copied as it is.
    public mutating func key(ascii name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        setNeedsComma(false)
    }

    public mutating func string(_ value: String?) {
        separate()
        if let value { appendString(value) } else { appendNull() }
        markWritten()
    }

    /// Writes raw UTF-8 bytes as a JSON string (invalid sequences become U+FFFD).
    public mutating func string(bytes source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var i = range.lowerBound
        while i < range.upperBound {
            let b = source[i]
            if b < 0x80 {
                appendEscaped(b)
                i += 1
                continue
            }
            // Copy a valid multi-byte sequence as it is; replace anything else.
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
            if length > 0, i + length <= range.upperBound, (1..<length).allSatisfy({ source[i + $0] & 0xC0 == 0x80 }) {
                for k in 0..<length { bytes.append(source[i + k]) }
                i += length
            } else {
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
        markWritten()
    }

    public mutating func number(_ value: Double?) {
        separate()
        if let value, value.isFinite {
            if value == value.rounded(), abs(value) < 1e15 {
                appendInteger(Int(value))
            } else {
                bytes.append(contentsOf: Array(String(value).utf8))
            }
        } else {
            appendNull()
        }
        markWritten()
    }

    public mutating func number(_ value: Int) {
        separate()
        appendInteger(value)
        markWritten()
    }

    public mutating func bool(_ value: Bool) {
        separate()
        if value { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
        markWritten()
    }

    public mutating func null() { separate(); appendNull(); markWritten() }

    // MARK: -

    private mutating func open() {
        precondition(depth < 64, "JSONWriter nests at most 64 objects and arrays")
        depth += 1
        setNeedsComma(false)
    }

    private mutating func close() {
        setNeedsComma(false)
        depth -= 1
    }

    @inline(__always)
    private mutating func setNeedsComma(_ value: Bool) {
        guard depth > 0 else { return }
        let bit: UInt64 = 1 << UInt64(depth - 1)
        needsComma = value ? needsComma | bit : needsComma & ~bit
    }

    @inline(__always)
    private mutating func separate() {
        guard depth > 0, needsComma & (1 << UInt64(depth - 1)) != 0 else { return }
        bytes.append(UInt8(ascii: ","))
        setNeedsComma(false)
    }

    @inline(__always)
    private mutating func markWritten() { setNeedsComma(true) }

    private mutating func appendNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    private mutating func appendInteger(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var v = value.magnitude
        if v == 0 { bytes.append(UInt8(ascii: "0")); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while v > 0 { buffer[count] = UInt8(v % 10) + 0x30; v /= 10; count += 1 }
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[k]) }
        }
    }

    private mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { appendString(utf8: $0) }
    }

    /// Appends valid UTF-8 as a JSON string: runs that need no escape are copied whole.
    private mutating func appendString(utf8 source: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        for i in 0..<source.count {
            let b = source[i]
            guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
            if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<i])) }
            appendEscaped(b)
            start = i + 1
        }
        if start < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private mutating func appendEscaped(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
        case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
        default: bytes.append(b)
        }
    }
}
