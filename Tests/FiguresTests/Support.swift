import Foundation
@testable import Figures

/// Paths and shared objects for the tests.
enum Support {
    /// The package's root folder.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The standard rule book, loaded once for all tests.
    static let rules: RuleBook = {
        do { return try RuleBook.standard() } catch { fatalError("the standard rule tables do not load: \(error)") }
    }()

    static let lexer = Lexer(rules: rules)

    /// Reads a JSON Lines file into objects.
    static func jsonLines(_ relative: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path(relative), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// The text of a mention.
    static func text(of mention: Mention, in text: String) -> String {
        String(decoding: Array(text.utf8)[mention.range], as: UTF8.self)
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return abs(x - y) <= max(1e-6, 1e-6 * abs(y))
        default: return false
        }
    }
}
