// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "schoolsite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "schoolsite", targets: ["schoolsite"]),
        .library(name: "SchoolSite", targets: ["SchoolSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CFileSystem"),
        .target(
            name: "SchoolSite",
            dependencies: [
                "CCmark",
                "CFileSystem",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            // The schemas of the build cache's and the output record's files; `make proto` turns them into .pb.swift files.
            exclude: ["Pipeline/BuildCacheFile.proto", "Output/OutputRecordFile.proto"]
        ),
        .target(
            name: "SchoolSitePreview",
            dependencies: [
                "SchoolSite",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "schoolsite",
            dependencies: [
                "SchoolSite",
                "SchoolSitePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc in place of glibc's malloc: a build allocates millions of small
            // strings on every core, and took about a tenth less time with it (bench/run.sh).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "SchoolSiteTests",
            dependencies: ["SchoolSite"]
        ),
        .testTarget(
            name: "SchoolSitePreviewTests",
            dependencies: ["SchoolSitePreview", "SchoolSite"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// `make fuzz` only: the libFuzzer targets (image stripper, posts, register). It
// is built with -sanitize=fuzzer,address, which an ordinary build does not pass.
if Context.environment["SCHOOLSITE_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "Fuzzer", dependencies: ["SchoolSite"]))
}
