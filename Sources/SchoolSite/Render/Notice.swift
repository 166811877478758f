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

    var context: ThemeValues {
        [
            "kind": ThemeText(kind),
            "text": ThemeText(text),
            "has_problems": !problems.isEmpty,
            "problems": problems.map { problem -> ThemeValues in
                ["rule": ThemeText(problem.rule), "line": problem.location.line, "column": problem.location.column, "message": ThemeText(problem.message)]
            },
        ]
    }
}
