/// How serious a finding is: errors stop a build, warnings do not.
public enum Severity: String, Sendable, Codable {
    case error
    case warning
}

/// One finding about a site file, printed as SPEC §6 shows:
/// `content/posts/x/index.md:12:5: error[consent.photo] message`.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var rule: String
    public var message: String

    public init(_ severity: Severity, _ rule: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.message = message
    }

    public static func error(_ rule: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, rule, at: location, message)
    }

    public var description: String {
        "\(location): \(severity.rawValue)[\(rule)] \(message)"
    }

    /// The same finding reported as a warning (used for scheduled posts).
    public var asWarning: Diagnostic {
        var copy = self
        copy.severity = .warning
        return copy
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.message < rhs.message
    }
}

extension Diagnostic: Codable {
    private enum CodingKeys: String, CodingKey {
        case file, line, column, severity, rule, message
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(Severity.self, forKey: .severity),
            try container.decode(String.self, forKey: .rule),
            at: SourceLocation(
                file: try container.decode(String.self, forKey: .file),
                line: try container.decode(Int.self, forKey: .line),
                column: try container.decode(Int.self, forKey: .column)),
            try container.decode(String.self, forKey: .message))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location.file, forKey: .file)
        try container.encode(location.line, forKey: .line)
        try container.encode(location.column, forKey: .column)
        try container.encode(severity, forKey: .severity)
        try container.encode(rule, forKey: .rule)
        try container.encode(message, forKey: .message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
