import Foundation
import Testing
@testable import Figures

/// The renderers, the golden Markdown report over the seeds, and reporting from claims files.
struct ReportFormatTests {
    static var seeds: Report { get throws { try ReportSeedTests.report(.fixture) } }

    /// The Markdown report over the seeds (from the seed claims fixture) is kept in
    /// `Fixtures/report/seeds.md`, reviewed by a person. Re-record deliberately with
    /// `FIGURES_RECORD=1 swift test --filter ReportFormatTests`.
    @Test func markdownGolden() throws {
        let path = Support.path("Fixtures/report/seeds.md")
        let markdown = try Self.seeds.markdown()
        if ProcessInfo.processInfo.environment["FIGURES_RECORD"] == "1" {
            try markdown.write(toFile: path, atomically: true, encoding: .utf8)
            print("recorded \(path)")
            return
        }
        let golden = try #require(try? String(contentsOfFile: path, encoding: .utf8),
                                  "no golden file \(path): record it with FIGURES_RECORD=1 and review it")
        if markdown != golden {
            let a = markdown.split(separator: "\n", omittingEmptySubsequences: false), b = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("""
                the Markdown report differs from \(path) at line \(line + 1):
                  now:    \(line < a.count ? String(a[line]) : "<end>")
                  golden: \(line < b.count ? String(b[line]) : "<end>")
                if the change is intended, re-record with FIGURES_RECORD=1 and review the diff
                """)
        }
    }

    @Test func markdownHasEveryPart() throws {
        let report = try Self.seeds
        let md = report.markdown()
        #expect(md.hasPrefix("# Figures report\n\n**5 articles, 22 claims;"))
        for finding in report.findings {
            #expect(md.contains("#### \(report.findingID(of: finding)!) · "))
            #expect(md.contains(finding.message))
        }
        for heading in ["### Errors (2)", "## Checks that passed (16)", "## Series over time", "## Not checked (1)", "## Articles (5)"] {
            #expect(md.contains(heading), "no '\(heading)'")
        }
        #expect(md.contains("| 004_6e2c5d8c5659a1ae | 2024-10-10 | — | none |"))
        #expect(md.contains("release of **81** Israelis"), "the figure is marked in its sentence")
    }

    @Test func csvHasOneRowPerClaim() throws {
        let report = try Self.seeds
        let rows = Self.parseCSV(report.csv())
        #expect(rows.first == Report.csvHeader)
        #expect(rows.count == report.claims.count + 1)
        #expect(rows.allSatisfy { $0.count == Report.csvHeader.count })
        let column = Dictionary(uniqueKeysWithValues: Report.csvHeader.enumerated().map { ($1, $0) })
        let eighty = try #require(rows.first { $0[column["text"]!] == "80" })
        let conflict = try #require(report.findings.first { $0.kind == .conflict })
        #expect(eighty[column["findings"]!] == report.findingID(of: conflict))
        #expect(eighty[column["checks"]!].split(separator: " ").contains(Substring(report.id(of: conflict))))
        #expect(eighty[column["group"]!] == "captives_released|Israelis|2023-11")
        let agreed = try #require(rows.first { $0[column["modality"]!] == "agreed" })
        #expect(agreed[column["not_checked"]!].contains("agreed") && agreed[column["checks"]!].isEmpty)
        #expect(rows.contains { $0[column["sentence"]!].contains("“") || $0[column["sentence"]!].contains("\"flexibility\"") })
    }

    @Test func htmlIsSelfContained() throws {
        let report = try Self.seeds
        let html = report.html()
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        for forbidden in ["<script", "src=", "href=\"http", "url(", "@import"] { #expect(!html.contains(forbidden), "\(forbidden) in the page") }
        #expect(html.components(separatedBy: "<svg ").count - 1 == report.series.count)
        #expect(report.series.contains { $0.category == "killed" && $0.points.count == 4 })
        for finding in report.findings {
            #expect(html.contains("id=\"\(report.findingID(of: finding)!)\""))
            #expect(html.contains(Report.escape(finding.message)))
        }
        // The reversal's claims are drawn red in the captives-held timeline.
        let held = try #require(report.series.first { $0.category == "captives_held" })
        #expect(held.flagged.count == 2)
    }

    /// Claims written to files (in pieces, in any order, as many machines would) give the same
    /// report as the claims in memory.
    @Test func claimsFilesGiveTheSameReport() throws {
        let input = try ReportSeedTests.input(.fixture)
        let direct = Report(input: input, rules: Support.rules).json()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figures-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = input.articles.values.sorted { $0.id > $1.id }
        var files: [String] = []
        for (n, half) in [Array(articles.prefix(2)), Array(articles.dropFirst(2))].enumerated() {
            var json = JSONWriter()
            for entry in half {
                let claims = input.claims.filter { $0.article == entry.id }.reversed()
                for claim in claims { claim.write(to: &json) }
                ReportInput.writeRecord(entry, claims: claims.count, to: &json)
            }
            let path = folder.appendingPathComponent("part\(n).jsonl").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(json.bytes)))
            files.append(path)
        }
        var read = ReportInput()
        for path in files.reversed() { try read.read(claimsFile: path) }
        #expect(Report(input: read, rules: Support.rules).json() == direct)
    }

    @Test func badClaimsFilesNameTheLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figures-bad-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{\"article\": \"a\", \"claims\": 0}\n\n{\"category\": \"killed\"}\n".utf8)))
        var input = ReportInput()
        #expect { try input.read(claimsFile: path) } throws: { ($0 as? InputError)?.line == 3 }
        #expect(throws: InputError.self) { try input.read(claimsFile: path + ".missing") }
    }

    @Test func orderOfClaimsDoesNotMatter() throws {
        let claims = try ReportSeedTests.input(.fixture).claims
        let json = Report(claims: claims, rules: Support.rules).json()
        var random = CorpusRandom(seed: 3)
        for _ in 0..<5 {
            var shuffled = claims
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, random.below(i + 1)) }
            #expect(Report(claims: shuffled, rules: Support.rules).json() == json)
        }
    }

    /// A report handed on in place (the writer takes each chunk and leaves an array it has
    /// written before) is the report, in every format; so is a chart handed on point by point.
    @Test func chunksTakenInPlaceGiveTheSameBytes() throws {
        let report = try Self.seeds
        for format in Report.Format.allCases {
            var taken: [UInt8] = [], spare: [UInt8] = []
            spare.reserveCapacity(1 << 10)
            report.write(inPlace: format) { chunk in
                taken.append(contentsOf: chunk)
                spare.removeAll(keepingCapacity: true)
                swap(&spare, &chunk)
            }
            #expect(String(decoding: taken, as: UTF8.self) == report.rendered(format), "\(format)")
        }
        #expect(!report.series.isEmpty)
        for series in report.series {
            var pieces: [UInt8] = [], rest: [UInt8] = []
            Timeline(series: series).svg(to: &rest, handOn: { pieces.append(contentsOf: $0); $0.removeAll() })
            #expect(String(decoding: pieces + rest, as: UTF8.self) == Timeline(series: series).svg())
        }
    }

    /// The word-at-a-time test for JSON escapes agrees with the byte-by-byte one, wherever the
    /// byte is in the word.
    @Test func jsonEscapesFoundInEveryPosition() {
        for length in 0..<20 {
            for at in -1..<length {
                for special: UInt8 in [0x00, 0x0A, 0x1F, 0x22, 0x5C, 0x20, 0x21, 0x5B, 0x7F, 0xE2] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if at >= 0 { bytes[at] = special }
                    let expected = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
                    #expect(bytes.withUnsafeBufferPointer(ReportBytes.needsJSONEscape) == expected, "\(bytes)")
                }
            }
        }
    }

    @Test func exitStatusFollowsSeverity() throws {
        let seeds = try Self.seeds
        #expect(seeds.exitStatus(failOn: .error) == 1 && seeds.exitStatus(failOn: .info) == 1)
        let clean = Report(claims: try ReportSeedTests.input(.fixture).claims.filter { $0.category == "killed" }, rules: Support.rules)
        #expect(clean.findings.isEmpty && clean.exitStatus(failOn: .info) == 0)
        let undated = Report(claims: [CheckFixture.claim("a", "killed", 4, refersTo: nil)], rules: Support.rules)
        #expect(undated.exitStatus(failOn: .info) == 1 && undated.exitStatus(failOn: .warning) == 0)
        var broken = ReportInput(claims: [])
        broken.add(failure: "x", error: "cannot read the file")
        #expect(Report(input: broken, rules: Support.rules).exitStatus(failOn: .error) == 2)
    }

    /// RFC 4180 fields, enough for the report's CSV.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.append(c) }
        }
        return rows
    }
}
