import Foundation
import Testing
@testable import Figures

/// `figures report`, run as a newsroom's CI would: its exit status and outputs.
struct ReportCommandTests {
    /// The `figures` executable built next to the test bundle.
    static func executable() throws -> String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent()] {
            let path = dir.appendingPathComponent("figures").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        let fallback = Support.path(".build/debug/figures")
        try #require(FileManager.default.isExecutableFile(atPath: fallback), "the figures executable is not built")
        return fallback
    }

    /// Runs `figures` with `arguments` in the package root; returns its status and outputs.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Support.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    static let claims = "Fixtures/report/seed-claims.jsonl"
    static let manifest = "seeds/manifest.json"

    @Test func findingsAtOrAboveFailOnExitOne() throws {
        let result = try Self.run(["report", "--claims", Self.claims, "--manifest", Self.manifest, "--fail-on", "error"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("# Figures report"))
        #expect(result.stderr.contains("2 failed"))
    }

    @Test func noFailingCheckExitsZero() throws {
        // Only the killed claims of the seeds: every check passes.
        let lines = try String(contentsOfFile: Support.path(Self.claims), encoding: .utf8).split(separator: "\n")
            .filter { $0.contains("\"category\": \"killed\"") || !$0.contains("\"category\"") }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figures-killed-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Self.run(["report", "--claims", path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["findings"] as? [Any])?.isEmpty == true)
    }

    /// A report of several megabytes written to a file (a megabyte at a time without the page
    /// cache, the rest as usual) is the report written to a pipe, byte for byte, and a
    /// descriptor shared with what follows is left at the report's end.
    @Test func reportWrittenToAFileIsTheReportWrittenToAPipe() throws {
        let lines = try String(contentsOfFile: Support.path(Self.claims), encoding: .utf8).split(separator: "\n")
        var copies: [String] = []
        for n in 0..<300 {
            for line in lines {
                copies.append(line.replacingOccurrences(of: "\"article\": \"", with: "\"article\": \"c\(n)-")
                    .replacingOccurrences(of: "\"id\": \"", with: "\"id\": \"c\(n)-"))
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figures-direct-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let claims = folder.appendingPathComponent("claims.jsonl").path, output = folder.appendingPathComponent("report.json").path
        try (copies.joined(separator: "\n") + "\n").write(toFile: claims, atomically: true, encoding: .utf8)
        let piped = try Self.run(["report", "--claims", claims, "--format", "json"])
        #expect(piped.stdout.utf8.count > 3 << 20, "\(piped.stdout.utf8.count) bytes")
        _ = try Self.run(["report", "--claims", claims, "--format", "json", "--output", output])
        #expect(try String(contentsOfFile: output, encoding: .utf8) == piped.stdout)
        // Through a shell: standard output is the file, shared with a command after the report.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "{ \"$0\" report --claims \"$1\" --format json 2>/dev/null; echo end; } > \"$2\"", try Self.executable(), claims, output]
        try shell.run()
        shell.waitUntilExit()
        #expect(try String(contentsOfFile: output, encoding: .utf8) == piped.stdout + "end\n")
    }

    @Test func errorsExitTwo() throws {
        #expect(try Self.run(["report", "--claims", "no/such/file.jsonl"]).status == 2)
        #expect(try Self.run(["report", "--claims", Self.claims, "--format", "pdf"]).status == 2)
        #expect(try Self.run(["report", "--claims", Self.claims, "--fail-on", "panic"]).status == 2)
        #expect(try Self.run(["report"]).status == 2)
        // A missing article is listed in the report with its error, and the status is 2.
        let result = try Self.run(["report", "--format", "json", "seeds/000_4a6e32533eaab717.txt", "seeds/missing.txt"])
        #expect(result.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.contains { $0["article"] as? String == "missing" && ($0["error"] as? String)?.contains("no such file") == true })
    }

    /// `extract` over JSON Lines with bad lines: each is named once by file and line, with what
    /// is wrong and where in the line; the good lines still give their claims; the status is 2.
    @Test func extractNamesEachBadLineOnce() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figures-bad-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "{\"id\": \"a\", \"text\": \"Twelve people were killed.\"}\n{bad json\n{\"id\": \"b\"}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Self.run(["extract", "--input-format", "jsonl", path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("\"article\":\"a\""))
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let file = (path as NSString).lastPathComponent
        #expect(lines.contains("figures extract: \(path):2: not a JSON object: Invalid value around character 1."), "\(lines)")
        #expect(lines.contains("figures extract: b: \(path):3: the object has no string field 'text'"), "\(lines)")
        #expect(!result.stderr.contains("\(file):2: \(path):2"))
        #expect(lines.last == "figures extract: 3 articles read, 1 with claims, 0 without, 2 failed")
    }

    /// Extracting and reporting in one go equals extracting, then reporting from the claims.
    @Test func extractingInOneGoEqualsReportingFromClaims() throws {
        let oneGo = try Self.run(["report", "--manifest", Self.manifest, "--format", "json", "seeds"])
        #expect(oneGo.status == 1)
        let extracted = try Self.run(["extract", "--manifest", Self.manifest, "seeds"])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figures-seeds-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try extracted.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        // The manifest lists the articles without claims (extract writes claims only).
        let fromClaims = try Self.run(["report", "--claims", path, "--manifest", Self.manifest, "--format", "json"])
        #expect(fromClaims.status == 1)
        #expect(fromClaims.stdout == oneGo.stdout)
    }

    @Test(arguments: ["md", "json", "csv", "html"])
    func writesEachFormatToAFile(_ format: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figures-report-\(UUID().uuidString).\(format)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.run(["report", "--claims", Self.claims, "--manifest", Self.manifest, "--format", format, "--output", path])
        #expect(result.status == 1 && result.stdout.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let report = try ReportSeedTests.report(.fixture)
        let expected = ["md": report.markdown(), "json": report.json(), "csv": report.csv(), "html": report.html()][format]!
        #expect(written == expected)
    }
}
