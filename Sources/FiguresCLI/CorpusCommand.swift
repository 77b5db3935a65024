import ArgumentParser

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corpus", abstract: "Write a deterministic synthetic news corpus with known claims.")
    func run() throws { throw ValidationError("not built yet") }
}
