/// A variant of a compiled rule's pattern that never looks before where it starts, and that
/// matches wherever the rule matches (and maybe more): what the scanner probes with prefixes of
/// the text to rule a rule out.
///
/// A rule's match at a position can depend on the bytes before it through lookbehinds ("a month
/// after 'in '"), `\b`, `\B`, `^`, `\A` and `\G`. The variant replaces each of these assertions
/// by the value that lets more texts match where it stands: true (`(?:)`) where a success helps
/// the match, false (`(*F)`) inside a negative assertion, whose success it would undo. Matching
/// the variant then depends only on the bytes from the start on, so a hard partial match of it
/// on the first bytes there says, for every text that begins with them, whatever comes before:
/// if the variant cannot match, neither can the rule.
///
/// Where neither value is safe — an assertion inside an atomic group, under a possessive
/// quantifier, in the condition of a conditional group, in a grammar piece called both inside
/// and outside a negative assertion, or any backtracking verb — there is no variant (`nil`),
/// and the scanner does not narrow that rule.
///
/// The pattern is read with the syntax the rule tables use (extended mode): escapes, classes,
/// `#` comments, groups of every kind, `(?&name)` calls into one `(?(DEFINE)…)` block.
enum ContextFreePattern {
    /// The variant of `source` (a composed rule pattern, extended mode), `source` itself when it
    /// has nothing to replace, or `nil` when no variant is safe.
    static func variant(of source: String) -> String? {
        var parser = Parser(Array(source.utf8))
        guard let root = parser.parseSequence(until: nil) else { return nil }
        guard parser.position == parser.bytes.count else { return nil }
        // Pieces of the DEFINE block, by name, and the contexts they are called in.
        var pieces: [String: Node] = [:]
        root.collectPieces(into: &pieces)
        var called: [String: Set<Context>] = [:]
        var work: [(String, Context)] = []
        root.collectCalls(in: .positive, into: &work)
        while let (name, context) = work.popLast() {
            guard called[name, default: []].insert(context).inserted else { continue }
            guard let piece = pieces[name] else { return nil }
            for child in piece.children { child.collectCalls(in: context, into: &work) }
        }
        // Every assertion to replace, with the contexts it is reached in.
        var replacements: [(Range<Int>, String)] = []
        var assertions: [(Node, Context, String?)] = []
        root.collectAssertions(in: .positive, piece: nil, into: &assertions)
        var seen: Set<Int> = []
        for (node, context, piece) in assertions {
            let contexts: Set<Context> = piece.map { name in Set((called[name] ?? []).map { $0.then(context) }) } ?? [context]
            if contexts.isEmpty { continue } // a piece nobody calls
            guard contexts.count == 1, let only = contexts.first, only != .unknown else { return nil }
            guard seen.insert(node.range.lowerBound).inserted else { continue }
            replacements.append((node.range, only == .positive ? "(?:)" : "(?:(*F))"))
        }
        if parser.sawVerb && !replacements.isEmpty { return nil }
        // A capture inside a lookbehind would vanish with it, and renumber the groups that
        // conditions and references read.
        for (node, _, _) in assertions where node.kind.isLookbehind && node.containsCapture { return nil }
        guard !replacements.isEmpty else { return source }
        var bytes = parser.bytes
        for (range, text) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            bytes.replaceSubrange(range, with: Array(text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How an assertion's success bears on the whole match.
    enum Context: Hashable {
        /// More successes can only give more matches.
        case positive
        /// Inside a negative assertion: more successes can only give fewer matches.
        case negative
        /// Inside an atomic group, a possessive quantifier or a condition: either way.
        case unknown

        /// This context seen from inside a group that is in `outer`.
        func then(_ inner: Context) -> Context {
            switch (self, inner) {
            case (.unknown, _), (_, .unknown): .unknown
            case (.positive, let c): c
            case (.negative, .positive): .negative
            case (.negative, .negative): .positive
            }
        }
    }

    final class Node {
        enum Kind {
            case sequence
            /// `(?:`, `(?<name>`, `(?|`, `(?-i:` …
            case group
            case lookahead(negative: Bool)
            case lookbehind
            case atomic
            case conditional
            /// A condition that is an assertion (`(?(?=…)`): unknown context.
            case condition
            case define
            /// A named group: a capture, or a grammar piece when directly inside DEFINE.
            case named(String)
            case piece(String)
            case call(String)
            /// `\b`, `\B`, `^`, `\A`, `\G`: looks before the position.
            case contextAssertion

            var isLookbehind: Bool { if case .lookbehind = self { true } else { false } }
        }

        let kind: Kind
        var range: Range<Int>
        var children: [Node] = []
        /// A possessive quantifier follows.
        var possessive = false
        /// A group that captures by number: `( … )`.
        var capturing = false

        /// Whether this node, or a group inside it, captures.
        var containsCapture: Bool {
            if capturing { return true }
            if case .named = kind { return true }
            return children.contains { $0.containsCapture }
        }

        init(_ kind: Kind, _ range: Range<Int>) {
            self.kind = kind
            self.range = range
        }

        func collectPieces(into pieces: inout [String: Node]) {
            if case .piece(let name) = kind { pieces[name] = self }
            for child in children { child.collectPieces(into: &pieces) }
        }

        /// The context inside this node, given the one around it.
        func inner(_ context: Context) -> Context {
            if possessive { return .unknown }
            switch kind {
            case .lookahead(let negative): return negative ? context.then(.negative) : context
            case .atomic, .condition: return .unknown
            default: return context
            }
        }

        func collectCalls(in context: Context, into work: inout [(String, Context)]) {
            switch kind {
            case .define: return // pieces are reached through their calls
            case .lookbehind: return // replaced whole
            case .call(let name):
                work.append((name, possessive ? .unknown : context))
                return
            default: break
            }
            let inside = inner(context)
            for child in children { child.collectCalls(in: inside, into: &work) }
        }

        func collectAssertions(in context: Context, piece: String?, into list: inout [(Node, Context, String?)]) {
            switch kind {
            case .lookbehind, .contextAssertion:
                list.append((self, possessive ? .unknown : context, piece))
                return
            case .piece(let name):
                for child in children { child.collectAssertions(in: .positive, piece: name, into: &list) }
                return
            default: break
            }
            let inside = inner(context)
            for child in children { child.collectAssertions(in: inside, piece: piece, into: &list) }
        }
    }

    struct Parser {
        let bytes: [UInt8]
        var position = 0
        var sawVerb = false
        /// Some character has been consumed before the item being read, in every way of reaching
        /// it: a `\b` or `\B` there looks at a byte of the match, not before it.
        private var consumed = false
        /// The last item read consumes at least one character.
        private var itemConsumes = false

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        private func peek(_ offset: Int = 0) -> UInt8? {
            position + offset < bytes.count ? bytes[position + offset] : nil
        }

        private func starts(with text: String) -> Bool {
            let t = Array(text.utf8)
            return position + t.count <= bytes.count && Array(bytes[position..<position + t.count]) == t
        }

        /// Skips white space and `#` comments (extended mode).
        private mutating func skipSpace() {
            while let b = peek() {
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C {
                    position += 1
                } else if b == UInt8(ascii: "#") {
                    while let c = peek(), c != 0x0A { position += 1; _ = c }
                } else {
                    return
                }
            }
        }

        /// Items up to `)` (not consumed) or the end.
        mutating func parseSequence(until close: UInt8?) -> Node? {
            let sequence = Node(.sequence, position..<position)
            let before = consumed
            defer { consumed = before }
            while true {
                skipSpace()
                guard let b = peek() else { return close == nil ? sequence : nil }
                if b == UInt8(ascii: ")") { return close == nil ? nil : sequence }
                if b == UInt8(ascii: "|") { position += 1; consumed = before; continue }
                let here = consumed
                guard let item = parseItem() else { return nil }
                consumed = here || itemConsumes
                if let item { sequence.children.append(item) }
            }
        }

        /// One item; `.some(nil)` for an item that needs no node (a literal, a class).
        private mutating func parseItem() -> Node?? {
            let start = position
            let b = bytes[position]
            var node: Node?
            var consumes = true
            switch b {
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else { return nil }
                let e = bytes[position + 1]
                position += 2
                switch e {
                case UInt8(ascii: "b"), UInt8(ascii: "B"):
                    consumes = false
                    if !consumed { node = Node(.contextAssertion, start..<position) }
                case UInt8(ascii: "A"), UInt8(ascii: "G"):
                    consumes = false
                    node = Node(.contextAssertion, start..<position)
                case UInt8(ascii: "z"), UInt8(ascii: "Z"), UInt8(ascii: "K"), UInt8(ascii: "E"):
                    consumes = false
                case UInt8(ascii: "Q"):
                    consumes = false // \Q\E may quote nothing (taking it as consuming nothing is safe)
                    while position < bytes.count, !(bytes[position] == UInt8(ascii: "\\") && peek(1) == UInt8(ascii: "E")) { position += 1 }
                    position = min(bytes.count, position + 2)
                case UInt8(ascii: "g"), UInt8(ascii: "k"):
                    return nil // back references, and subroutine calls written \g<name>: not followed
                case UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "N"):
                    if let c = peek(), c == UInt8(ascii: "{") || c == UInt8(ascii: "<") || c == UInt8(ascii: "'") {
                        let end = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : c == UInt8(ascii: "<") ? UInt8(ascii: ">") : c
                        position += 1
                        while let d = peek(), d != end { position += 1 }
                        guard peek() != nil else { return nil }
                        position += 1
                    } else if e == UInt8(ascii: "p") || e == UInt8(ascii: "P") {
                        position += 1
                    }
                default:
                    if e >= UInt8(ascii: "1") && e <= UInt8(ascii: "9") { return nil } // back reference
                }
            case UInt8(ascii: "^"):
                position += 1
                consumes = false
                node = Node(.contextAssertion, start..<position)
            case UInt8(ascii: "$"):
                position += 1
                consumes = false
            case UInt8(ascii: "["):
                position += 1
                if peek() == UInt8(ascii: "^") { position += 1 }
                if peek() == UInt8(ascii: "]") { position += 1 }
                while let c = peek(), c != UInt8(ascii: "]") {
                    if c == UInt8(ascii: "\\") { position += 2; continue }
                    if c == UInt8(ascii: "["), peek(1) == UInt8(ascii: ":") {
                        position += 2
                        while let d = peek(), d != UInt8(ascii: "]") { position += 1 }
                    }
                    position += 1
                }
                guard peek() != nil else { return nil }
                position += 1
            case UInt8(ascii: "("):
                guard let group = parseGroup() else { return nil }
                node = group
                consumes = false // (not worked out for groups)
            default:
                position += 1
            }
            // A quantifier after the item.
            skipSpace()
            if let q = peek() {
                var quantified = false
                if q == UInt8(ascii: "?") || q == UInt8(ascii: "*") || q == UInt8(ascii: "+") {
                    position += 1
                    quantified = true
                    if q != UInt8(ascii: "+") { consumes = false }
                } else if q == UInt8(ascii: "{"), isCountedQuantifier() {
                    if peek(1) == UInt8(ascii: "0") || peek(1) == UInt8(ascii: ",") { consumes = false }
                    while let c = peek(), c != UInt8(ascii: "}") { position += 1 }
                    position += 1
                    quantified = true
                }
                if quantified, let suffix = peek() {
                    if suffix == UInt8(ascii: "+") {
                        position += 1
                        node?.possessive = true
                    } else if suffix == UInt8(ascii: "?") {
                        position += 1
                    }
                }
            }
            itemConsumes = consumes
            return .some(node)
        }

        private func isCountedQuantifier() -> Bool {
            var i = position + 1
            var digits = 0
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") || bytes[i] == UInt8(ascii: ",") {
                if bytes[i] != UInt8(ascii: ",") { digits += 1 }
                i += 1
            }
            return digits > 0 && i < bytes.count && bytes[i] == UInt8(ascii: "}")
        }

        /// A group; `.some(nil)` for one that needs no node (a verb, a comment, an option setting).
        private mutating func parseGroup() -> Node?? {
            let start = position
            position += 1 // (
            var kind: Node.Kind = .group
            if peek() == UInt8(ascii: "*") {
                // An alpha assertion or group, (*plb:…) (*nla:…) (*atomic:…) (*sr:…): not read (it
                // would be taken for a verb, and a lookbehind in it missed).
                if let c = peek(1), c >= UInt8(ascii: "a"), c <= UInt8(ascii: "z") { return nil }
                // (*VERB) or (*VERB:arg): only (*F), (*FAIL) and marks are harmless.
                while let c = peek(), c != UInt8(ascii: ")") { position += 1 }
                guard peek() != nil else { return nil }
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                if !(text == "(*F" || text == "(*FAIL" || text.hasPrefix("(*MARK:") || text.hasPrefix("(*:")) { sawVerb = true }
                position += 1
                return .some(nil)
            }
            if peek() == UInt8(ascii: "?") {
                position += 1
                if starts(with: "#") {
                    while let c = peek(), c != UInt8(ascii: ")") { position += 1 }
                    guard peek() != nil else { return nil }
                    position += 1
                    return .some(nil)
                } else if starts(with: "<=") || starts(with: "<!") {
                    position += 2
                    kind = .lookbehind
                } else if starts(with: "=") || starts(with: "!") {
                    kind = .lookahead(negative: peek() == UInt8(ascii: "!"))
                    position += 1
                } else if starts(with: ">") {
                    position += 1
                    kind = .atomic
                } else if starts(with: "|") || starts(with: ":") {
                    position += 1
                } else if starts(with: "&") {
                    position += 1
                    let nameStart = position
                    while let c = peek(), c != UInt8(ascii: ")") { position += 1 }
                    guard peek() != nil else { return nil }
                    let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
                    position += 1
                    return Node(.call(name), start..<position)
                } else if starts(with: "P<") || (starts(with: "<") && !starts(with: "<=") && !starts(with: "<!")) || starts(with: "'") {
                    if peek() == UInt8(ascii: "P") { position += 1 }
                    let close = peek() == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "'")
                    position += 1
                    let nameStart = position
                    while let c = peek(), c != close { position += 1 }
                    guard peek() != nil else { return nil }
                    let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
                    position += 1
                    kind = .named(name)
                } else if starts(with: "(") {
                    // A conditional: (?(DEFINE)…), (?(<name>)…), (?(1)…), or (?(?=…)…).
                    if starts(with: "(DEFINE)") {
                        position += 8
                        kind = .define
                    } else if starts(with: "(?") {
                        guard let parsed = parseGroup(), let condition = parsed else { return nil }
                        let conditional = Node(.conditional, start..<start)
                        conditional.children.append(Node(.condition, condition.range))
                        conditional.children[0].children = [condition]
                        guard let body = parseSequence(until: UInt8(ascii: ")")) else { return nil }
                        conditional.children.append(body)
                        position += 1
                        conditional.range = start..<position
                        return conditional
                    } else {
                        while let c = peek(), c != UInt8(ascii: ")") { position += 1 }
                        guard peek() != nil else { return nil }
                        position += 1
                        kind = .conditional
                    }
                } else {
                    // Option settings that leave the syntax as read here: (?i) (?-i) or a group
                    // (?-i: … ); not x or ^ (extended mode off makes '#' and spaces literal), nor
                    // (?R) or (?C).
                    while let c = peek(), c != UInt8(ascii: ":") && c != UInt8(ascii: ")") {
                        guard c == UInt8(ascii: "-") || Array("imnsJU".utf8).contains(c) else { return nil }
                        position += 1
                    }
                    guard let c = peek() else { return nil }
                    position += 1
                    if c == UInt8(ascii: ")") { return .some(nil) }
                }
            }
            let capturing = bytes[start + 1] != UInt8(ascii: "?")
            guard let body = parseSequence(until: UInt8(ascii: ")")) else { return nil }
            position += 1
            let node = Node(kind, start..<position)
            node.capturing = capturing
            if case .define = kind {
                // Its named groups are the pieces.
                for child in body.children {
                    guard case .named(let name) = child.kind else { return nil }
                    let piece = Node(.piece(name), child.range)
                    piece.children = child.children
                    node.children.append(piece)
                }
            } else {
                node.children = [body]
            }
            return node
        }
    }
}
