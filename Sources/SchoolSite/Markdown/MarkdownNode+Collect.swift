extension MarkdownNode {
    /// Every non-nil `transform` result over this node and its descendants, in document order.
    public func collect<T>(_ transform: (MarkdownNode) -> T?) -> [T] {
        withoutActuallyEscaping(transform) { transform in
            var collector = Collector(transform: transform)
            collector.walk(self)
            return collector.results
        }
    }
}

private struct Collector<T>: MarkdownWalker {
    let transform: (MarkdownNode) -> T?
    var results: [T] = []

    mutating func visit(_ node: MarkdownNode) -> Bool {
        if let result = transform(node) { results.append(result) }
        return true
    }
}
