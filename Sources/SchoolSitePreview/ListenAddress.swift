import FlyingSocks
import Foundation

/// Where the preview listens: an IP address (or `localhost`) and a port.
public struct ListenAddress: Sendable, CustomStringConvertible {
    public let host: String
    public let port: UInt16
    let socketAddress: any SocketAddress

    /// - Throws: `PreviewError.badHost` when `host` is not an IPv4 or IPv6 address or `localhost`.
    public init(host: String, port: UInt16) throws(PreviewError) {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let ip = bare.lowercased() == "localhost" ? "127.0.0.1" : bare
        if let address = try? sockaddr_in.inet(ip4: ip, port: port) {
            socketAddress = address
        } else if let address = try? sockaddr_in6.inet6(ip6: ip, port: port) {
            socketAddress = address
        } else {
            throw .badHost(host)
        }
        self.host = ip
        self.port = port
    }

    /// Only this computer can connect: 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        host.hasPrefix("127.") || host == "::1"
    }

    /// The address a browser on this computer would use, e.g. `http://127.0.0.1:8000/`.
    public var url: String {
        let shown: String
        switch host {
        case "0.0.0.0": shown = "127.0.0.1"
        case "::": shown = "[::1]"
        default: shown = host.contains(":") ? "[\(host)]" : host
        }
        return "http://\(shown):\(port)/"
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The same host on another port (the one the system picked for port 0).
    func on(port: UInt16) -> ListenAddress {
        (try? ListenAddress(host: host, port: port)) ?? self
    }
}
