import Dispatch
import Synchronization

/// Renders the pages of a build's published posts one after another on a
/// thread of its own, each as soon as its post is checked, while the other
/// cores go on checking the rest; `SiteRenderer` then takes them as they are.
///
/// One thread, not every core: swift-mustache asks the Swift runtime several
/// protocol questions per value, and the runtime's shared conformance cache
/// makes two threads asking at once slower each. Checking a post asks few such
/// questions, so the two kinds of work share the cores well. (A 10,000-post
/// build spent 30 % more CPU on its pages when they were rendered on two cores
/// at once.)
final class PostPageQueue: Sendable {
    private let renderer: SiteRenderer
    private let context: PageContext
    private let queue = DispatchQueue(label: "schoolsite.post-pages")
    private let state = Mutex(State())

    private struct State {
        var pages: [String: [OutputFile]] = [:]
        /// Set when the pages will not be needed: the rest of the queue is skipped.
        var isCancelled = false
    }

    init(renderer: SiteRenderer) {
        self.renderer = renderer
        context = PageContext(config: renderer.site.config)
    }

    /// Queues the rendering of `post`'s page and images; returns at once.
    func add(_ post: Post) {
        queue.async { [self] in
            guard !state.withLock(\.isCancelled) else { return }
            let files = renderer.postFiles(post, notice: nil, context: context)
            state.withLock { $0.pages[post.slug] = files }
        }
    }

    /// The files of every post added, by slug, once all are rendered.
    func pages() -> [String: [OutputFile]] {
        queue.sync {}
        return state.withLock(\.pages)
    }

    /// Drops what is still queued (the build refuses, and shows no page).
    func cancel() {
        state.withLock { $0.isCancelled = true }
    }
}
