import Foundation
@testable import SchoolSite

/// Checks one post (drafts too) as `schoolsite check` would, on `date`.
func diagnostics(forPost indexMD: String, slug: String = "2024-06-14-post", date: String = "2024-09-02",
                 files: [String: String] = [:], binary: [String: Data] = [:], approved: Bool = false) throws -> [Diagnostic] {
    var all = files
    all.merge(TestSite.post(slug, indexMD, approved: approved)) { _, new in new }
    let site = try TestSite(all, binary: binary)
    let evaluation = Evaluation.evaluate(try site.load(), on: Day(iso: date)!, for: .review)
    return evaluation.diagnostics
}

extension Array where Element == Diagnostic {
    func with(rule: String) -> [Diagnostic] { filter { $0.rule == rule } }

    /// "line:column" of each diagnostic with `rule`, for compact assertions.
    func positions(of rule: String) -> [String] {
        with(rule: rule).map { "\($0.location.line):\($0.location.column)" }
    }
}

func position(_ point: (line: Int, column: Int)) -> String { "\(point.line):\(point.column)" }
