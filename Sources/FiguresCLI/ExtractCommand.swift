import ArgumentParser

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Print the claims in the input as JSON Lines.")
    func run() throws { throw ValidationError("not built yet") }
}
