import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Check claims against each other and report discrepancies.")
    func run() throws { throw ValidationError("not built yet") }
}
