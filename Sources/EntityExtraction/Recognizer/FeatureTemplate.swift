/// Feature templates. A feature key is `FeatureHash.mix(template.rawValue, value)`; the raw
/// values are part of the model format.
enum FeatureTemplate: UInt64 {
    case bias = 1
    case word, lower, shape, shortShape
    case prefix1, prefix2, prefix3, prefix4
    case suffix1, suffix2, suffix3, suffix4
    case lowerMinus2, lowerMinus1, lowerPlus1, lowerPlus2
    case shapeMinus1, shapePlus1
    case bigramLeft, bigramRight, shapeTrigram
    case initialShape, headlineLower, headlineTitle
    case gazetteerHere, gazetteerMinus1, gazetteerPlus1
    case clusterHere, clusterMinus1, clusterPlus1
    case casePrior, documentCase
    case flagsInContext, lengthBucket
    case previousWordShape, nextWordShape
    case firstStageLabel, firstStageContext, documentTypeShare, documentVote
    case topicShape, topicCluster, topicGazetteer
}
