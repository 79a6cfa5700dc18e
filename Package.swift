// swift-tools-version:6.0
// The pipeline, one target a stage, each depending only on the stages before it:
//   CYAML (system libyaml) → YAMLTree (nodes with positions) → WardcheckCore (facts, criteria,
//   evaluation, results, audit) → WardcheckReports (renderers; ZIPFoundation for XLSX) → wardcheck (CLI).
import PackageDescription

let package = Package(
    name: "wardcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wardcheck", targets: ["wardcheck"]),
        .library(name: "WardcheckCore", targets: ["WardcheckCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The zip container of the audit's Excel workbook (XLSX); needs zlib (Debian's zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAMLTree", dependencies: ["CYAML"]),
        .target(name: "WardcheckCore", dependencies: ["YAMLTree"]),
        .target(name: "WardcheckReports", dependencies: [
            "WardcheckCore",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(
            name: "wardcheck",
            dependencies: [
                "WardcheckCore", "WardcheckReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "wardcheck-bench", dependencies: ["WardcheckCore"]),
        // The fuzz target: replays files in a normal build; `make fuzz` builds it with libFuzzer.
        .executableTarget(name: "wardcheck-fuzz", dependencies: ["WardcheckCore", "WardcheckReports"]),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"]),
        .testTarget(name: "WardcheckCoreTests", dependencies: ["WardcheckCore"]),
        .testTarget(name: "WardcheckReportsTests", dependencies: [
            "WardcheckReports",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "CLITests", dependencies: []),
    ]
)
