import Foundation

/// An image the post shows: in its Markdown body or as its `cover`.
public struct ImageReference: Sendable, Hashable {
    /// As written: normally a plain file name inside the post folder.
    public var name: String
    public var alt: String
    public var location: SourceLocation
    public var isCover: Bool

    /// The name with percent-escapes decoded (`my%20photo.jpg` → `my photo.jpg`).
    /// Foundation is asked only when there is a `%`: the policy asks for every image several times.
    public var fileName: String {
        name.utf8.contains(UInt8(ascii: "%")) ? name.removingPercentEncoding ?? name : name
    }
}

/// One post folder, as read from disk.
public struct Post: Sendable {
    public var slug: String
    /// Site-relative folder, e.g. `content/posts/2024-06-14-sports-day`.
    public var folder: String
    /// Site-relative path of `index.md`.
    public var sourceFile: String { folder + "/index.md" }
    public var approvalFile: String { folder + "/approval.json" }
    /// A folder without `approval.json`.
    public var isDraft: Bool
    /// The bytes of `index.md` as on disk: what an approval covers. Not `Data`:
    /// that is a resilient type, and one stored here made every copy of a post
    /// go through the runtime's value witnesses.
    public var sourceData: [UInt8]?
    /// The text of `approval.json`; nil for drafts and when it cannot be read.
    public var approvalText: String?
    public var frontMatter: FrontMatter?
    public var markdown: RenderedMarkdown?
    /// Problems found while reading the post (file, front matter).
    public var loadDiagnostics: [Diagnostic]
    /// The images it shows, by `ImageFile.key` of their `fileName`, looked up as it was read.
    var imageFiles: [[UInt8]: ImageFile] = [:]

    /// Every image the post shows: body images in order, then the cover.
    public var shownImages: [ImageReference] {
        var images = (markdown?.images ?? []).map { node in
            ImageReference(name: node.url, alt: node.plainText, location: location(of: node), isCover: false)
        }
        if let cover = frontMatter?.cover {
            images.append(ImageReference(name: cover.value, alt: "", location: cover.location, isCover: true))
        }
        return images
    }
}

extension Post {
    /// A post known by its folder name only, none of its files opened.
    init(unread slug: String, isDraft: Bool) {
        self.init(slug: slug, folder: PostLoader.folder(of: slug), isDraft: isDraft, sourceData: nil, approvalText: nil,
                  frontMatter: nil, markdown: nil, loadDiagnostics: [])
    }

    /// Drops what only checking reads (the body's text segments, links and raw
    /// HTML, the bytes of `index.md`, the approval), keeping what rendering needs:
    /// a build holds every post from its check until the site is written.
    mutating func keepOnlyWhatRenders() {
        sourceData = nil
        approvalText = nil
        markdown?.segments = []
        markdown?.links = []
        markdown?.rawHTML = []
    }

    /// Drops the Markdown too, keeping the front matter and the images (the
    /// listing still has its cover's alt text): `check` and `status` hold every
    /// post until the report is made, and report only findings. Their posts are
    /// loaded without HTML, so there is none to drop.
    mutating func keepOnlyFindings() {
        keepOnlyWhatRenders()
        markdown?.body = ""
    }

    /// The cover's alt text: what the body says of the same image, else empty (decorative).
    public var coverAlt: String {
        guard let cover = frontMatter?.cover?.value else { return "" }
        return shownImages.first { !$0.isCover && $0.fileName == cover }?.alt ?? ""
    }

    /// Where a node of this post's Markdown is, in `index.md`.
    public func location(of node: MarkdownNode) -> SourceLocation {
        SourceLocation(file: sourceFile, line: node.line, column: node.column)
    }
}
