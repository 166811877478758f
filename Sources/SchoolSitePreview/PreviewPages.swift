import SchoolSite

/// The preview's own pages: the index of every post at `/_preview/`, and the
/// page shown everywhere while site.yml, the register or the theme is broken.
enum PreviewPages {
    static let indexPath = "/_preview/"
    static let stylesheetPath = "/_preview/preview.css"

    /// Laid over the theme's own stylesheet; a file, as the pages' policy allows no inline style.
    static let stylesheet = """
    .preview-page { max-width: 64rem; }
    .preview-index { width: 100%; border-collapse: collapse; }
    .preview-index th, .preview-index td {
      padding: 0.625rem 1rem 0.625rem 0;
      border-bottom: 1px solid #9aa3ad;
      text-align: left;
      vertical-align: top;
    }
    .preview-index thead th { border-bottom-width: 2px; }
    .preview-index .slug { display: block; font-size: 0.875rem; color: #4b5563; }
    .preview-index .refused { color: #7f1d1d; font-weight: 700; }
    .preview-index .problems { margin: 0.5rem 0 0; font-weight: 400; }

    """

    /// Every post folder with its state and problem count, newest first; posts
    /// that have no page (their front matter cannot be read) show their problems here.
    static func index(of site: PreviewSite) -> String {
        let rows = site.entries.map(row).joined()
        let body = """
        <h1>Preview: every post</h1>
        <p>Checked as of \(MarkupEscaping.escape(site.date.longDisplay)). Drafts, scheduled and expired posts are shown \
        here and on <a href="/">the news page</a>; only approved posts that pass every check are ever built. \
        Pages reload when you save a change.</p>
        <table class="preview-index">
        <thead><tr><th scope="col">Post</th><th scope="col">Date</th><th scope="col">State</th><th scope="col">Problems</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        \(site.entries.isEmpty ? "<p>There are no post folders under content/posts yet.</p>" : "")
        """
        return document(title: "Preview: every post – \(site.config.title)", language: site.config.language, body: body)
    }

    /// Shown for every page while the site cannot be loaded; it reloads once the files are fixed.
    static func failure(_ error: SiteError) -> String {
        let body = """
        <h1>The site cannot be previewed</h1>
        <p>Fix these problems and save; this page reloads by itself.</p>
        \(problemList(error.diagnostics))
        """
        return document(title: "The site cannot be previewed", language: "en-GB", body: body)
    }

    private static func row(_ entry: PreviewSite.Entry) -> String {
        let evaluated = entry.evaluated
        let title = MarkupEscaping.escape(entry.title)
        let link = entry.hasPage ? "<a href=\"/\(MarkupEscaping.escape(entry.slug))/\">\(title)</a>" : title
        let date = evaluated.post.frontMatter.map { "<time datetime=\"\($0.date)\">\($0.date.longDisplay)</time>" } ?? ""
        let errors = PostBanner.errorCount(of: evaluated)
        let warnings = evaluated.diagnostics.count - errors
        var problems = errors == 0 ? "none" : "Would be refused: \(PostBanner.problems(errors))"
        if warnings > 0 { problems += " (\(warnings) warning\(warnings == 1 ? "" : "s"))" }
        let details = entry.hasPage ? "" : problemList(evaluated.diagnostics.sorted())
        return """
        <tr><td>\(link) <code class="slug">\(MarkupEscaping.escape(entry.slug))</code></td><td>\(date)</td>\
        <td>\(MarkupEscaping.escape(PostBanner.stateText(of: evaluated)))</td><td\(errors > 0 ? " class=\"refused\"" : "")>\(problems)\(details)</td></tr>

        """
    }

    private static func problemList(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let items = diagnostics.map { diagnostic in
            "<li><code>\(MarkupEscaping.escape(diagnostic.rule))</code> <span class=\"problem-where\">\(MarkupEscaping.escape(diagnostic.location.description))</span> "
                + "<span class=\"problem-message\">\(MarkupEscaping.escape(diagnostic.message))</span></li>"
        }
        return "<ul class=\"problems\">\n\(items.joined(separator: "\n"))\n</ul>"
    }

    private static func document(title: String, language: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(MarkupEscaping.escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(MarkupEscaping.escape(title))</title>
        <link rel="stylesheet" href="/assets/style.css">
        <link rel="stylesheet" href="\(stylesheetPath)">
        </head>
        <body>
        <main id="main" class="wrap preview-page">
        \(body)
        </main>
        </body>
        </html>

        """
    }
}
