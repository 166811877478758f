import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to 127.0.0.1, for sending requests exactly as written
/// (`/../site.yml` unnormalised) and reading a response or an event stream.
/// Blocking reads run on their own thread, never on the test's.
final class RawConnection: @unchecked Sendable {
    private let socket: Int32

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard socket >= 0, connected == 0 else { throw FixtureError("cannot connect to 127.0.0.1:\(port)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socket) }

    func send(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until `done` says the bytes so far are enough, the server closes, or `timeout` passes.
    func receive(within timeout: Duration, until done: @escaping @Sendable (Data) -> Bool) async -> Data {
        await withCheckedContinuation { continuation in
            Thread { [self] in
                let deadline = ContinuousClock.now + timeout
                var received = Data()
                var buffer = [UInt8](repeating: 0, count: 65536)
                while !done(received), ContinuousClock.now < deadline {
                    let count = recv(socket, &buffer, buffer.count, 0)
                    if count == 0 { break }
                    if count > 0 { received.append(contentsOf: buffer[..<count]) }
                }
                continuation.resume(returning: received)
            }.start()
        }
    }
}

/// A response read off the socket.
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }

    /// GET `target` sent as written, with `host` as the Host header.
    static func get(_ target: String, port: UInt16, host: String? = nil) async throws -> RawResponse {
        let connection = try RawConnection(port: port)
        connection.send("GET \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
        let data = await connection.receive(within: .seconds(10)) { RawResponse(parsing: $0)?.isComplete == true }
        guard let response = RawResponse(parsing: data) else { throw FixtureError("no HTTP response to GET \(target): \(String(decoding: data, as: UTF8.self))") }
        return response
    }

    /// GETs `target` until `done` holds for the response or 5 s pass (a saved
    /// change is re-rendered within a poll or two), and returns the last response.
    static func eventually(_ target: String, port: UInt16, _ done: (RawResponse) -> Bool) async throws -> RawResponse {
        let deadline = ContinuousClock.now + .seconds(5)
        var response = try await get(target, port: port)
        while !done(response), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            response = try await get(target, port: port)
        }
        return response
    }

    /// Parses a status line, headers and as much of the body as has come.
    init?(parsing data: Data) {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1.1 "), let status = Int(statusLine.dropFirst(9).prefix(3)) else { return nil }
        self.status = status
        headers = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        body = Data(data[end.upperBound...])
    }

    var isComplete: Bool {
        guard let length = headers["content-length"].flatMap(Int.init) else { return false }
        return body.count >= length
    }
}
