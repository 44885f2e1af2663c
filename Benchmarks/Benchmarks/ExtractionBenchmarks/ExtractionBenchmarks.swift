import Benchmark
import EntityExtraction

let benchmarks: @Sendable () -> Void = {
    Benchmark("extractor.init") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Extractor())
        }
    }
}
