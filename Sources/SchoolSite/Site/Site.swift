/// Everything a command needs before looking at posts: settings, register, theme.
public struct Site: Sendable {
    public let directory: SiteDirectory
    public let config: SiteConfig
    public let register: Register
    public let theme: Theme

    /// Loads and validates the site; any fault here stops the command (exit 2).
    public static func load(at path: String) throws(SiteError) -> Site {
        let directory = SiteDirectory(path)
        let config = try SiteConfigLoader.load(from: directory)
        let register = try RegisterReader.read(from: directory, path: config.registerPath)
        let theme = try Theme.load(named: config.theme, from: directory, setting: config.themeLocation)
        return Site(directory: directory, config: config, register: register, theme: theme)
    }

    /// Today in the site's time zone: the default build date.
    public var today: Day { Day.today(in: config.timeZone) }
}
