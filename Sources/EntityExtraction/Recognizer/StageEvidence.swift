/// The first stage's labels for one sentence plus the document's aggregate, as the second
/// stage's feature extraction reads them.
struct StageEvidence {
    let labels: ArraySlice<Int>
    let document: FirstPassEvidence
    let labelSet: LabelSet
}
