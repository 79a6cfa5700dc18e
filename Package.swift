// swift-tools-version:6.0
// The pipeline, one target a stage, each depending only on the stages before it:
//   CYAML (system libyaml) → YAMLTree (nodes with positions) → WardcheckCore (facts, criteria,
//   evaluation, results, audit; CDiskWrites for sync_file_range) → WardcheckReports (renderers;
//   ZIPFoundation for XLSX) → wardcheck (CLI).
// The web server is its own stage and its own executable: WardcheckServer (Hummingbird routes,
// pages, submissions) → wardcheck-serve, which `wardcheck serve` starts, so the command-line tool
// never links the HTTP stack and `check` starts as fast as before.
import PackageDescription

let package = Package(
    name: "wardcheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wardcheck", targets: ["wardcheck"]),
        .executable(name: "wardcheck-serve", targets: ["wardcheck-serve"]),
        .library(name: "WardcheckCore", targets: ["WardcheckCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The zip container of the audit's Excel workbook (XLSX); needs zlib (Debian's zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // HTTP parts as Swift HTTP Types, for the server's connection deadlines (already under Hummingbird).
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAMLTree", dependencies: ["CYAML"]),
        // sync_file_range(2), which Swift's Glibc module leaves out: a report sent on to the disk as it is written.
        .target(name: "CDiskWrites"),
        // Crypto: the SHA-256 digest that names a criteria folder's exact contents (CriteriaIdentity).
        .target(name: "WardcheckCore", dependencies: ["YAMLTree", "CDiskWrites", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "WardcheckReports", dependencies: [
            "WardcheckCore",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            // SHA-256 for the GitLab Code Quality report's fingerprints (Foundation on Linux has none).
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(
            name: "wardcheck",
            dependencies: [
                "WardcheckCore", "WardcheckReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "WardcheckServer",
            dependencies: [
                "YAMLTree", "WardcheckCore", "WardcheckReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "wardcheck-serve",
            dependencies: [
                "WardcheckCore", "WardcheckReports", "WardcheckServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "wardcheck-bench", dependencies: ["WardcheckCore", "YAMLTree", "CYAML"]),
        // The fuzz target: replays files in a normal build; `make fuzz` builds it with libFuzzer.
        .executableTarget(name: "wardcheck-fuzz", dependencies: ["WardcheckCore", "WardcheckReports"]),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"]),
        .testTarget(name: "WardcheckCoreTests", dependencies: ["WardcheckCore"]),
        .testTarget(name: "WardcheckReportsTests", dependencies: [
            "WardcheckReports",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "CLITests", dependencies: []),
        .testTarget(
            name: "WardcheckServerTests",
            dependencies: [
                "WardcheckCore", "WardcheckReports", "WardcheckServer", "YAMLTree",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)
