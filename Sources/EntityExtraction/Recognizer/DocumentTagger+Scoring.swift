/// Emission scoring, decoding and spans of the document `prepare` read: both stages.
extension DocumentTagger {
    /// `marginSpans` of the document `prepare` last read: both stages' scoring and decoding.
    mutating func marginSpansOfPrepared() -> [[MarginSpan]] {
        let last = model.stages.count - 1
        reserveEmissions()
        scoreContext()
        if last > 0 {
            firstLabels.removeAll(keepingCapacity: true)
            for s in 0..<analyzed.sentenceCount {
                let range = analyzed.range(of: s)
                guard !range.isEmpty else { continue }
                decode(range, stage: 0)
                firstLabels.append(contentsOf: decoders[0].path[0..<range.count])
            }
            scoreEvidence(FirstPassEvidence(analyzed: analyzed, labels: firstLabels, labelSet: model.labels))
        }
        return (0..<analyzed.sentenceCount).map { s in
            let range = analyzed.range(of: s)
            return range.isEmpty ? [] : spans(range, stage: last)
        }
    }

    /// Makes room for the whole document's emissions (token t's at `t × L`, read in whole SIMD steps).
    mutating func reserveEmissions() {
        let needed = analyzed.infos.count * model.labels.count + LabelVector.lanes(model.labels.count)
        if emissions.count < needed { emissions = [Float](repeating: 0, count: max(needed, 2 * emissions.count)) }
    }

    /// Stage 1's emissions of every token of the document: the sums `scoreContext` left in
    /// `partials` plus the rows of the first stage's evidence (`firstLabels`, `document`).
    mutating func scoreEvidence(_ document: FirstPassEvidence) {
        let l = model.labels.count, lanes = LabelVector.lanes(l), stage = model.stages.count - 1
        let scale = model.stages[stage].weightScale, shift = UInt64(32 * stage), dense = model.stages[stage].evidence
        let inRegisters = LabelVector.registerLanes(l) == 20
        emissions.withUnsafeMutableBufferPointer { out in
        partials.withUnsafeBufferPointer { partialSums in
        model.stages[stage].table.paddedWeights.withUnsafeBufferPointer { rows in
        dense.offsets.withUnsafeBufferPointer { denseOffsets in
        model.sharedIndex.withSlots { slots, mask in
        analyzed.infos.withUnsafeBufferPointer { infos in
        accumulator.withUnsafeMutableBufferPointer { scratch in
        firstLabels.withUnsafeBufferPointer { firstLabelPointer in
            // `firstLabels[t]` is token t's label: raw reads at sentence tokens' indices are in range.
            let rowBase = rows.baseAddress!, denseBase = denseOffsets.baseAddress!, firstLabelBase = firstLabelPointer.baseAddress!
            for s in 0..<analyzed.sentenceCount {
            let range = analyzed.range(of: s), n = range.count, first = range.lowerBound
            let evidence = StageEvidence(labels: firstLabels[range], document: document, labelSet: model.labels)
            /// Token i's stage-1 sums: its context sums from `scoreContext` plus its evidence rows.
            @inline(__always) func sum<S: LabelSums>(_ i: Int, _ sums: inout S) {
                sums.add(partialSums.baseAddress! + (first &+ i) &* lanes)
                if dense.codesContexts {
                    // The two label features by code straight from the labels (`evidenceFeatures`' first two).
                    let labels = firstLabelBase + first
                    let own = labels[i], previous = i > 0 ? labels[i &- 1] : l, next = i &+ 1 < n ? labels[i &+ 1] : l
                    let ownOffset = Int(denseBase[own])
                    if ownOffset >= 0 { sums.add(rowBase + ownOffset) }
                    let contextOffset = Int(denseBase[dense.contextCode(previous: previous, own: own, next: next)])
                    if contextOffset >= 0 { sums.add(rowBase + contextOffset) }
                    FeatureExtractor.documentFeatures(own: own, info: infos[first &+ i], evidence, add)
                } else {
                    FeatureExtractor.evidenceFeatures(i, count: n, info: infos[first &+ i], evidence, add)
                }
                @inline(__always) func add(_ template: FeatureTemplate, _ value: UInt64) {
                    // A small-domain value's row by code; any other by its hashed key.
                    if let code = dense.code(template, value) {
                        let offset = Int(denseBase[code])
                        if offset >= 0 { sums.add(rowBase + offset) }
                    } else {
                        let key = FeatureHash.mix(template.rawValue, value)
                        let offset = Int(truncatingIfNeeded: SharedWeightIndex.offsets(of: key, slots: slots, mask: mask) >> shift & 0xFFFF_FFFF)
                        if offset != 0 { sums.add(rowBase + (offset &- 1)) }
                    }
                }
            }
            for i in 0..<n {
                let target = out.baseAddress! + (first &+ i) &* l
                if inRegisters {
                    var sums = RegisterLabelSums()
                    sum(i, &sums)
                    sums.store(scale: scale, into: target)
                } else {
                    var sums = MemoryLabelSums(scratch.baseAddress!, lanes: lanes)
                    sum(i, &sums)
                    LabelVector.convert(scratch.baseAddress!, lanes: lanes, scale: scale, into: target)
                }
            }
            }
        }
        }
        }
        }
        }
        }
        }
        }
    }

