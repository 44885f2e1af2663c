// swift-tools-version: 6.1
// Benchmarks of entityd, kept out of the main package so that its build and CI's test build
// never compile the benchmark framework.
//   scripts/bench [--smoke]                              macro figures (EntitydBench)
//   swift package --package-path Benchmarks benchmark    micro-benchmarks (ordo-one/benchmark)
import PackageDescription

let package = Package(
    name: "entityd-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "entityd", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The CoNLL-2003 dev documents as gold tokens, raw text and ~500-word articles.
        .target(
            name: "BenchCorpus",
            dependencies: [.product(name: "EntityExtraction", package: "entityd")]
        ),
        // Extraction throughput, daemon latency, throughput, memory and start-up: one table and a JSON file.
        .executableTarget(
            name: "EntitydBench",
            dependencies: [
                "BenchCorpus",
                .product(name: "EntityExtraction", package: "entityd"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Micro-benchmarks of the tokenizer, the feature extractor and the decoder, with allocation counts.
        .executableTarget(
            name: "ExtractionBenchmarks",
            dependencies: [
                "BenchCorpus",
                .product(name: "EntityExtraction", package: "entityd"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ExtractionBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
