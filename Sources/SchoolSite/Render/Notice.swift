/// A banner the preview shows on a post: its state and its policy problems.
public struct Notice: Sendable {
    public var kind: String
    public var text: String
    public var problems: [Diagnostic]

    public init(kind: String, text: String, problems: [Diagnostic]) {
        self.kind = kind
        self.text = text
        self.problems = problems
    }

    var context: [String: Any] {
        [
            "kind": ThemeText(kind),
            "text": ThemeText(text),
            "has_problems": !problems.isEmpty,
            "problems": problems.map { ["rule": ThemeText($0.rule), "line": $0.location.line, "column": $0.location.column, "message": ThemeText($0.message)] },
        ]
    }
}
