// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "entityd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "entityd", targets: ["entityd"]),
        .library(name: "EntityExtraction", targets: ["EntityExtraction"]),
        .library(name: "ArticleReading", targets: ["ArticleReading"]),
        .library(name: "Ingestion", targets: ["Ingestion"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: ["JSON", "YAML"]),
    ],
    targets: [
        // libsystemd (Debian: libsystemd-dev), found with pkg-config.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // SHA-256 block function on the x86 SHA extensions (the portable one is in Ingestion).
        .target(name: "CSHA256"),
        // Pure text → entities. Foundation only: no files, no daemons, no systemd.
        .target(
            name: "EntityExtraction",
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        // Bytes → article: format (txt, md, html, json), encoding, title. Foundation only.
        .target(
            name: "ArticleReading",
            swiftSettings: strict
        ),
        // Inbox watching, claiming, workers, outbox writing, quarantine, recovery.
        .target(
            name: "Ingestion",
            dependencies: [
                "EntityExtraction",
                "ArticleReading",
                "CSHA256",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        // journald LogHandler and sd_notify.
        .target(
            name: "SystemdSupport",
            dependencies: [
                "CSystemd",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "entityd",
            dependencies: [
                "EntityExtraction",
                "ArticleReading",
                "Ingestion",
                "SystemdSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "EntityExtractionTests", dependencies: ["EntityExtraction"], swiftSettings: strict),
        .testTarget(name: "ArticleReadingTests", dependencies: ["ArticleReading"], swiftSettings: strict),
        .testTarget(name: "IngestionTests", dependencies: ["Ingestion", "EntityExtraction", "ArticleReading"], swiftSettings: strict),
        .testTarget(name: "SystemdSupportTests", dependencies: ["SystemdSupport"], swiftSettings: strict),
        // End-to-end tests of the built binary (they run .build/<config>/entityd).
        .testTarget(name: "EntitydTests", dependencies: ["entityd"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
