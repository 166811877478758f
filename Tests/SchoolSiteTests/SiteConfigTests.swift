import Foundation
import Testing
@testable import SchoolSite

@Suite struct SiteConfigTests {
    func failure(_ siteYAML: String) throws -> [String] {
        try problems(of: TestSite(["site.yml": siteYAML]))
    }

    func problems(of site: TestSite) throws -> [String] {
        do {
            _ = try site.load()
            return []
        } catch let error as SiteError {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func sampleLikeSiteLoads() throws {
        let config = try TestSite().load().config
        #expect(config.baseURL == "https://www.example.sch.uk/news/")
        #expect(config.timeZone.identifier == "Europe/London")
        #expect(config.policy.pupilFullNames == .forbid)
    }

    @Test func unknownKeyIsRefusedWithItsLine() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "theme: school\n", with: "theme: school\ntheem: other\n")
        #expect(try failure(yaml) == ["site.yml:7:1: error[config.unknown-key] unknown key `theem` (did you mean `theme`?); allowed keys: title, school, base_url, language, timezone, theme, posts_per_page, register, approvers, policy"])
    }

    @Test func unknownPolicyKeyIsRefused() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "  pupil_full_names: forbid", with: "  pupil_full_names: forbid\n  check_names: false")
        #expect(try failure(yaml).first?.hasPrefix("site.yml:15:3: error[config.unknown-key] unknown key `check_names`") == true)
    }

    @Test func badValues() throws {
        let yaml = TestSite.siteYAML
            .replacingOccurrences(of: "base_url: https://www.example.sch.uk/news/", with: "base_url: www.example.sch.uk/news")
            .replacingOccurrences(of: "Europe/London", with: "Europe/Londn")
            .replacingOccurrences(of: "posts_per_page: 2", with: "posts_per_page: many")
            .replacingOccurrences(of: "title: Test School News", with: "title: ~")
        let problems = try failure(yaml)
        #expect(problems.count == 4)
        #expect(problems.allSatisfy { $0.hasPrefix("site.yml:") && $0.contains("error[config.invalid]") })
    }

    @Test func repeatedCategoryIsReportedWhereItIsRepeated() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "update, reminder]", with: "update, reminder, reminder]")
        #expect(try failure(yaml) == ["site.yml:13:60: error[config.invalid] category `reminder` is listed again (first at line 13, column 50); list each category once"])
    }

    @Test func categoryTooLongForAFolderNameIsRefused() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "update, reminder]", with: "update, \(String(repeating: "a", count: 256))]")
        #expect(try failure(yaml) == ["site.yml:13:50: error[config.invalid] category `aaaaaaaaaaaaaaaaaaaa…` is 256 characters long; it names a folder, category/NAME/, so it can be at most 255"])
    }

    @Test func aPublicKeyCutShortIsRefusedAtItsLine() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: TestSite.placeholderKey, with: "ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        #expect(try failure(yaml) == ["site.yml:11:5: error[config.invalid] `public_key` is not a whole Ed25519 public key: after `ed25519:` come the 44 characters that `schoolsite keygen` printed, ending in `=`; copy them again, all of them"])
    }

    @Test func approverListedTwiceIsRefused() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "policy:", with: "  - name: Sam Taylor\n    public_key: ed25519:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\npolicy:")
        #expect(try failure(yaml) == ["site.yml:12:5: error[config.invalid] the approver `Sam Taylor` is listed again (first on line 10); keep one entry per person, with their current public_key"])
    }

    @Test func anApproverListedAgainInOtherCaseOrSpacingIsRefused() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "policy:", with: "  - name: \"sam  TAYLOR \"\n    public_key: ed25519:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\npolicy:")
        #expect(try failure(yaml) == ["site.yml:12:5: error[config.invalid] the approver `sam  TAYLOR` is listed again (first on line 10); keep one entry per person, with their current public_key"])
    }

    /// `…AQF=` is another spelling of the bytes of `…AQE=`: the last character's two lowest bits are padding.
    @Test func oneKeyForTwoApproversInAnotherSpellingIsRefused() throws {
        let key = "ed25519:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="
        let respelled = String(key.dropLast(2)) + "F="
        #expect(Data(base64Encoded: String(key.dropFirst(8))) == Data(base64Encoded: String(respelled.dropFirst(8))))
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "policy:", with: "  - name: Alex Morgan\n    public_key: \(key)\n  - name: Jo Bloggs\n    public_key: \(respelled)\npolicy:")
        #expect(try failure(yaml) == ["site.yml:15:5: error[config.invalid] this public_key is given to another approver too (line 13); each approver signs with a key of their own"])
    }

    @Test func oneKeyForTwoApproversIsRefused() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "policy:", with: "  - name: Alex Morgan\n    public_key: \(TestSite.placeholderKey)\npolicy:")
        #expect(try failure(yaml) == ["site.yml:13:5: error[config.invalid] this public_key is given to another approver too (line 11); each approver signs with a key of their own"])
    }

    /// The register is never published, so it must not be where a build publishes from or to,
    /// by name or through a linked folder.
    @Test(arguments: ["themes/school/static/register.csv", "content/../themes/school/static/register.csv", "content/linked/register.csv"])
    func registerInsideTheThemesIsRefused(_ path: String) throws {
        let site = try TestSite([
            "site.yml": TestSite.siteYAML.replacingOccurrences(of: "register: content/register.csv", with: "register: \(path)"),
            "themes/school/static/register.csv": TestSite.register,
        ])
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/linked").path,
                                                   withDestinationPath: site.root.appendingPathComponent("themes/school/static").path)
        #expect(try problems(of: site) == ["site.yml:8:1: error[config.invalid] `register` must not point inside themes/: a theme's files are published with the site, and the consent register never is; keep it at content/register.csv"])
    }

    /// Cut at the NUL, the path the build opens would be a theme's file.
    @Test func aRegisterPathWithANULIsRefused() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "register: content/register.csv",
                                                          with: "register: \"themes/school/static/register.csv\\0/../../../../content/register.csv\"")
        #expect(try failure(yaml) == ["site.yml:8:1: error[config.invalid] `register` holds a NUL character (`\\0`), which no file name can: the system would read the path only up to it. Write the path without it, e.g. content/register.csv"])
    }

    @Test func registerInsideTheOutputFolderIsRefused() throws {
        let site = try TestSite([
            "site.yml": TestSite.siteYAML.replacingOccurrences(of: "register: content/register.csv", with: "register: output/register.csv"),
            "output/register.csv": TestSite.register,
        ])
        let output = site.root.appendingPathComponent("output").resolvingSymlinksInPath().path
        #expect(try problems(of: site) == ["site.yml:8:1: error[config.invalid] `register` must not point inside the output folder \(output): that folder is published, and replaced by every build; keep the consent register at content/register.csv"])
    }

    @Test func missingThemeIsReported() throws {
        let yaml = TestSite.siteYAML.replacingOccurrences(of: "theme: school", with: "theme: gone")
        #expect(try failure(yaml).first?.hasPrefix("site.yml:6:1: error[theme.missing] theme `gone` not found") == true)
    }

    @Test func aRegisterOutsideTheSiteIsRefusedAsSuch() throws {
        let outside = try TestSite()
        let absolute = outside.root.appendingPathComponent("content/register.csv").path
        let upAndOver = "../\(outside.root.lastPathComponent)/content/register.csv"
        for path in [absolute, upAndOver] {
            let yaml = TestSite.siteYAML.replacingOccurrences(of: "register: content/register.csv", with: "register: \(path)")
            let problems = try failure(yaml)
            #expect(problems == [
                "site.yml:8:1: error[config.invalid] `register` must be a path inside the site folder, written from there, e.g. content/register.csv; found `\(path)`, which leads outside it. Move the consent register into the site folder and give its path from there",
            ])
        }
    }

    @Test func brokenTemplateNamesFileAndLine() throws {
        let site = try TestSite(["themes/school/templates/post.mustache": "<h1>\n<p>{{/post}}\n"])
        do {
            _ = try site.load()
            Issue.record("a broken template must stop the build")
        } catch let error as SiteError {
            #expect(error.diagnostics.first?.location.file == "themes/school/templates/post.mustache")
            #expect(error.diagnostics.first?.location.line == 2)
            #expect(error.diagnostics.first?.rule == "theme.template")
        }
    }
}
