import Mustache

/// The values a template, or a section of it, sees by name.
///
/// A struct rather than `[String: Any]`: for every name a template looks up,
/// swift-mustache asks the runtime whether each holder on its stack is a
/// `MustacheParent` (after asking whether it has a custom representation).
/// Dictionary's conformance is conditional (`where Key == String`), and
/// those questions cost about half as much again for it as for a struct
/// that conforms outright. It renders and transforms as the dictionary would.
///
/// Sendable, as its values are (texts, numbers, flags and more values), so the
/// values every page shares can be made once for all pages and threads.
struct ThemeValues: MustacheParent, MustacheTransformable, CustomStringConvertible, ExpressibleByDictionaryLiteral, Sendable {
    private var values: [String: any Sendable]

    init(dictionaryLiteral elements: (String, any Sendable)...) {
        values = Dictionary(uniqueKeysWithValues: elements)
    }

    subscript(name: String) -> (any Sendable)? {
        get { values[name] }
        set { values[name] = newValue }
    }

    func child(named name: String) -> Any? {
        values[name]
    }

    func transform(_ name: String) -> Any? {
        values.transform(name)
    }

    var description: String {
        values.description
    }
}
