// swift-tools-version:6.0
// The pipeline, one target a stage, each depending only on the stages before it:
//   CYAML (system libyaml) → YAMLTree (nodes with positions) → WardcheckCore (facts, criteria,
//   evaluation, results, audit) → WardcheckReports (renderers) → wardcheck (CLI).
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
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAMLTree", dependencies: ["CYAML"]),
        .target(name: "WardcheckCore", dependencies: ["YAMLTree"]),
        .target(name: "WardcheckReports", dependencies: ["WardcheckCore"]),
        .executableTarget(
            name: "wardcheck",
            dependencies: [
                "WardcheckCore", "WardcheckReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "wardcheck-bench", dependencies: ["WardcheckCore"]),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree"]),
        .testTarget(name: "WardcheckCoreTests", dependencies: ["WardcheckCore"]),
        .testTarget(name: "WardcheckReportsTests", dependencies: ["WardcheckReports"]),
        .testTarget(name: "CLITests", dependencies: []),
    ]
)
