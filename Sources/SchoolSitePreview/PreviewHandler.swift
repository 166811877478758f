import FlyingFox
import Foundation
import SchoolSite

/// Answers every request: files of the rendered site, the preview's index and
/// its event stream, and 404 for anything else.
struct PreviewHandler: HTTPHandler {
    let store: PreviewStore
    /// False on loopback: only requests addressed to this computer by name are
    /// answered, so a web page cannot reach the preview by pointing its own
    /// domain name at 127.0.0.1 (DNS rebinding).
    let acceptsAnyHost: Bool

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text("Only GET and HEAD are supported.", status: .methodNotAllowed, allow: "GET, HEAD")
        }
        guard acceptsAnyHost || Self.isLocal(host: request.headers[.host]) else {
            return Self.text("The preview answers only to 127.0.0.1, localhost or [::1].", status: .forbidden)
        }
        guard let path = RequestPath.decode(request.target.path()) else { return Self.notFound }
        if path == LiveReload.eventsPath {
            return request.method == .HEAD ? Self.eventStreamResponse(body: HTTPBodySequence(data: Data())) : await events()
        }
        let response = await respond(to: path)
        return request.method == .HEAD ? Self.withoutBody(response) : response
    }

    private func respond(to path: String) async -> HTTPResponse {
        if path == PreviewPages.stylesheetPath {
            return Self.file(Data(PreviewPages.stylesheet.utf8), type: ContentType.of(path))
        }
        switch await store.current() {
        case (.failed(let error), let generation):
            return Self.page(PreviewPages.failure(error), status: .internalServerError, generation: generation)
        case (.site(let site), let generation):
            return respond(to: path, in: site, generation: generation)
        }
    }

    private func respond(to path: String, in site: PreviewSite, generation: String) -> HTTPResponse {
        if path == PreviewPages.indexPath {
            return Self.page(PreviewPages.index(of: site), status: .ok, generation: generation)
        }
        let filePath = RequestPath.filePath(for: path)
        guard let file = site.file(at: filePath) else {
            // `/slug` → `/slug/`, so the page's relative links work.
            if !path.hasSuffix("/"), path + "/" == PreviewPages.indexPath || site.file(at: filePath + "/index.html") != nil {
                let headers: HTTPHeaders = [.location: path + "/", .cacheControl: "no-store"]
                return HTTPResponse(statusCode: .movedPermanently, headers: headers)
            }
            return Self.notFound
        }
        let data: Data
        do {
            data = try site.data(of: file)
        } catch {
            // Removed since the last render; the next one will not list it.
            return Self.notFound
        }
        let type = ContentType.of(filePath)
        guard type == ContentType.html else { return Self.file(data, type: type) }
        return Self.page(String(decoding: data, as: UTF8.self), status: .ok, generation: generation)
    }

    private func events() async -> HTTPResponse {
        Self.eventStreamResponse(body: HTTPBodySequence(from: EventStreamBody(chunks: await store.listen())))
    }

    // MARK: Responses

    static let notFound = text("Not found. The preview serves only the rendered site; every post is listed at \(PreviewPages.indexPath)", status: .notFound)

    private static func headers(_ type: String) -> HTTPHeaders {
        [.contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff", HTTPHeader("Referrer-Policy"): "no-referrer"]
    }

    /// An HTML page with the reload script, which the page's policy lets run and nothing else.
    static func page(_ html: String, status: HTTPStatusCode, generation: String) -> HTTPResponse {
        let nonce = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        var headers = headers(ContentType.html)
        headers[HTTPHeader("Content-Security-Policy")] =
            "default-src 'self'; script-src 'nonce-\(nonce)'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        return HTTPResponse(statusCode: status, headers: headers, body: Data(LiveReload.inject(into: html, generation: generation, nonce: nonce).utf8))
    }

    private static func file(_ data: Data, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: headers(type), body: data)
    }

    private static func text(_ message: String, status: HTTPStatusCode, allow: String? = nil) -> HTTPResponse {
        var headers = headers("text/plain; charset=utf-8")
        headers[HTTPHeader("Allow")] = allow
        return HTTPResponse(statusCode: status, headers: headers, body: Data((message + "\n").utf8))
    }

    private static func eventStreamResponse(body: HTTPBodySequence) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: headers("text/event-stream"), body: body)
    }

    private static func withoutBody(_ response: HTTPResponse) -> HTTPResponse {
        var headers = response.headers
        if case .httpBody(let body) = response.payload, let count = body.count { headers[.contentLength] = String(count) }
        return HTTPResponse(statusCode: response.statusCode, headers: headers, body: Data())
    }

    /// `127.0.0.1:8000`, `localhost:8000`, `[::1]:8000`, with or without the port; a request
    /// without a Host header comes from no browser and is let through.
    static func isLocal(host header: String?) -> Bool {
        guard let header = header?.lowercased() else { return true }
        var name = Substring(header)
        if name.hasPrefix("[") {
            name = name.dropFirst().prefix { $0 != "]" }
        } else if let colon = name.lastIndex(of: ":") {
            name = name[..<colon]
        }
        return name == "localhost" || name == "::1" || (name.hasPrefix("127.") && name.allSatisfy { $0.isNumber || $0 == "." })
    }
}
