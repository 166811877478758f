import Foundation

extension Array where Element: Sendable {
    /// `map` across every core; the order of the results is the order of the input.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each index is written exactly once by one worker, so no lock is needed.
            nonisolated(unsafe) let output = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: input.count) { index in
                    (output.baseAddress! + index).initialize(to: transform(input[index]))
                }
            }
            initialized = count
        }
    }
}