    /// The fast path's emission scores of every sentence at both stages (empty sentences give
    /// `[]`), with the first stage's labels: what `RecognizerFastPathTests` compares with the
    /// reference.
    mutating func stageEmissions(_ document: [[Substring]]) -> (scores: [[[Float]]], firstLabels: [[Int]]) {
        stageEmissions(RecognizerInput(document))
    }

    /// `stageEmissions` of a document in byte form.
    mutating func stageEmissions(_ input: RecognizerInput) -> (scores: [[[Float]]], firstLabels: [[Int]]) {
        prepare(input)
        reserveEmissions()
        scoreContext()
        var scores: [[[Float]]] = model.stages.map { _ in [] }
        var labels: [[Int]] = []
        firstLabels.removeAll(keepingCapacity: true)
        for s in 0..<analyzed.sentenceCount {
            let range = analyzed.range(of: s)
            guard !range.isEmpty else { scores[0].append([]); labels.append([]); continue }
            scores[0].append(labelOrderEmissions(range))
            decode(range, stage: 0)
            labels.append(Array(decoders[0].path[0..<range.count]))
            firstLabels.append(contentsOf: labels[s])
        }
        guard model.stages.count > 1 else { return (scores, labels) }
        scoreEvidence(FirstPassEvidence(analyzed: analyzed, labels: firstLabels, labelSet: model.labels))
        for s in 0..<analyzed.sentenceCount {
            let range = analyzed.range(of: s)
            scores[1].append(range.isEmpty ? [] : labelOrderEmissions(range))
        }
        return (scores, labels)
    }

    /// The emissions of the tokens `range` in label order (`emissions` holds them part-major, as
    /// the weight rows: `WeightTable.laneOfLabel`).
    func labelOrderEmissions(_ range: Range<Int>) -> [Float] {
        let l = model.labels.count, lanes = model.stages[0].table.laneOfLabel
        return (range.lowerBound * l..<range.upperBound * l).map { emissions[$0 - $0 % l + lanes[$0 % l]] }
    }

    /// Decodes the emissions of the sentence `range` at `stage`; returns the best path's score.
    @discardableResult
    mutating func decode(_ range: Range<Int>, stage: Int) -> Float {
        emissions.withUnsafeBufferPointer { decoders[stage].decode(rows($0, from: range.lowerBound), count: range.count, partMajor: true) }
    }

    /// The emissions from token `first` on, to the end of the buffer: the decoder reads them in
    /// place, its last row a few floats past the sentence's (`reserveEmissions` pads the buffer).
    private func rows(_ emissions: UnsafeBufferPointer<Float>, from first: Int) -> UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(rebasing: emissions[(first * model.labels.count)...])
    }

    mutating func spans(_ range: Range<Int>, stage: Int) -> [MarginSpan] {
        let n = range.count
        let best = decode(range, stage: stage)
        // Margins need the backward pass only from the first entity token on.
        guard let firstEntity = decoders[stage].path[0..<n].firstIndex(where: { $0 != 0 }) else { return [] }
        emissions.withUnsafeBufferPointer { decoders[stage].computeMaxMarginals(rows($0, from: range.lowerBound), count: n, from: firstEntity) }
        var spans: [MarginSpan] = []
        // Room for most sentences' entities at once (growing from one took two allocations on average).
        spans.reserveCapacity(min(n, 8))
        BILOUDecoder(labels: model.labels).decode(count: n, label: { decoders[stage].path[$0] }) { range, type in
            spans.append((range, type, best - decoders[stage].bestRival(over: range)))
        }
        return spans
    }
}
