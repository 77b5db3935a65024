import Testing
@testable import Figures
@Test func version() { #expect(!FiguresVersion.string.isEmpty) }
