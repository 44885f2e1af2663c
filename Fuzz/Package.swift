// swift-tools-version: 6.1
// libFuzzer targets over article reading and extraction. Built only by scripts/fuzz:
//   swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "entityd-fuzz",
    dependencies: [.package(name: "entityd", path: "..")],
    targets: [
        .executableTarget(
            name: "ArticleFuzzer",
            dependencies: [
                .product(name: "EntityExtraction", package: "entityd"),
                .product(name: "ArticleReading", package: "entityd"),
                .product(name: "Ingestion", package: "entityd"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
