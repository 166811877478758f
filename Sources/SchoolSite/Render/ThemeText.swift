import Mustache

/// A text value as templates receive it. swift-mustache renders a plain String
/// only after asking the runtime whether it conforms to several protocols it
/// might (custom renderable, optional, streamable), each question about a
/// quarter of a microsecond here; a value that is `MustacheCustomRenderable`
/// answers at the first, and a 10,000-post build renders millions of values.
/// It renders exactly as its String, and takes the same transforms.
struct ThemeText: MustacheCustomRenderable, MustacheTransformable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    var renderText: String { text }
    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        text.transform(name)
    }
}
