extension Extractor {
    /// Builds now what the first `extract` would otherwise build (the recognizer's word-score
    /// cache, ~18 ms): a daemon calls it once it is ready, before work arrives.
    public func warmUp() {
        recognizer?.warmUp()
    }
}
