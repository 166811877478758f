import SchoolSite

/// Why the preview could not start, in words a member of staff can act on.
public enum PreviewError: Error, Sendable, CustomStringConvertible {
    /// site.yml, the register or the theme is broken: the same errors `build` gives.
    case site(SiteError)
    case badHost(String)
    case portInUse(ListenAddress)
    case cannotListen(ListenAddress, reason: String)

    public var description: String {
        switch self {
        case .site(let error):
            return error.description
        case .badHost(let host):
            return "--host must be an IP address such as 127.0.0.1 or ::1, or localhost (got \(host))"
        case .portInUse(let address):
            return "port \(address.port) on \(address.host) is already in use (another preview, perhaps, or another program); stop it or choose another port, e.g. --port \(address.port == 65535 ? 8001 : address.port + 1)"
        case .cannotListen(let address, let reason):
            return "cannot listen on \(address): \(reason)"
        }
    }
}
