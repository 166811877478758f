import Foundation

/// Reloading open pages on save: a tiny script in each served HTML page listens
/// to the preview's Server-Sent Events and reloads once the site was re-rendered.
/// Pages work the same without it.
enum LiveReload {
    static let eventsPath = "/_preview/events"

    /// `html` with the script before its last `</body>`, or at the end.
    /// - Parameters:
    ///   - generation: the render the page comes from; another one means reload.
    ///   - nonce: the `Content-Security-Policy` nonce that lets this one script run.
    static func inject(into html: String, generation: String, nonce: String) -> String {
        let script = """
        <script nonce="\(nonce)">
        (function () {
          if (!window.EventSource) return;
          var shown = "\(generation)";
          var events = new EventSource("\(eventsPath)");
          events.onmessage = function (event) {
            if (event.data !== shown) { events.close(); location.reload(); }
          };
        }());
        </script>

        """
        guard let end = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + script }
        var result = html
        result.insert(contentsOf: script, at: end.lowerBound)
        return result
    }

    /// One event naming the current render; `retry` asks the browser to reconnect
    /// after a second when the preview is restarted.
    static func event(_ generation: String) -> Data {
        Data("retry: 1000\ndata: \(generation)\n\n".utf8)
    }

    /// A comment line: keeps the connection open through idle periods and lets
    /// the server notice a closed page.
    static let keepAlive = Data(": keep-alive\n\n".utf8)
}
