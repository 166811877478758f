import Foundation

/// `post.raw-html`: raw HTML in the Markdown is refused, because the renderer
/// drops it silently and the page would not say what the author wrote.
struct RawHTMLRule: BodyRule {
    func check(_ post: Post, in context: PolicyContext) -> [Diagnostic] {
        (post.markdown?.rawHTML ?? []).map { node in
            let snippet = node.literal.trimmingCharacters(in: .whitespacesAndNewlines).prefix(40)
            return .error("post.raw-html", at: post.location(of: node),
                          "raw HTML `\(snippet)` is not allowed; write it in Markdown (e.g. **bold**, [link](https://…), ![alt](photo.jpg))")
        }
    }
}
