import Foundation

/// Everything of a post that reaches the page as text, cut into segments:
/// title, summary, cover and slug, and from the body every paragraph and heading
/// (across its formatting), code and its fence's info string, link text and
/// addresses, image alt text, addresses and titles. The author byline is not
/// scanned (SPEC §6).
enum ScanSegments {
    static let folderName = "folder name"

    static func of(_ post: Post, _ front: FrontMatter) -> [ScanSegment] {
        var segments: [ScanSegment] = []
        for (place, value) in [("title", front.title), ("summary", front.summary), ("cover", front.cover)] {
            guard let value else { continue }
            segments.append(FrontMatterTextSegment.segment(place: place, text: HTMLEntities.decode(value.value),
                                                           at: value.location, in: post.sourceData))
        }
        segments.append(ScanSegment(place: folderName, text: post.slug, line: 1, column: 1))
        return segments + (post.markdown?.segments ?? [])
    }
}
