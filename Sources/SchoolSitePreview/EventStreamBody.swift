import FlyingSocks
import Foundation

/// The body of the `/_preview/events` response: the chunks of an `AsyncStream`,
/// sent as they come, until the stream finishes or the page is closed.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let chunks: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator {
        Iterator(chunks: chunks.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var chunks: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            while pending.isEmpty {
                guard let chunk = await chunks.next() else { return nil }
                pending = Array(chunk)
            }
            let taken = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
