import FlyingFox
import FlyingSocks
import Foundation
import SchoolSite

/// `schoolsite preview`: serves the site from memory, as the build's own
/// renderer makes it, with every post (drafts, scheduled and expired ones
/// included) bannered with its state and its problems, and re-renders it when
/// a file under content/ or themes/, or site.yml, changes. It reads the site
/// and writes nothing.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        public var site: String
        public var address: ListenAddress
        /// The day posts are checked for; nil: today in the site's time zone, at each render.
        public var date: Day?
        /// How often the site's files are looked at for changes.
        public var pollInterval: Duration

        public init(site: String, address: ListenAddress, date: Day? = nil, pollInterval: Duration = .milliseconds(400)) {
            self.site = site
            self.address = address
            self.date = date
            self.pollInterval = pollInterval
        }
    }

    /// Where it listens, with the port the system picked when asked for port 0.
    public let address: ListenAddress
    private let http: HTTPServer
    private let store: PreviewStore
    private let serving: Task<Void, any Error>
    private let watching: Task<Void, Never>

    private init(address: ListenAddress, http: HTTPServer, store: PreviewStore, serving: Task<Void, any Error>, watching: Task<Void, Never>) {
        self.address = address
        self.http = http
        self.store = store
        self.serving = serving
        self.watching = watching
    }

    /// Renders the site and starts listening.
    /// - Throws: `.site` when site.yml, the register or the theme is broken;
    ///   `.portInUse` or `.cannotListen` when the address cannot be had.
    public static func start(_ options: Options) async throws(PreviewError) -> PreviewServer {
        let watcher = ChangeWatcher(directory: SiteDirectory(options.site))
        // Looked at before rendering, so a change saved meanwhile is not missed.
        let stamps = watcher.look()
        let store: PreviewStore
        do {
            store = PreviewStore(.site(try PreviewSite.render(at: options.site, on: options.date)))
        } catch {
            throw .site(error)
        }
        let handler = PreviewHandler(store: store, acceptsAnyHost: !options.address.isLoopback)
        let http = HTTPServer(address: options.address.socketAddress, timeout: 60, logger: .disabled, handler: handler)
        let serving = try await listen(http, at: options.address)
        var address = options.address
        switch await http.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): address = address.on(port: port)
        default: break
        }
        let watching = Task {
            await watch(watcher, from: stamps, options: options, store: store)
        }
        return PreviewServer(address: address, http: http, store: store, serving: serving, watching: watching)
    }

    /// Returns when the server stops: after `stop()`, or when it fails.
    public func waitUntilStopped() async throws {
        try await serving.value
    }

    /// Closes the open pages' event streams and stops listening.
    public func stop() async {
        watching.cancel()
        await store.closeAll()
        await http.stop(timeout: 1)
        serving.cancel()
    }

    private enum Startup: Sendable {
        case listening
        case failed(any Error)
    }

    /// Runs the server until it listens, or says why it cannot.
    private static func listen(_ http: HTTPServer, at address: ListenAddress) async throws(PreviewError) -> Task<Void, any Error> {
        let (startup, report) = AsyncStream.makeStream(of: Startup.self)
        let serving = Task {
            do {
                try await http.run()
            } catch {
                report.yield(.failed(error))
                throw error
            }
        }
        let waiting = Task {
            do {
                try await http.waitUntilListening(timeout: 10)
                report.yield(.listening)
            } catch {
                report.yield(.failed(error))
            }
        }
        var outcomes = startup.makeAsyncIterator()
        let outcome = await outcomes.next() ?? .failed(CancellationError())
        waiting.cancel()
        report.finish()
        guard case .failed(let error) = outcome else { return serving }
        serving.cancel()
        if case .failed(_, let code, let message) = error as? SocketError {
            throw code == EADDRINUSE ? .portInUse(address) : .cannotListen(address, reason: message)
        }
        throw .cannotListen(address, reason: "\(error)")
    }

    /// Re-renders the site whenever its files change, until cancelled.
    private static func watch(_ watcher: ChangeWatcher, from stamps: [String: ChangeWatcher.Stamp], options: Options, store: PreviewStore) async {
        var last = stamps
        var quiet = Duration.zero
        while !Task.isCancelled {
            try? await Task.sleep(for: options.pollInterval)
            let now = watcher.look()
            if now != last {
                last = now
                quiet = .zero
                let content: PreviewStore.Content
                do {
                    content = .site(try PreviewSite.render(at: options.site, on: options.date))
                } catch {
                    content = .failed(error)
                }
                await store.replace(with: content)
            } else {
                quiet += options.pollInterval
                if quiet >= .seconds(15) {
                    quiet = .zero
                    await store.keepAlive()
                }
            }
        }
    }
}
