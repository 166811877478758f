import Foundation
import SchoolSite

/// What the preview serves right now, and the open pages waiting for the next render.
actor PreviewStore {
    enum Content: Sendable {
        case site(PreviewSite)
        /// site.yml, the register or the theme cannot be loaded.
        case failed(SiteError)
    }

    private(set) var content: Content
    private var renders = 0
    /// Tells this run's renders from a previous run's, so a page reloads after a restart.
    private let run = String(UInt32.random(in: .min ... .max), radix: 16)
    private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]

    init(_ content: Content) {
        self.content = content
    }

    /// Names the current render; a page shown from another one reloads.
    var generation: String { "\(run)-\(renders)" }

    func current() -> (Content, generation: String) {
        (content, generation)
    }

    /// Serves `content` from now on and tells every open page.
    func replace(with content: Content) {
        self.content = content
        renders += 1
        send(LiveReload.event(generation))
    }

    /// A stream of events for one open page, starting with the current generation.
    func listen() -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        continuation.yield(LiveReload.event(generation))
        listeners[id] = continuation
        return stream
    }

    func keepAlive() {
        send(LiveReload.keepAlive)
    }

    /// Ends every event stream, so the server can stop.
    func closeAll() {
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    private func send(_ data: Data) {
        for (id, continuation) in listeners {
            if case .terminated = continuation.yield(data) { listeners[id] = nil }
        }
    }

    private func forget(_ id: UUID) {
        listeners[id] = nil
    }
}
